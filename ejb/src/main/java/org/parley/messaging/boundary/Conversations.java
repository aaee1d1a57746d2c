package org.parley.messaging.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.parley.consent.control.TokenDigests;
import org.parley.messaging.control.KeptConversations;
import org.parley.messaging.control.MessageRate;
import org.parley.messaging.control.RateLimiter;
import org.parley.messaging.control.SlidingWindow;
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
import org.parley.messaging.entity.Receipt;
import org.parley.messaging.entity.SavedConversation;
import org.parley.messaging.entity.VisitorReceipt;
import org.parley.messaging.entity.TypingChanged;
import org.parley.messaging.entity.VisitorIdentity;
import org.parley.presence.boundary.PresenceRegistry;
import org.parley.settings.control.CurrentSettings;
import org.parley.settings.entity.Setting;
import org.parley.settings.entity.SettingValues;
import org.parley.settings.entity.SettingsChanged;
import org.parley.storage.control.DatabaseSettings;

/**
 * Conversations between visitors and members, in memory. A message to a reachable member is
 * relayed without touching the database; to an unreachable one it is stored as an offline
 * message (when the member accepts them). A relayed visitor message waits in memory for a
 * member client's {@link #received receipt}; one that no client confirmed when the
 * conversation ends or the member's last client goes is stored as an offline message, so an
 * acknowledged message is never lost. Every change fires a {@link ConversationEvent}
 * synchronously while the conversation is locked, so sockets hear of messages in order and
 * before the sender is acknowledged.
 * <p>
 * Limits belong to the visitor, not to their socket: messages count against the conversation
 * (a resume on a new socket continues its allowance) and, together, against the visitor's address
 * (so more conversations bring no more messages), new conversations against the address
 * (at most {@code conversations-per-minute} in any 60 s), and typing, identify and resume
 * against the conversation, or the address before there is one. The limits are the settings in
 * effect (Admin → Settings, else configured); a change applies at once, also to conversations under way.
 * Every message relayed or stored is counted, without a lock, for the dashboard's messages per minute.
 * <p>
 * A graceful stop keeps the open conversations ({@link KeptConversations}, a file in the data folder: ids, participants, the hash of the resume
 * token, sequence numbers and the replay buffer with its receipts) and the next start takes them back, so visitors and
 * members' clients resume them as after a lost connection, within the resume window counted from the stop; a message
 * that comes while they are being kept is refused as {@code rate_limited} (send it again), never acknowledged and lost.
 * Visitor messages no client confirmed stay unconfirmed across the restart, until a client of the member confirms them
 * or they become offline messages as always.
 */
@Singleton
@Startup
@DependsOn("MemberDirectory")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Conversations {

    private static final Logger LOG = Logger.getLogger(Conversations.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    @EJB
    MemberDirectory directory;

    @EJB
    PresenceRegistry presence;

    @EJB
    OfflineMessages offline;

    @Inject
    Event<ConversationEvent> events;

    @Inject
    @ConfigProperty(name = "parley.conversation.resume-window", defaultValue = "PT10M")
    Duration resumeWindow;

    @Inject
    CurrentSettings settings;

    @Inject
    @ConfigProperty(name = DatabaseSettings.DATA_DIR_KEY, defaultValue = DatabaseSettings.DEFAULT_DATA_DIR)
    String dataDir;

    /** Set when Parley stops: from then on no message is taken, so none is acknowledged after its conversation was kept. */
    private volatile boolean stopping;

    /** A visitor's allowances in one conversation: messages, and the typing, identify and resume frames. */
    private record Allowance(RateLimiter messages, RateLimiter signals) {
    }

    private final Clock clock = Clock.systemUTC();
    private final ConcurrentHashMap<String, Conversation> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Conversation> byResumeToken = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Allowance> allowances = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SlidingWindow> startsByAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, RateLimiter> signalsByAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, RateLimiter> messagesByAddress = new ConcurrentHashMap<>();
    /** Messages per minute over the last hour, for the admin dashboard; counted without a lock. */
    private final MessageRate rate = new MessageRate();

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

    /**
     * The member a contact point routed a visitor to ({@code contact}, its name), reached through it:
     * known and enabled, whatever their web sharing; else empty. The caller checked that the contact
     * point did route the visitor here.
     */
    public Optional<Invitee> inviteeThroughContact(String id, String contact) {
        return directory.byCid(id).flatMap(member -> {
            Reach reach = Reach.throughContact(member.cid(), contact);
            return reach.holds(member) ? Optional.of(new Invitee(member, presence.presenceOf(member.username()), reach))
                    : Optional.empty();
        });
    }

    /**
     * How many conversations the member has open now, including those a visitor opened and has not
     * written in yet: what a contact point weighs to spread visitors over its members. Memory only.
     */
    public int openCount(String username) {
        int open = 0;
        for (Conversation conversation : byId.values()) {
            if (conversation.invitee().equals(username) && !conversation.isEnded()) {
                open++;
            }
        }
        return open;
    }

    /** A fresh random token a visitor keeps to resume their conversation on a new socket. */
    public static String newResumeToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Starts a conversation with the invitee, if they can still be reached the way the visitor came; at most so many in any minute per visitor address. */
    public Conversation start(Invitee invitee, VisitorIdentity visitor, String address, String page, String resumeToken) {
        directory.byUsername(invitee.member().username()).filter(invitee.reach()::holds)
                .orElseThrow(() -> notFound("This member cannot be reached here."));
        SlidingWindow starts = startsByAddress.computeIfAbsent(address, a -> new SlidingWindow(
                settings.now().whole(Setting.CONVERSATIONS_PER_MINUTE), Duration.ofMinutes(1), clock));
        Duration wait = starts.tryAcquire();
        if (!wait.isZero()) {
            throw MessagingRefusedException.rateLimited("Too many new conversations from your address.", wait);
        }
        Conversation conversation = new Conversation(newResumeToken(), invitee.member().username(), invitee.reach(),
                visitor, page, clock.instant(), TokenDigests.of(resumeToken));
        add(conversation);
        return conversation;
    }

    private void add(Conversation conversation) {
        SettingValues limits = settings.now();
        double messagesPerSecond = limits.decimal(Setting.VISITOR_MESSAGES_PER_SECOND);
        int messageBurst = limits.whole(Setting.VISITOR_MESSAGE_BURST);
        allowances.put(conversation.id(), new Allowance(new RateLimiter(messagesPerSecond, messageBurst, clock),
                new RateLimiter(2 * messagesPerSecond, 2 * messageBurst, clock)));
        byId.put(conversation.id(), conversation);
        byResumeToken.put(conversation.resumeTokenHash(), conversation);
    }

    /** Takes back the conversations the last graceful stop kept; the sweep ends those whose visitor does not come back in time. */
    @PostConstruct
    void takeBack() {
        List<SavedConversation> kept = new KeptConversations(Path.of(dataDir)).take();
        kept.forEach(s -> add(Conversation.restore(s)));
        if (!kept.isEmpty()) {
            LOG.info(() -> "Took back " + kept.size() + " conversation(s) that were open when Parley stopped; their visitors and "
                    + "members' clients resume them as after a lost connection (within parley.conversation.resume-window = "
                    + resumeWindow + " of the stop)");
        }
    }

    /** Keeps the open conversations for the next start (a graceful stop); nothing is taken from now on. */
    @PreDestroy
    void keepForRestart() {
        stopping = true;
        Instant now = clock.instant();
        List<SavedConversation> open = new ArrayList<>();
        for (Conversation conversation : byId.values()) {
            synchronized (conversation) { // a message under way is in, or refused
                if (!conversation.isEnded()) {
                    open.add(conversation.save(now));
                }
            }
        }
        if (open.isEmpty()) {
            return;
        }
        KeptConversations file = new KeptConversations(Path.of(dataDir));
        try {
            file.keep(open);
            byId.clear(); // kept: sockets closing now must not store their messages a second time
            byResumeToken.clear();
            LOG.info(() -> "Kept " + open.size() + " open conversation(s) for the restart: visitors and members may resume them "
                    + "within parley.conversation.resume-window = " + resumeWindow + " of now");
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "The " + open.size() + " open conversation(s) could not be kept for the restart in " + file.file()
                    + " and end with it (" + e + ")");
        }
    }

    private void refuseWhileStopping() {
        if (stopping) {
            throw MessagingRefusedException.rateLimited("Parley is restarting; send it again in a moment.", Duration.ofSeconds(5));
        }
    }

    /**
     * A visitor's message from {@code address}, counted against the conversation's allowance and the
     * address's together (a refusal by one costs nothing against the other): delivered live, or stored
     * as an offline message, or refused.
     */
    public Delivery postFromVisitor(String conversationId, String address, String rawText) {
        Conversation conversation = open(conversationId);
        Allowance allowance = allowances.get(conversation.id());
        if (allowance == null) {
            throw notFound("This conversation has ended.");
        }
        RateLimiter byAddress = messagesByAddress.computeIfAbsent(address, a -> new RateLimiter(
                settings.now().decimal(Setting.ADDRESS_MESSAGES_PER_SECOND), settings.now().whole(Setting.ADDRESS_MESSAGE_BURST), clock));
        Duration wait = RateLimiter.tryAcquireAll(allowance.messages(), byAddress);
        if (!wait.isZero()) {
            throw MessagingRefusedException.rateLimited("You are sending messages too fast.", wait);
        }
        String text = TextNormalizer.message(rawText).orElseThrow(MessagingRefusedException::textOutOfBounds);
        DirectoryEntry member = directory.byUsername(conversation.invitee())
                .filter(conversation.reach()::holds).orElseThrow(() -> notFound("This member cannot be reached here."));
        synchronized (conversation) {
            if (conversation.isEnded()) {
                throw notFound("This conversation has ended.");
            }
            refuseWhileStopping();
            if (presence.reachable(member.username())) {
                if (conversation.announce()) {
                    events.fire(new ConversationStarted(conversation.id(), conversation.invitee(), conversation.visitor(),
                            conversation.page(), conversation.startedAt()));
                }
                ConversationMessage message = conversation.append(Party.VISITOR, text, clock.instant(), false);
                rate.count();
                events.fire(new MessagePosted(conversation.id(), conversation.invitee(), message, null));
                storeOffline(conversation, conversation.overflow());
                return new Delivery(message);
            }
            if (!member.offlineMessages()) {
                throw new MessagingRefusedException("invitee_offline",
                        member.displayName() + " is offline and does not take messages now.");
            }
            // stored first: a refusal (the member's mailbox is full) leaves no trace in the conversation
            var at = clock.instant();
            offline.leave(member.username(), member.displayName(), conversation.visitor(), text, at);
            rate.count();
            return new Delivery(conversation.append(Party.VISITOR, text, at, true));
        }
    }

    /**
     * A client of the member showed the visitor's message {@code seq}, with the conversation in
     * front of the member when {@code read}: the visitor gets a {@link Receipt}, and the message
     * will not become an offline message.
     */
    public void received(String username, String conversationId, long seq, boolean read) {
        Conversation conversation = ownedBy(username, conversationId);
        synchronized (conversation) {
            conversation.confirm(seq, read).forEach(events::fire);
        }
    }

    /**
     * The visitor's control showed the member's message {@code seq}, with the page in front of the
     * visitor when {@code read}: the member's clients get a {@link VisitorReceipt}. Idempotent, so it
     * is not counted against the visitor's allowance.
     */
    public void receivedByVisitor(String conversationId, long seq, boolean read) {
        Conversation conversation = open(conversationId);
        synchronized (conversation) {
            conversation.seenByVisitor(seq, read).forEach(events::fire);
        }
    }

    /**
     * The member's last client went away: nobody can confirm the visitor messages waiting for a
     * receipt now, so they become offline messages (unless a new client came meanwhile).
     */
    public void lastClientLeft(String username) {
        byId.values().stream().filter(c -> c.invitee().equals(username)).forEach(conversation -> {
            synchronized (conversation) {
                try {
                    if (!conversation.isEnded() && !presence.reachable(username)) {
                        storeOffline(conversation, conversation.unconfirmed());
                    }
                } catch (RuntimeException e) {
                    LOG.warning(() -> "Unconfirmed messages of the conversation " + conversation.id() + " with " + username
                            + " stay in memory until it ends: they could not be stored as offline messages (" + e + ")");
                }
            }
        });
    }

    /**
     * Counts a visitor's typing, identify or resume frame against the conversation's allowance,
     * or the address's while there is no conversation: twice the message rate and burst.
     */
    public void countVisitorSignal(String conversationId, String address) {
        Allowance allowance = conversationId == null ? null : allowances.get(conversationId);
        RateLimiter limiter = allowance != null ? allowance.signals() : signalsByAddress.computeIfAbsent(address,
                a -> new RateLimiter(2 * settings.now().decimal(Setting.VISITOR_MESSAGES_PER_SECOND),
                        2 * settings.now().whole(Setting.VISITOR_MESSAGE_BURST), clock));
        Duration wait = limiter.tryAcquire();
        if (!wait.isZero()) {
            throw MessagingRefusedException.rateLimited("You are sending too fast.", wait);
        }
    }

    /** A member's reply from one of their clients. */
    public ConversationMessage postFromMember(String username, String clientId, String conversationId, String rawText) {
        String text = TextNormalizer.message(rawText).orElseThrow(MessagingRefusedException::textOutOfBounds);
        Conversation conversation = ownedBy(username, conversationId);
        synchronized (conversation) {
            refuseWhileStopping();
            ConversationMessage message = conversation.append(Party.MEMBER, text, clock.instant(), false);
            rate.count();
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

    /**
     * What verified the visitor ended for good (they signed out, their token or a site's permission to vouch for them was
     * revoked, their account was disabled): the conversation ends as if they left, storing what no client confirmed, so
     * that no other socket resumes it as theirs.
     */
    public void verificationEnded(String conversationId) {
        Conversation conversation = byId.get(conversationId);
        if (conversation != null && conversation.visitor().verified()) {
            end(conversation, ConversationEnded.VISITOR_LEFT);
        }
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
        Conversation conversation = byResumeToken.get(TokenDigests.of(resumeToken));
        if (conversation == null || conversation.isEnded()) {
            throw notFound("There is no conversation to resume.");
        }
        conversation.visitorBack();
        return new Resumed(conversation, conversation.after(lastSeq), conversation.receipts());
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

    /** Conversations under way (not ended), for the admin dashboard. */
    public int openCount() {
        return byId.size();
    }

    /** Messages (visitors' and members') in each of the last 60 minutes, oldest first, the minute under way last. */
    public long[] messagesLastHour() {
        return rate.lastHour();
    }

    /** The start of the minute under way (ms since the epoch), the last of {@link #messagesLastHour()}. */
    public long currentMinuteStart() {
        return rate.currentMinuteStart();
    }

    /**
     * Runs once changed settings are in memory: the allowances of open conversations and of the
     * addresses being tracked take the new limits at once (keeping what they have left, up to the new burst).
     */
    public void settingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                                @Priority(Interceptor.Priority.APPLICATION + 500) SettingsChanged change) {
        SettingValues limits = settings.now();
        double perSecond = limits.decimal(Setting.VISITOR_MESSAGES_PER_SECOND);
        int burst = limits.whole(Setting.VISITOR_MESSAGE_BURST);
        allowances.values().forEach(a -> {
            a.messages().limit(perSecond, burst);
            a.signals().limit(2 * perSecond, 2 * burst);
        });
        signalsByAddress.values().forEach(l -> l.limit(2 * perSecond, 2 * burst));
        double addressPerSecond = limits.decimal(Setting.ADDRESS_MESSAGES_PER_SECOND);
        int addressBurst = limits.whole(Setting.ADDRESS_MESSAGE_BURST);
        messagesByAddress.values().forEach(l -> l.limit(addressPerSecond, addressBurst));
        int starts = limits.whole(Setting.CONVERSATIONS_PER_MINUTE);
        startsByAddress.values().forEach(w -> w.limit(starts));
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void sweep() {
        var now = clock.instant();
        byId.values().stream().filter(c -> c.visitorGoneLongerThan(resumeWindow, now)).forEach(c -> {
            try {
                end(c, ConversationEnded.VISITOR_LEFT);
            } catch (RuntimeException e) {
                LOG.warning(() -> "The conversation " + c.id() + " with " + c.invitee() + " stays open until the next try:"
                        + " its unconfirmed messages could not be stored as offline messages (" + e + ")");
            }
        });
        if (startsByAddress.size() > MAX_TRACKED_ADDRESSES) {
            startsByAddress.values().removeIf(SlidingWindow::idle);
        }
        if (signalsByAddress.size() > MAX_TRACKED_ADDRESSES) {
            signalsByAddress.values().removeIf(RateLimiter::idle);
        }
        if (messagesByAddress.size() > MAX_TRACKED_ADDRESSES) {
            messagesByAddress.values().removeIf(RateLimiter::idle);
        }
    }

    /** Ends it, storing first what no client confirmed: if that fails, the conversation stays open and nothing is lost. */
    private void end(Conversation conversation, String reason) {
        synchronized (conversation) {
            if (conversation.isEnded()) {
                return;
            }
            storeOffline(conversation, conversation.unconfirmed());
            conversation.end(reason);
            byId.remove(conversation.id());
            byResumeToken.remove(conversation.resumeTokenHash());
            allowances.remove(conversation.id());
            events.fire(new ConversationEnded(conversation.id(), conversation.invitee(), reason));
            LOG.fine(() -> "Conversation " + conversation.id() + " with " + conversation.invitee() + " ended: " + reason);
        }
    }

    /** Stores visitor messages no member client confirmed as offline messages; the caller holds the conversation. */
    private void storeOffline(Conversation conversation, List<ConversationMessage> unconfirmed) {
        if (unconfirmed.isEmpty()) {
            return;
        }
        offline.keep(conversation.invitee(), conversation.visitor(), unconfirmed);
        conversation.storedOffline(unconfirmed);
        LOG.fine(() -> "Stored " + unconfirmed.size() + " message(s) of " + conversation.visitor().name() + " to "
                + conversation.invitee() + " as offline messages: no client of the member confirmed them");
    }

    private Conversation open(String conversationId) {
        Conversation conversation = conversationId == null ? null : byId.get(conversationId);
        if (conversation == null || conversation.isEnded()) {
            throw notFound("This conversation has ended.");
        }
        return conversation;
    }

    /**
     * The member's open conversation {@code conversationId}. One that is unknown, ended or another member's is refused in
     * the same words, so that the answer tells a member nothing of a colleague's conversations.
     */
    private Conversation ownedBy(String username, String conversationId) {
        Conversation conversation = conversationId == null ? null : byId.get(conversationId);
        if (conversation == null || conversation.isEnded() || !conversation.invitee().equals(username)
                || !conversation.isAnnounced()) {
            throw notFound("There is no such conversation of yours, or it has ended.");
        }
        return conversation;
    }

    private static MessagingRefusedException notFound(String message) {
        return new MessagingRefusedException(MessagingRefusedException.NOT_FOUND, message);
    }
}
