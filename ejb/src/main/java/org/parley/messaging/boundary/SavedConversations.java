package org.parley.messaging.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.parley.messaging.entity.SavedConversation;

/**
 * The open conversations kept across a graceful restart: written once when Parley stops, read and deleted once when it
 * starts. Never on the way of a message: {@link Conversations} relays from memory only.
 */
@Stateless
public class SavedConversations {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /** Keeps these conversations for the next start (one transaction: all of them or none). */
    public void keep(@NotNull List<SavedConversation> open) {
        open.forEach(em::persist);
    }

    /** Every conversation kept at the last shutdown, oldest first; they are deleted as this transaction commits. */
    public List<SavedConversation> takeAll() {
        List<SavedConversation> kept = em.createNamedQuery(SavedConversation.ALL, SavedConversation.class).getResultList();
        kept.forEach(em::remove);
        return kept;
    }
}
