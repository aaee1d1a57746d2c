package org.parley.messaging.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.MemberChanged;
import org.parley.messaging.control.RateLimiter;
import org.parley.messaging.control.TextNormalizer;
import org.parley.messaging.entity.Conversation;
import org.parley.messaging.entity.ConversationEnded;
import org.parley.messaging.entity.ConversationEvent;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.ConversationStarted;
import org.parley.messaging.entity.MessagePosted;
import org.parley.messaging.entity.MessagingRefusedException;
import org.parley.messaging.entity.Party;
import org.parley.messaging.entity.Reach;
import org.parley.messaging.entity.TypingChanged;
import org.parley.messaging.entity.VisitorIdentity;
import org.parley.presence.boundary.PresenceRegistry;

/**
 * Conversations between visitors and members, in memory. A message to a reachable member is
 * relayed without touching the database; to an unreachable one it is stored as an offline
 * message (when the member accepts them). Every change fires a {@link ConversationEvent}
 * synchronously while the conversation is locked, so sockets hear of messages in order and
 * before the sender is acknowledged.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Conversations {

    private static final Logger LOG = Logger.getLogger(Conversations.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    @Inject
    MemberDirectory directory;

    @Inject
    PresenceRegistry presence;

    @Inject
    OfflineMessages offline;

    @Inject
    Event<ConversationEvent> events;

    @Inject
    @ConfigProperty(name = "parley.conversation.resume-window", defaultValue = "PT10M")
    Duration resumeWindow;

    @Inject
    @ConfigProperty(name = "parley.limits.conversations-per-minute", defaultValue = "5")
    int conversationsPerMinute;

    private final Clock clock = Clock.systemUTC();
    private final ConcurrentHashMap<String, Conversation> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Conversation> byResumeToken = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, RateLimiter> startsByAddress = new ConcurrentHashMap<>();

    @PostConstruct
    void check() {
        if (conversationsPerMinute < 1) {
            throw new IllegalArgumentException("parley.limits.conversations-per-minute must be at least 1");
        }
    }

    /**
     * The member a visitor may talk to: known, enabled and sharing on the web, or, when the control
     * sits on the member's own profile page ({@code onTheirProfile}, which the caller checked), showing
     * a chat control there; else empty, the same for every case.
     */
    public Optional<Invitee> invitee(String id, boolean onTheirProfile) {
        return directory.byCid(id).flatMap(member -> {
            Reach reach = new Reach(member.cid(), onTheirProfile);
            return reach.holds(member) ? Optional.of(new Invitee(member, presence.presenceOf(member.username()), reach))
                    : Optional.empty();
        });
    }

    /** A fresh random token a visitor keeps to resume their conversation on a new socket. */
    public static String newResumeToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Starts a conversation with the invitee, if they can still be reached the way the visitor came; limited per visitor address. */
    public Conversation start(Invitee invitee, VisitorIdentity visitor, String address, String page, String resumeToken) {
        directory.byUsername(invitee.member().username()).filter(invitee.reach()::holds)
                .orElseThrow(() -> notFound("This member cannot be reached here."));
        RateLimiter limiter = startsByAddress.computeIfAbsent(address,
                a -> new RateLimiter(conversationsPerMinute / 60.0, conversationsPerMinute, clock));
        Duration wait = limiter.tryAcquire();
        if (!wait.isZero()) {
            throw MessagingRefusedException.rateLimited("Too many new conversations from your address.", wait);
        }
        Conversation conversation = new Conversation(newResumeToken(), invitee.member().username(), invitee.reach(),
                visitor, page, clock.instant(), resumeToken);
        byId.put(conversation.id(), conversation);
        byResumeToken.put(resumeToken, conversation);
        return conversation;
    }

    /** A visitor's message: delivered live, or stored as an offline message, or refused. */
    public Delivery postFromVisitor(String conversationId, String rawText) {
        String text = TextNormalizer.message(rawText).orElseThrow(MessagingRefusedException::textOutOfBounds);
        Conversation conversation = open(conversationId);
        DirectoryEntry member = directory.byUsername(conversation.invitee())
                .filter(conversation.reach()::holds).orElseThrow(() -> notFound("This member cannot be reached here."));
        synchronized (conversation) {
            if (presence.reachable(member.username())) {
                if (conversation.announce()) {
                    events.fire(new ConversationStarted(conversation.id(), conversation.invitee(), conversation.visitor(),
                            conversation.page(), conversation.startedAt()));
                }
                ConversationMessage message = conversation.append(Party.VISITOR, text, clock.instant(), false);
                events.fire(new MessagePosted(conversation.id(), conversation.invitee(), message, null));
                return new Delivery(message);
            }
            if (!member.offlineMessages()) {
                throw new MessagingRefusedException("invitee_offline",
                        member.displayName() + " is offline and does not take messages now.");
            }
            ConversationMessage message = conversation.append(Party.VISITOR, text, clock.instant(), true);
            offline.leave(member.username(), conversation.visitor(), text, message.at());
            return new Delivery(message);
        }
    }

    /** A member's reply from one of their clients. */
    public ConversationMessage postFromMember(String username, String clientId, String conversationId, String rawText) {
        String text = TextNormalizer.message(rawText).orElseThrow(MessagingRefusedException::textOutOfBounds);
        Conversation conversation = ownedBy(username, conversationId);
        synchronized (conversation) {
            ConversationMessage message = conversation.append(Party.MEMBER, text, clock.instant(), false);
            events.fire(new MessagePosted(conversation.id(), conversation.invitee(), message, clientId));
            return message;
        }
    }

    public void typingFromVisitor(String conversationId, boolean active) {
        Conversation conversation = open(conversationId);
        synchronized (conversation) {
            if (conversation.isAnnounced()) {
                events.fire(new TypingChanged(conversation.id(), conversation.invitee(), Party.VISITOR, active, null));
            }
        }
    }

    public void typingFromMember(String username, String clientId, String conversationId, boolean active) {
        Conversation conversation = ownedBy(username, conversationId);
        synchronized (conversation) {
            events.fire(new TypingChanged(conversation.id(), conversation.invitee(), Party.MEMBER, active, clientId));
        }
    }

    /** The member closes a conversation. */
    public void close(String username, String conversationId) {
        end(ownedBy(username, conversationId), ConversationEnded.CLOSED);
    }

    /** The visitor's socket went away; they may resume within the resume window. */
    public void visitorLeft(String conversationId) {
        Conversation conversation = byId.get(conversationId);
        if (conversation != null) {
            conversation.visitorLeft(clock.instant());
        }
    }

    /** A visitor on a new socket takes their conversation back and gets what they missed. */
    public Resumed resume(String resumeToken, long lastSeq) {
        Conversation conversation = byResumeToken.get(resumeToken);
        if (conversation == null || conversation.isEnded()) {
            throw notFound("There is no conversation to resume.");
        }
        conversation.visitorBack();
        return new Resumed(conversation, conversation.after(lastSeq));
    }

    /** The conversations a member's clients know of, oldest first. */
    public List<Conversation> openFor(String username) {
        return byId.values().stream()
                .filter(c -> c.invitee().equals(username) && c.isAnnounced() && !c.isEnded())
                .sorted(Comparator.comparing(Conversation::startedAt)).toList();
    }

    /**
     * Runs once the directory knows of the change (and before the sockets hear of it): a member who
     * can no longer be reached the way a visitor came (web sharing off, a new CID, disabled) loses
     * those conversations at once, so the visitor hears {@code ended} and the member's clients
     * {@code conversation.ended}, both with reason {@code unreachable}.
     */
    public void memberChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                              @Priority(Interceptor.Priority.APPLICATION + 700) MemberChanged change) {
        Optional<DirectoryEntry> member = directory.byUsername(change.username());
        List<Conversation> lost = byId.values().stream()
                .filter(c -> c.invitee().equals(change.username()) && member.filter(c.reach()::holds).isEmpty())
                .toList();
        lost.forEach(c -> end(c, ConversationEnded.UNREACHABLE));
        if (!lost.isEmpty()) {
            LOG.info(() -> "Ended " + lost.size() + " conversation(s) with '" + change.username() + "': visitors can no "
                    + "longer reach them the way they came (web sharing off, a new CID or a disabled account)");
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void sweep() {
        var now = clock.instant();
        byId.values().stream().filter(c -> c.visitorGoneLongerThan(resumeWindow, now))
                .forEach(c -> end(c, ConversationEnded.VISITOR_LEFT));
        if (startsByAddress.size() > MAX_TRACKED_ADDRESSES) {
            startsByAddress.values().removeIf(RateLimiter::idle);
        }
    }

    private void end(Conversation conversation, String reason) {
        synchronized (conversation) {
            if (conversation.end()) {
                byId.remove(conversation.id());
                byResumeToken.remove(conversation.resumeToken());
                events.fire(new ConversationEnded(conversation.id(), conversation.invitee(), reason));
                LOG.fine(() -> "Conversation " + conversation.id() + " with " + conversation.invitee() + " ended: " + reason);
            }
        }
    }

    private Conversation open(String conversationId) {
        Conversation conversation = conversationId == null ? null : byId.get(conversationId);
        if (conversation == null || conversation.isEnded()) {
            throw notFound("This conversation has ended.");
        }
        return conversation;
    }

    private Conversation ownedBy(String username, String conversationId) {
        Conversation conversation = open(conversationId);
        if (!conversation.invitee().equals(username) || !conversation.isAnnounced()) {
            throw notFound("There is no such conversation.");
        }
        return conversation;
    }

    private static MessagingRefusedException notFound(String message) {
        return new MessagingRefusedException(MessagingRefusedException.NOT_FOUND, message);
    }
}
