package org.parley.messaging.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A conversation between one visitor and one member, held in memory. Messages are numbered
 * in the order accepted; the last {@link #REPLAY_LIMIT} are kept so a visitor who reconnects
 * gets what they missed. The member's clients hear of it once a message reaches them live
 * ({@link #announce()}); messages left while the member was unreachable are offline messages.
 * <p>
 * A visitor's message handed to the member's live clients stays <em>unconfirmed</em> until a
 * client of the member says it showed it ({@link #confirm}); one that is still unconfirmed when
 * nobody can confirm it any more (the conversation ends, the member's last client goes) is
 * stored as an offline message, and so is the oldest one when more than
 * {@link #UNCONFIRMED_LIMIT} wait. A confirmed message is never stored. Callers synchronize on
 * the conversation for a change and its announcement.
 */
public class Conversation {

    /** Messages (both directions) kept for a visitor's resume; a resume from further back gets these only. */
    public static final int REPLAY_LIMIT = 200;
    /** Visitor messages that may wait for a member client's confirmation before the oldest is stored offline. */
    public static final int UNCONFIRMED_LIMIT = 200;

    private final String id;
    private final String invitee;
    private final Reach reach;
    private final VisitorIdentity visitor;
    private final String page;
    private final Instant startedAt;
    /** The SHA-256 hash of the token the visitor resumes with; the token itself is never kept. */
    private final String resumeTokenHash;
    private final Deque<ConversationMessage> recent = new ArrayDeque<>();
    /** Visitor messages handed to the member's live clients that no client confirmed yet, by seq. */
    private final NavigableMap<Long, ConversationMessage> unconfirmed = new TreeMap<>();
    /** Confirmed visitor messages still in the replay buffer: true once read. */
    private final NavigableMap<Long, Boolean> confirmed = new TreeMap<>();
    /** The member's messages in the replay buffer that the visitor's control showed: true once read there. */
    private final NavigableMap<Long, Boolean> seenByVisitor = new TreeMap<>();
    private long lastSeq;
    private boolean announced;
    private String endReason;
    private Instant visitorGoneSince;

    public Conversation(String id, String invitee, Reach reach, VisitorIdentity visitor, String page, Instant startedAt,
                        String resumeTokenHash) {
        this.id = Objects.requireNonNull(id);
        this.invitee = Objects.requireNonNull(invitee);
        this.reach = Objects.requireNonNull(reach);
        this.visitor = Objects.requireNonNull(visitor);
        this.page = page;
        this.startedAt = startedAt;
        this.resumeTokenHash = Objects.requireNonNull(resumeTokenHash);
    }

    /**
     * What a resume after a restart needs, as it is now: the visitor counts as gone from {@code now} on (their socket
     * goes with the server) unless they were gone before. Unconfirmed visitor messages stay unconfirmed, for the
     * member's clients to confirm after the restart.
     */
    public synchronized SavedConversation save(Instant now) {
        List<SavedMessage> kept = new ArrayList<>(recent.size());
        for (ConversationMessage message : recent) {
            Boolean receipt = message.from() == Party.VISITOR ? confirmed.get(message.seq()) : seenByVisitor.get(message.seq());
            kept.add(new SavedMessage(message, receipt));
        }
        return new SavedConversation(id, invitee, reach, visitor, page, startedAt, resumeTokenHash, lastSeq, announced,
                visitorGoneSince == null ? now : visitorGoneSince, now, kept);
    }

    /** The conversation as it was saved: numbering, replay buffer and receipts go on; its visitor has been gone since then. */
    public static Conversation restore(SavedConversation saved) {
        Conversation conversation = new Conversation(saved.id(), saved.invitee(), saved.reach(), saved.visitor(),
                saved.page(), saved.startedAt(), saved.resumeTokenHash());
        for (SavedMessage kept : saved.messages()) {
            ConversationMessage message = kept.message();
            conversation.recent.addLast(message);
            Boolean read = kept.read();
            if (message.from() == Party.MEMBER) {
                if (read != null) {
                    conversation.seenByVisitor.put(message.seq(), read);
                }
            } else if (read != null) {
                conversation.confirmed.put(message.seq(), read);
            } else if (!message.queued()) {
                conversation.unconfirmed.put(message.seq(), message);
            }
        }
        conversation.lastSeq = saved.lastSeq();
        conversation.announced = saved.announced();
        conversation.visitorGoneSince = saved.visitorGoneSince();
        return conversation;
    }

    /** Accepts a message; a visitor's that is not {@code queued} waits for a member client's confirmation. */
    public synchronized ConversationMessage append(Party from, String text, Instant at, boolean queued) {
        if (endReason != null) {
            throw new MessagingRefusedException(MessagingRefusedException.NOT_FOUND, "This conversation has ended.");
        }
        ConversationMessage message = new ConversationMessage(++lastSeq, at, from, text, queued);
        recent.addLast(message);
        if (from == Party.VISITOR && !queued) {
            unconfirmed.put(message.seq(), message);
        }
        if (recent.size() > REPLAY_LIMIT) {
            recent.removeFirst();
            confirmed.headMap(recent.peekFirst().seq()).clear();
            seenByVisitor.headMap(recent.peekFirst().seq()).clear();
        }
        return message;
    }

    /**
     * A member's client showed the visitor's message {@code seq} ({@code read}: with the
     * conversation in front of the member). Answers the receipts this causes, none if it was
     * known already or is no visitor message waiting for one.
     */
    public synchronized List<Receipt> confirm(long seq, boolean read) {
        if (seq < 1 || seq > lastSeq) {
            throw new MessagingRefusedException(MessagingRefusedException.INVALID,
                    "seq: not a message of this conversation.");
        }
        List<Receipt> receipts = new ArrayList<>(2);
        if (unconfirmed.remove(seq) != null) {
            confirmed.put(seq, false);
            receipts.add(new Receipt(id, invitee, seq, false));
        }
        if (read && Boolean.FALSE.equals(confirmed.get(seq))) {
            confirmed.put(seq, true);
            receipts.add(new Receipt(id, invitee, seq, true));
        }
        return receipts;
    }

    /**
     * The visitor's control showed the member's message {@code seq} ({@code read}: with the page in
     * front of the visitor). Answers the receipts this causes for the member's clients: none if it
     * was known already, or is no member message still in the replay buffer (a control that kept
     * older messages across a reload may name them; that is no fault), nor for the visitor's own message
     * (as a member's client naming the member's own gets none). A {@code seq} that no message of the
     * conversation has is refused ({@code invalid}), as it is from the member's clients.
     */
    public synchronized List<VisitorReceipt> seenByVisitor(long seq, boolean read) {
        if (seq < 1 || seq > lastSeq) {
            throw new MessagingRefusedException(MessagingRefusedException.INVALID,
                    "seq: not a message of this conversation.");
        }
        boolean members = recent.stream().anyMatch(m -> m.seq() == seq && m.from() == Party.MEMBER);
        List<VisitorReceipt> receipts = new ArrayList<>(2);
        if (members && seenByVisitor.putIfAbsent(seq, false) == null) {
            receipts.add(new VisitorReceipt(id, invitee, seq, false));
        }
        if (members && read && Boolean.FALSE.equals(seenByVisitor.get(seq))) {
            seenByVisitor.put(seq, true);
            receipts.add(new VisitorReceipt(id, invitee, seq, true));
        }
        return receipts;
    }

    /** The latest receipt of each of the visitor's messages in the replay buffer, oldest first: for a resume. */
    public synchronized List<Receipt> receipts() {
        return confirmed.entrySet().stream().map(e -> new Receipt(id, invitee, e.getKey(), e.getValue())).toList();
    }

    /** The latest receipt the visitor's control gave each of the member's messages in the replay buffer, oldest first: for a new member client. */
    public synchronized List<VisitorReceipt> visitorReceipts() {
        return seenByVisitor.entrySet().stream().map(e -> new VisitorReceipt(id, invitee, e.getKey(), e.getValue())).toList();
    }

    /** Every visitor message no member client confirmed, oldest first. */
    public synchronized List<ConversationMessage> unconfirmed() {
        return List.copyOf(unconfirmed.values());
    }

    /** The oldest unconfirmed visitor messages beyond {@link #UNCONFIRMED_LIMIT}, oldest first. */
    public synchronized List<ConversationMessage> overflow() {
        return unconfirmed.values().stream().limit(Math.max(0, unconfirmed.size() - UNCONFIRMED_LIMIT)).toList();
    }

    /** These unconfirmed messages are stored as offline messages now: nobody confirms them any more. */
    public synchronized void storedOffline(Collection<ConversationMessage> messages) {
        Set<Long> seqs = new HashSet<>();
        messages.forEach(m -> {
            if (unconfirmed.remove(m.seq()) != null) {
                seqs.add(m.seq());
            }
        });
        if (seqs.isEmpty()) {
            return;
        }
        List<ConversationMessage> kept = new ArrayList<>(recent);
        recent.clear();
        kept.forEach(m -> recent.addLast(seqs.contains(m.seq()) ? m.storedOffline() : m));
    }

    /** Every kept message after {@code seq}, oldest first. */
    public synchronized List<ConversationMessage> after(long seq) {
        return recent.stream().filter(m -> m.seq() > seq).toList();
    }

    /** The messages a member's client shows: those kept, except the ones that are offline messages. */
    public synchronized List<ConversationMessage> liveMessages() {
        return recent.stream().filter(m -> !m.queued()).toList();
    }

    /** Marks the conversation as known to the member's clients; true the first time only. */
    public synchronized boolean announce() {
        if (announced) {
            return false;
        }
        announced = true;
        return true;
    }

    public synchronized boolean isAnnounced() {
        return announced;
    }

    /** Ends it for {@code reason}; true the first time only. */
    public synchronized boolean end(String reason) {
        if (endReason != null) {
            return false;
        }
        endReason = Objects.requireNonNull(reason);
        return true;
    }

    public synchronized boolean isEnded() {
        return endReason != null;
    }

    /** Why it ended ({@link ConversationEnded#CLOSED}, …), null while it goes on. */
    public synchronized String endReason() {
        return endReason;
    }

    public synchronized void visitorLeft(Instant now) {
        visitorGoneSince = now;
    }

    public synchronized void visitorBack() {
        visitorGoneSince = null;
    }

    /** Whether the visitor has been gone longer than {@code window}. */
    public synchronized boolean visitorGoneLongerThan(Duration window, Instant now) {
        return visitorGoneSince != null && now.isAfter(visitorGoneSince.plus(window));
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    public String id() {
        return id;
    }

    public String invitee() {
        return invitee;
    }

    /** How the visitor reached the member; the conversation lasts only while it {@linkplain Reach#holds holds}. */
    public Reach reach() {
        return reach;
    }

    public VisitorIdentity visitor() {
        return visitor;
    }

    public String page() {
        return page;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String resumeTokenHash() {
        return resumeTokenHash;
    }
}
