package org.parley.messaging.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A conversation between one visitor and one member, held in memory. Messages are numbered
 * in the order accepted; the last {@link #REPLAY_LIMIT} are kept so a visitor who reconnects
 * gets what they missed. The member's clients hear of it once a message reaches them live
 * ({@link #announce()}); messages left while the member was unreachable are offline messages.
 * Callers synchronize on the conversation for a change and its announcement.
 */
public class Conversation {

    public static final int REPLAY_LIMIT = 500;

    private final String id;
    private final String invitee;
    private final Reach reach;
    private final VisitorIdentity visitor;
    private final String page;
    private final Instant startedAt;
    private final String resumeToken;
    private final Deque<ConversationMessage> recent = new ArrayDeque<>();
    private long lastSeq;
    private boolean announced;
    private boolean ended;
    private Instant visitorGoneSince;

    public Conversation(String id, String invitee, Reach reach, VisitorIdentity visitor, String page, Instant startedAt,
                        String resumeToken) {
        this.id = Objects.requireNonNull(id);
        this.invitee = Objects.requireNonNull(invitee);
        this.reach = Objects.requireNonNull(reach);
        this.visitor = Objects.requireNonNull(visitor);
        this.page = page;
        this.startedAt = startedAt;
        this.resumeToken = Objects.requireNonNull(resumeToken);
    }

    public synchronized ConversationMessage append(Party from, String text, Instant at, boolean queued) {
        if (ended) {
            throw new MessagingRefusedException(MessagingRefusedException.NOT_FOUND, "This conversation has ended.");
        }
        ConversationMessage message = new ConversationMessage(++lastSeq, at, from, text, queued);
        recent.addLast(message);
        if (recent.size() > REPLAY_LIMIT) {
            recent.removeFirst();
        }
        return message;
    }

    /** Every kept message after {@code seq}, oldest first. */
    public synchronized List<ConversationMessage> after(long seq) {
        return recent.stream().filter(m -> m.seq() > seq).toList();
    }

    /** The messages the member saw live (queued ones are offline messages). */
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

    /** Ends it; true the first time only. */
    public synchronized boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    public synchronized boolean isEnded() {
        return ended;
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

    public String resumeToken() {
        return resumeToken;
    }
}
