package org.parley.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.parley.account.entity.AccountEvent;
import org.parley.account.entity.Role;
import org.parley.audit.entity.AuditEntry;
import org.parley.contact.entity.ContactPointEvent;

/** Records what was done, in the caller's transaction, and says it in the log too. */
@Stateless
public class Audit {

    private static final Logger LOG = Logger.getLogger(Audit.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public void record(String actor, String action, String subject, String address, String detail) {
        em.persist(new AuditEntry(Instant.now(), actor, action, subject, address, detail));
        LOG.info(() -> "Audit: " + actor + " " + action + (subject == null ? "" : " " + subject)
                + (address == null ? "" : " from " + address) + (detail == null ? "" : " (" + detail + ")"));
    }

    /** Account events are written in the transaction that fired them, so a rolled-back change leaves no entry. */
    public void onAccount(@Observes AccountEvent event) {
        record(event.actor(), event.action().auditName(), event.member(), event.address(), event.detail());
    }

    /** Contact point changes and messages left on them, in the transaction that did them. */
    public void onContactPoint(@Observes ContactPointEvent event) {
        record(event.actor(), event.action().auditName(), event.name(), event.address(), event.detail());
    }

    /** The newest entries first. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public List<AuditEntry> recent(int max) {
        return em.createNamedQuery(AuditEntry.RECENT, AuditEntry.class).setMaxResults(max).getResultList();
    }
}
