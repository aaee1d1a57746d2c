package org.parley.messaging.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.MessagingRefusedException;
import org.parley.messaging.entity.OfflineMessage;
import org.parley.messaging.entity.OfflineMessagesRead;
import org.parley.messaging.entity.VisitorIdentity;

/**
 * Messages left for a member who was not reachable, and visitor messages no client of the
 * member confirmed; stored until the member marks them read. A member holds at most
 * {@code parley.limits.offline-messages-per-member} unread messages that visitors left;
 * messages that were already acknowledged live are always kept, whatever the count.
 */
@Stateless
public class OfflineMessages {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Event<OfflineMessagesRead> read;

    @Inject
    @ConfigProperty(name = "parley.limits.offline-messages-per-member", defaultValue = "500")
    int perMember;

    @PostConstruct
    void check() {
        if (perMember < 1) {
            throw new IllegalArgumentException("parley.limits.offline-messages-per-member must be at least 1");
        }
    }

    /**
     * Stores a visitor's message for a member who is not reachable; it is durable when this
     * returns. Refused ({@code invitee_offline}) while the member has the most unread messages allowed.
     */
    public OfflineMessage leave(String invitee, String inviteeName, VisitorIdentity visitor, String text, Instant at) {
        long unread = em.createNamedQuery(OfflineMessage.UNREAD_COUNT, Long.class)
                .setParameter("invitee", invitee).getSingleResult();
        if (unread >= perMember) {
            throw new MessagingRefusedException("invitee_offline", inviteeName
                    + " is offline and has too many unread messages to take another now.");
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
