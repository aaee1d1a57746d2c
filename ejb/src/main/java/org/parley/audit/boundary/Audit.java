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
import org.parley.monitoring.entity.DisconnectRequested;
import org.parley.settings.entity.SettingsChanged;

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

    /** Each changed setting is one entry, old value → new value, in the transaction that saved it. */
    public void onSettings(@Observes SettingsChanged event) {
        event.changes().forEach(change -> record(event.actor(), "setting.changed", change.setting().key(), event.address(),
                oneLine(change.before()) + " → " + oneLine(change.after())));
    }

    /** An administrator ended a live socket. */
    public void onDisconnect(@Observes DisconnectRequested event) {
        record(event.actor(), "session.disconnected", event.member(), event.address(), event.description());
    }

    private static String oneLine(String value) {
        return value.isEmpty() ? "(none)" : value.replace('\n', ',');
    }

    /** The newest entries first. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public List<AuditEntry> recent(int max) {
        return em.createNamedQuery(AuditEntry.RECENT, AuditEntry.class).setMaxResults(max).getResultList();
    }
}
