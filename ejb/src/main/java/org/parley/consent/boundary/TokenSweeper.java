package org.parley.consent.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.account.boundary.Members;
import org.parley.consent.entity.Application;
import org.parley.consent.entity.Consent;
import org.parley.consent.entity.DeviceAuthorization;
import org.parley.consent.entity.GrantToken;

/**
 * Removes what can never be used again: expired codes, tokens, tickets and device codes, and
 * consents that expired or were revoked longer than {@code parley.consent.retention} ago (kept
 * that long so members and admins can still see them).
 */
@Singleton
public class TokenSweeper {

    private static final Logger LOG = Logger.getLogger(TokenSweeper.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Members members;

    @Inject
    @ConfigProperty(name = "parley.consent.retention", defaultValue = "P30D")
    Duration retention;

    /** Every 30 seconds: the deletes use indexes and find little, and a dead token never lingers long. */
    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    public void sweep() {
        Instant now = Instant.now();
        int tokens = em.createNamedQuery(GrantToken.DEAD).setParameter("now", now).executeUpdate();
        int devices = em.createNamedQuery(DeviceAuthorization.DEAD).setParameter("now", now).executeUpdate();
        var dead = em.createNamedQuery(Consent.DEAD, Consent.class).setParameter("cutoff", now.minus(retention)).getResultList();
        em.createNamedQuery(Consent.EXPIRED_OF_APPLICATION, Consent.class).setParameter("application", Application.DIRECTORY)
                .setParameter("now", now).getResultList().forEach(c -> members.stopProfileChat(c.getMember()));
        dead.forEach(consent -> {
            em.createNamedQuery(GrantToken.OF_CONSENT, GrantToken.class).setParameter("consent", consent.getId())
                    .getResultList().forEach(em::remove);
            em.remove(consent);
        });
        if (tokens + devices + dead.size() > 0) {
            LOG.info(() -> "Swept " + tokens + " expired tokens, " + devices + " expired device codes and "
                    + dead.size() + " old consents");
        }
    }
}
