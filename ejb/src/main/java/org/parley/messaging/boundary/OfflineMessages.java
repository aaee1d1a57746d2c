package org.parley.messaging.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.parley.account.entity.Member;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.MessagingRefusedException;
import org.parley.messaging.entity.OfflineMessage;
import org.parley.messaging.entity.OfflineMessagesRead;
import org.parley.messaging.entity.VisitorIdentity;
import org.parley.settings.control.CurrentSettings;
import org.parley.settings.entity.Setting;

/**
 * Messages left for a member who was not reachable, and visitor messages no client of the
 * member confirmed; stored until the member marks them read. A member holds at most
 * {@code parley.limits.offline-messages-per-member} unread messages that visitors left, however
 * many visitors leave one at the same moment (the count and the insert hold the member's row
 * locked); messages that were already acknowledged live are always kept, whatever the count.
 */
@Stateless
public class OfflineMessages {

    /**
     * What a visitor refused for a full mailbox is told to wait: it empties only when the member
     * reads, which mostly means they are back, and the visitor sees that in the member's presence first.
     */
    public static final Duration MAILBOX_FULL_RETRY_AFTER = Duration.ofHours(1);

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Event<OfflineMessagesRead> read;

    @Inject
    CurrentSettings settings;

    /**
     * Stores a visitor's message for a member who is not reachable; it is durable when this
     * returns. Refused ({@code rate_limited}, the member's mailbox is full) while the member has the
     * most unread messages allowed. The member's row stays locked from the count to the commit, so
     * visitors leaving messages at once are counted one after the other and never overshoot.
     */
    public OfflineMessage leave(String invitee, String inviteeName, VisitorIdentity visitor, String text, Instant at) {
        em.createNamedQuery(Member.BY_USERNAME, Member.class).setParameter("username", invitee)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        long unread = em.createNamedQuery(OfflineMessage.UNREAD_COUNT, Long.class)
                .setParameter("invitee", invitee).getSingleResult();
        if (unread >= settings.now().whole(Setting.OFFLINE_MESSAGES_PER_MEMBER)) {
            throw MessagingRefusedException.rateLimited(inviteeName + "'s mailbox is full: they have too many unread "
                    + "messages to take another now. Try again later.", MAILBOX_FULL_RETRY_AFTER);
        }
        OfflineMessage message = new OfflineMessage(invitee, visitor, text, at);
        em.persist(message);
        em.flush();
        return message;
    }

    /**
     * Stores visitor messages that were acknowledged live but that no client of the member
     * confirmed, in one transaction; durable when this returns. Not limited: they were accepted already.
     */
    public void keep(String invitee, VisitorIdentity visitor, List<ConversationMessage> messages) {
        messages.forEach(m -> em.persist(new OfflineMessage(invitee, visitor, m.text(), m.at())));
        em.flush();
    }

    /** The member's unread offline messages, oldest first. */
    public List<OfflineMessage> unread(String invitee) {
        return em.createNamedQuery(OfflineMessage.UNREAD, OfflineMessage.class)
                .setParameter("invitee", invitee).getResultList();
    }

    /** Marks the member's own messages among {@code ids} read; answers the ids it marked. */
    public List<String> markRead(String invitee, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        List<OfflineMessage> mine = em.createNamedQuery(OfflineMessage.BY_IDS, OfflineMessage.class)
                .setParameter("invitee", invitee).setParameter("ids", ids).getResultList();
        mine.forEach(m -> m.markRead(now));
        List<String> marked = mine.stream().map(OfflineMessage::getId).toList();
        if (!marked.isEmpty()) {
            read.fire(new OfflineMessagesRead(invitee, marked));
        }
        return marked;
    }
}
