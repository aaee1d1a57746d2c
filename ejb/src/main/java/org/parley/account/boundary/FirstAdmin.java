package org.parley.account.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.account.control.Enrolment;
import org.parley.account.control.Passwords;
import org.parley.account.entity.Role;

/**
 * On the first start (no administrator at all), creates one, so somebody can sign in and
 * create everyone else. Its password comes from {@code parley.admin.password}
 * ({@code PARLEY_ADMIN_PASSWORD}); without it a random one is written once to the log.
 */
@Singleton
@Startup
@DependsOn("Storage")
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Enrolment enrolment;

    @Inject
    @ConfigProperty(name = "parley.admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "parley.admin.password")
    Optional<String> configuredPassword;

    @PostConstruct
    void createWhenNone() {
        long admins = em.createQuery("SELECT COUNT(m) FROM Member m WHERE m.role = :role", Long.class)
                .setParameter("role", Role.ADMIN).getSingleResult();
        if (admins > 0) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(() -> Passwords.randomPassword(20));
        enrolment.enrol(username, "Administrator", null, null, null, password.toCharArray(), Role.ADMIN);
        if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
            LOG.warning(() -> "Created the first administrator '" + username
                    + "' with the password from parley.admin.password (PARLEY_ADMIN_PASSWORD).");
        } else {
            LOG.warning(() -> "Created the first administrator '" + username + "' with the password " + password
                    + " (shown only this once: sign in at /signin and change it under Settings).");
        }
    }
}
