package org.parley.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.parley.account.entity.AccountEvent;
import org.parley.account.entity.Role;
import org.parley.audit.entity.AuditEntry;
import org.parley.audit.entity.AuditQuery;
import org.parley.companydirectory.entity.DirectorySynced;
import org.parley.contact.entity.ContactPointEvent;
import org.parley.storage.control.Like;
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

    /** One entry per sync with the company directory, with its summary (or why it stopped), in the transaction that records it. */
    public void onDirectorySync(@Observes DirectorySynced event) {
        record(event.actor(), event.run().getProblem() == null ? "directory.synced" : "directory.sync-stopped", null,
                event.address(), event.run().summary());
    }

    /** Contact point changes and messages left on them, in the transaction that did them. */
    public void onContactPoint(@Observes ContactPointEvent event) {
        record(event.actor(), event.action().auditName(), event.name(), event.address(), event.detail());
    }

    /** The entries {@code query} finds, newest first (oldest first when asked), one page of them. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public List<AuditEntry> search(@NotNull(message = "Say what to look for.") AuditQuery query, boolean oldestFirst,
                                   @PositiveOrZero(message = "The first row is 0 or more.") int first,
                                   @Min(value = 1, message = "Ask for at least one row.") int max) {
        String order = oldestFirst ? " ORDER BY a.at ASC, a.id ASC" : " ORDER BY a.at DESC, a.id DESC";
        return where("SELECT a FROM AuditEntry a", query, order, AuditEntry.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** How many entries {@link #search} finds for {@code query}. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public long count(@NotNull(message = "Say what to look for.") AuditQuery query) {
        return where("SELECT COUNT(a) FROM AuditEntry a", query, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> where(String select, AuditQuery query, String orderBy, Class<T> type) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        String like = " ESCAPE '" + Like.ESCAPE + "'";
        String actor = Like.contains(query.actor());
        if (actor != null) {
            conditions.add("LOWER(a.actor) LIKE :actor" + like);
            parameters.put("actor", actor);
        }
        String action = Like.contains(query.action());
        if (action != null) {
            conditions.add("LOWER(a.action) LIKE :action" + like);
            parameters.put("action", action);
        }
        if (query.from() != null) {
            conditions.add("a.at >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            conditions.add("a.at < :to");
            parameters.put("to", query.to());
        }
        String jpql = select + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + orderBy;
        TypedQuery<T> typed = em.createQuery(jpql, type);
        parameters.forEach(typed::setParameter);
        return typed;
    }

}
