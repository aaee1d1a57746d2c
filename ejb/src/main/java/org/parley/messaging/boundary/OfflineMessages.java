package org.parley.messaging.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.parley.messaging.entity.OfflineMessage;
import org.parley.messaging.entity.OfflineMessagesRead;
import org.parley.messaging.entity.VisitorIdentity;

/** Messages left for a member who was not reachable; stored until the member marks them read. */
@Stateless
public class OfflineMessages {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Event<OfflineMessagesRead> read;

    /** Stores the message; it is durable when this returns. */
    public OfflineMessage leave(String invitee, VisitorIdentity visitor, String text, Instant at) {
        OfflineMessage message = new OfflineMessage(invitee, visitor, text, at);
        em.persist(message);
        em.flush();
        return message;
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
