package org.parley.consent.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.PlainText;
import org.parley.account.entity.Role;
import org.parley.audit.boundary.Audit;
import org.parley.consent.control.RedirectUris;
import org.parley.consent.control.TokenDigests;
import org.parley.consent.control.TokenLifetimes;
import org.parley.consent.entity.Application;
import org.parley.consent.entity.OAuthException;

/**
 * Intranet sites registered to use Parley on members' behalf. A secret is shown once, when it
 * is made, and stored as a hash; rotating keeps the old one valid for
 * {@code parley.application.secret-overlap}.
 */
@Stateless
public class Applications {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    TokenLifetimes lifetimes;

    @EJB
    Audit audit;

    @Resource
    SessionContext context;

    /** A new application and its secret, which exists only in this answer. */
    public record Registered(Application application, String secret) {
    }

    public Optional<Application> find(String id) {
        return find(id, LockModeType.NONE);
    }

    private Optional<Application> find(String id, LockModeType lock) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Application.class, id, lock));
    }

    /** An enabled application, or {@code invalid_client}. */
    public Application enabled(String id) {
        return find(id).filter(Application::isEnabled)
                .orElseThrow(() -> new OAuthException("invalid_client", "Unknown or disabled client."));
    }

    /** Authenticates a client with its secret (confidential) or its id alone (public); else {@code invalid_client}. */
    public Application authenticate(String id, String secret) {
        Application application = find(id).filter(Application::isEnabled).orElse(null);
        String candidate = TokenDigests.of(secret == null ? "" : secret);
        if (application == null || !application.isPublicClient() && !application.secretMatches(candidate, Instant.now())) {
            throw new OAuthException("invalid_client", "Client authentication failed.");
        }
        if (application.isPublicClient() && secret != null && !secret.isEmpty()) {
            throw new OAuthException("invalid_client", "Client authentication failed.");
        }
        return application;
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public List<Application> all() {
        return em.createNamedQuery(Application.ALL, Application.class).getResultList();
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public Registered register(String name, List<String> redirectUris, String privacyUrl, String address) {
        String cleanName = requireName(name);
        List<String> uris = requireRedirectUris(redirectUris);
        String id = "app-" + TokenDigests.newToken().substring(0, 16).toLowerCase(Locale.ROOT).replace('_', 'x').replace('-', 'y');
        String secret = TokenDigests.newToken();
        Application application = new Application(id, cleanName, uris, requirePrivacyUrl(privacyUrl),
                TokenDigests.of(secret), Instant.now());
        em.persist(application);
        audit.record(caller(), "application.registered", id, address, cleanName);
        return new Registered(application, secret);
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public Application update(String id, String name, List<String> redirectUris, String privacyUrl, String address) {
        Application application = existing(id);
        if (application.isBuiltIn()) {
            throw new AccountRefusedException("A built-in application is not changed here.", "builtInUnchanged");
        }
        application.update(requireName(name), requireRedirectUris(redirectUris), requirePrivacyUrl(privacyUrl));
        audit.record(caller(), "application.updated", id, address, null);
        return application;
    }

    /** A new secret; the previous one keeps working for the overlap. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public String rotateSecret(String id, String address) {
        Application application = existing(id);
        if (application.isPublicClient()) {
            throw new AccountRefusedException("A public client has no secret.", "publicClientNoSecret");
        }
        String secret = TokenDigests.newToken();
        Instant overlapEnds = Instant.now().plus(lifetimes.secretOverlap());
        application.rotateSecret(TokenDigests.of(secret), overlapEnds);
        audit.record(caller(), "application.secret-rotated", id, address, "previous secret valid until " + overlapEnds);
        return secret;
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public void disable(String id, String address) {
        Application application = existing(id);
        if (application.isBuiltIn()) {
            throw new AccountRefusedException("A built-in application stays enabled.", "builtInStaysEnabled");
        }
        application.disable();
        audit.record(caller(), "application.disabled", id, address, null);
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public void enable(String id, String address) {
        existing(id).enable();
        audit.record(caller(), "application.enabled", id, address, null);
    }

    /**
     * The application an admin changes, its row locked until the transaction ends: two admins changing one application
     * at the same moment (its secret, its name) wait for each other and are each served in turn, rather than the later
     * one failing on the row's version when its transaction ends.
     */
    private Application existing(String id) {
        return find(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new AccountRefusedException("There is no such application.", "noSuchApplication"));
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }

    /** The site's name as members read it on the consent page: plain text on one line ({@link PlainText#line}). */
    private static String requireName(String name) {
        String plain = PlainText.line(name);
        if (plain == null || plain.isEmpty() || plain.length() > Application.NAME_MAX) {
            throw new AccountRefusedException("A name of 1 to " + Application.NAME_MAX + " characters is required.",
                    "badApplicationName", String.valueOf(Application.NAME_MAX));
        }
        return plain;
    }

    private static List<String> requireRedirectUris(List<String> uris) {
        List<String> clean = uris.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (clean.isEmpty()) {
            throw new AccountRefusedException("At least one redirect URL is required.", "noRedirectUrl");
        }
        if (clean.size() > Application.REDIRECT_URIS_COUNT_MAX) {
            throw new AccountRefusedException("At most " + Application.REDIRECT_URIS_COUNT_MAX + " redirect URLs.",
                    "tooManyRedirectUrls", String.valueOf(Application.REDIRECT_URIS_COUNT_MAX));
        }
        if (String.join("\n", clean).length() > Application.REDIRECT_URIS_MAX) {
            throw new AccountRefusedException("The redirect URLs have at most " + Application.REDIRECT_URIS_MAX
                    + " characters together.", "redirectUrlsTooLong", String.valueOf(Application.REDIRECT_URIS_MAX));
        }
        for (String uri : clean) {
            if (uri.length() > Application.URL_MAX) {
                throw new AccountRefusedException("A redirect URL has at most " + Application.URL_MAX + " characters.",
                        "redirectUrlTooLong", String.valueOf(Application.URL_MAX));
            }
            if (RedirectUris.parse(uri).isEmpty() || uri.contains("#")) {
                String shown = PlainText.line(uri); // echoed without what would turn the sentence around
                throw new AccountRefusedException("'" + shown + "' is not an absolute http(s) URL without a fragment, in"
                        + " ASCII, on a port of 1 to 65535 if it names one.", "badRedirectUrl", shown);
            }
        }
        return clean;
    }

    private static String requirePrivacyUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (RedirectUris.parse(url.strip()).isEmpty() || url.length() > Application.URL_MAX) {
            throw new AccountRefusedException("The privacy statement needs an absolute http(s) URL, in ASCII, on a port of"
                    + " 1 to 65535 if it names one.", "badPrivacyUrl");
        }
        return url.strip();
    }
}
