package org.parley.messaging.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.parley.account.entity.Member;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.MessagingRefusedException;
import org.parley.messaging.entity.OfflineMessage;
import org.parley.messaging.entity.OfflineMessageLeft;
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

    @Inject
    Event<OfflineMessageLeft> left;

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
     * Stores a message a visitor left on a contact point once for each of {@code invitees} (the
     * members of its list), the copies tied together so that one member handling it handles it for
     * all ({@link #markRead}). A member whose mailbox is full is passed over; answers the copies
     * stored, none when every mailbox was full. Their connected clients hear of it after the commit.
     */
    public List<OfflineMessage> leaveOnContactPoint(List<String> invitees, VisitorIdentity visitor, String text, Instant at,
                                                    String contactPoint, String contactTitle, String replyTo) {
        String group = UUID.randomUUID().toString();
        List<OfflineMessage> stored = new ArrayList<>();
        for (String invitee : invitees) {
            em.createNamedQuery(Member.BY_USERNAME, Member.class).setParameter("username", invitee)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            long unread = em.createNamedQuery(OfflineMessage.UNREAD_COUNT, Long.class)
                    .setParameter("invitee", invitee).getSingleResult();
            if (unread < settings.now().whole(Setting.OFFLINE_MESSAGES_PER_MEMBER)) {
                OfflineMessage message = OfflineMessage.onContactPoint(invitee, visitor, text, at, contactPoint,
                        contactTitle, replyTo, group);
                em.persist(message);
                stored.add(message);
            }
        }
        em.flush();
        stored.forEach(m -> left.fire(new OfflineMessageLeft(m.getInvitee(), m)));
        return stored;
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

    /**
     * Marks the member's own messages among {@code ids} read; answers the ids it marked. A message
     * left on a contact point is handled for all: the other members' copies are marked read too, and
     * their clients drop them.
     */
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
        List<String> groups = mine.stream().map(OfflineMessage::getHandlingGroup).filter(Objects::nonNull).distinct().toList();
        if (!groups.isEmpty()) {
            Map<String, List<String>> others = new LinkedHashMap<>();
            em.createNamedQuery(OfflineMessage.UNREAD_IN_GROUPS, OfflineMessage.class).setParameter("groups", groups)
                    .getResultList().forEach(copy -> {
                        copy.markRead(now);
                        others.computeIfAbsent(copy.getInvitee(), k -> new ArrayList<>()).add(copy.getId());
                    });
            others.forEach((member, copies) -> read.fire(new OfflineMessagesRead(member, copies)));
        }
        return marked;
    }
}
