package org.parley.consent.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
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
 * Every {@code parley.consent.sweep-interval} (30 s): removes what can never be used again
 * (expired codes, tokens, tickets and device codes, and consents that expired or were revoked
 * longer than {@code parley.consent.retention} ago, kept that long so members and admins can still
 * see them), and turns the profile chat off for members who no longer hold any valid permission
 * token for Parley's own pages. An old consent that lapsed does not count against a new one.
 */
@Singleton
@Startup
@DependsOn("Storage")
public class TokenSweeper {

    private static final Logger LOG = Logger.getLogger(TokenSweeper.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    Members members;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "parley.consent.retention", defaultValue = "P30D")
    Duration retention;

    @Inject
    @ConfigProperty(name = "parley.consent.sweep-interval", defaultValue = "PT30S")
    Duration interval;

    /** The deletes use indexes and find little, so a short interval costs little and a dead token never lingers long. */
    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    public void sweep() {
        Instant now = Instant.now();
        em.createNamedQuery(Consent.LAPSED_MEMBERS_OF_APPLICATION, String.class)
                .setParameter("application", Application.DIRECTORY).setParameter("now", now)
                .getResultList().forEach(members::stopProfileChat);
        int tokens = em.createNamedQuery(GrantToken.DEAD).setParameter("now", now).executeUpdate();
        int devices = em.createNamedQuery(DeviceAuthorization.DEAD).setParameter("now", now).executeUpdate();
        var dead = em.createNamedQuery(Consent.DEAD, Consent.class).setParameter("cutoff", now.minus(retention)).getResultList();
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
