package org.parley.settings.boundary;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;
import org.parley.audit.entity.AuditEntry;
import org.parley.messaging.entity.OfflineMessage;
import org.parley.settings.control.CurrentSettings;
import org.parley.settings.entity.Setting;
import org.parley.settings.entity.SettingValues;

/**
 * Every hour (at minute 7), deletes offline messages older than {@code parley.retention.offline-messages}
 * (90 days unless configured or saved otherwise), read or not, and audit entries older than
 * {@code parley.retention.audit} (365 days). The retention in effect is read when the sweep runs,
 * so a changed one applies from the next sweep.
 */
@Singleton
@Startup
@DependsOn("Storage")
public class RetentionSweeper {

    private static final Logger LOG = Logger.getLogger(RetentionSweeper.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    CurrentSettings settings;

    @Schedule(hour = "*", minute = "7", persistent = false)
    public void sweep() {
        SettingValues now = settings.now();
        Instant at = Instant.now();
        int messages = em.createNamedQuery(OfflineMessage.OLDER_THAN)
                .setParameter("cutoff", at.minus(now.duration(Setting.OFFLINE_MESSAGE_RETENTION))).executeUpdate();
        int entries = em.createNamedQuery(AuditEntry.OLDER_THAN)
                .setParameter("cutoff", at.minus(now.duration(Setting.AUDIT_RETENTION))).executeUpdate();
        if (messages + entries > 0) {
            LOG.info(() -> "Deleted " + messages + " offline message(s) older than " + now.text(Setting.OFFLINE_MESSAGE_RETENTION)
                    + " and " + entries + " audit entr" + (entries == 1 ? "y" : "ies") + " older than "
                    + now.text(Setting.AUDIT_RETENTION) + " (the retention in Admin → Settings)");
        }
    }
}
