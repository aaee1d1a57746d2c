package org.parley.consent.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.parley.account.control.Minutes;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.Role;
import org.parley.audit.boundary.Audit;
import org.parley.consent.control.SingleUse;
import org.parley.consent.control.TokenDigests;
import org.parley.consent.control.TokenIssuer;
import org.parley.consent.control.TokenLifetimes;
import org.parley.consent.control.DeviceAllowances;
import org.parley.consent.entity.Application;
import org.parley.consent.entity.Consent;
import org.parley.consent.entity.DeviceAuthorization;
import org.parley.consent.entity.OAuthException;
import org.parley.consent.entity.Scope;
import org.parley.consent.entity.TokenResponse;

/**
 * The device authorization grant (RFC 8628) for the desktop client's text mode: the client
 * shows a user code, the member confirms it on {@code /device}, the polling client gets tokens
 * once, however many polls arrive together. Polling sooner than the interval gets
 * {@code slow_down} and a longer interval.
 */
@Stateless
public class DeviceAuthorizations {

    /** User codes avoid letters that are easily confused (RFC 8628 §6.1). */
    private static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The refusal's reason when the member entered too many codes that matched nothing; its argument is minutes to wait. */
    public static final String TOO_MANY_GUESSES = "deviceGuesses";
    /** The refusal's reason when another member decided on the code first (the page says it in the page's language). */
    public static final String DECIDED = "deviceDecided";

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    TokenLifetimes lifetimes;

    @Inject
    TokenIssuer issuer;

    @Inject
    SingleUse singleUse;

    @Inject
    DeviceAllowances allowances;

    @EJB
    Audit audit;

    @Resource
    SessionContext context;

    /** What the client shows and polls with (RFC 8628 §3.2); the device code exists only here. */
    public record Started(String deviceCode, String userCode, long expiresIn, long interval) {
    }

    /**
     * Starts a device sign-in for {@code client} from {@code address}: at most {@link DeviceAllowances#starts} from one
     * address ({@code too_many_requests}, 429) and {@link DeviceAllowances#MOST_PENDING} waiting from everyone ({@code
     * temporarily_unavailable}, 503), each counted once its request is sound.
     */
    public Started start(Application client, String scope, String address) {
        Set<Scope> scopes = Scope.parse(scope).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new OAuthException("invalid_scope", "Known scopes: presence, chat.signin."));
        if (!client.isPublicClient() || !Application.DESKTOP.equals(client.getId())) {
            throw new OAuthException("unauthorized_client", "This client may not use the device grant.");
        }
        Instant now = Instant.now();
        allowances.starts().blocked(address, now).ifPresent(wait -> {
            throw new OAuthException("too_many_requests", "Too many device sign-ins were started from your address: try"
                    + " again in " + Minutes.inWords(wait) + ".");
        });
        long pending = em.createNamedQuery(DeviceAuthorization.PENDING, Long.class).setParameter("now", now).getSingleResult();
        if (pending >= DeviceAllowances.MOST_PENDING) {
            throw new OAuthException("temporarily_unavailable", "Parley holds as many device sign-ins as it takes: try"
                    + " again in a few minutes.");
        }
        allowances.starts().count(address, now);
        String deviceCode = TokenDigests.newToken();
        String userCode = newUserCode();
        em.persist(new DeviceAuthorization(TokenDigests.of(deviceCode), userCode, client.getId(), Scope.format(scopes),
                Instant.now().plus(lifetimes.deviceCode()), lifetimes.devicePollInterval()));
        return new Started(deviceCode, userCode, lifetimes.deviceCode().toSeconds(), lifetimes.devicePollInterval().toSeconds());
    }

    /** The authorization waiting for this user code (case and dashes do not matter), if any. */
    private Optional<DeviceAuthorization> pending(String userCode) {
        return unexpired(userCode).filter(d -> d.getApprovedBy() == null && !d.isDenied());
    }

    /**
     * The authorization waiting for this user code, as the calling member looks it up on {@code /device}: a code that
     * matches nothing counts against the member ({@link DeviceAllowances#guesses}), and past the allowance they are refused until
     * it comes back, whatever they enter.
     */
    @RolesAllowed(Role.MEMBER_GROUP)
    public Optional<DeviceAuthorization> lookUp(String userCode) {
        return counted(() -> pending(userCode));
    }

    private <T> Optional<T> counted(Supplier<Optional<T>> look) {
        String member = context.getCallerPrincipal().getName();
        Instant now = Instant.now();
        allowances.guesses().blocked(member, now).ifPresent(wait -> {
            throw new AccountRefusedException("Too many codes that match nothing: try again in " + Minutes.inWords(wait) + ".",
                    TOO_MANY_GUESSES, String.valueOf(Minutes.toWait(wait)));
        });
        Optional<T> found = look.get();
        if (found.isEmpty()) {
            allowances.guesses().count(member, now);
        }
        return found;
    }

    /** The unexpired authorization of this user code, whether or not someone decided on it already. */
    private Optional<DeviceAuthorization> unexpired(String userCode) {
        String normalized = normalize(userCode);
        if (normalized.length() != 8) {
            return Optional.empty();
        }
        return em.createNamedQuery(DeviceAuthorization.BY_USER_CODE, DeviceAuthorization.class)
                .setParameter("code", normalized.substring(0, 4) + "-" + normalized.substring(4))
                .getResultStream().findFirst()
                .filter(d -> !d.isExpired(Instant.now()));
    }

    /** The member's decision on a code, made once: whoever decided first, now or before, is the one who counts. */
    private DeviceAuthorization decide(String userCode, boolean approve) {
        DeviceAuthorization device = counted(() -> unexpired(userCode))
                .orElseThrow(() -> new AccountRefusedException("This code is unknown or has expired."));
        if (!singleUse.decide(device, context.getCallerPrincipal().getName(), approve)) {
            throw new AccountRefusedException("Someone confirmed or declined this code a moment ago.", DECIDED);
        }
        return device;
    }

    /**
     * The calling member approves the code: once, whoever else approves or denies it at the same moment or did before
     * (the one decision that counts is the database's; the others are told someone decided first).
     */
    @RolesAllowed(Role.MEMBER_GROUP)
    public void approve(String userCode, String address) {
        DeviceAuthorization device = decide(userCode, true);
        String member = context.getCallerPrincipal().getName();
        audit.record(member, "consent.granted", device.getApplication(), address, device.getScopes() + " (device code)");
    }

    @RolesAllowed(Role.MEMBER_GROUP)
    public void deny(String userCode) {
        decide(userCode, false);
    }

    /** {@code grant_type=urn:ietf:params:oauth:grant-type:device_code}. */
    public TokenResponse poll(Application client, String deviceCode) {
        Instant now = Instant.now();
        DeviceAuthorization device = deviceCode == null ? null : em.find(DeviceAuthorization.class, TokenDigests.of(deviceCode));
        if (device == null || !device.getApplication().equals(client.getId())) {
            throw new OAuthException("invalid_grant", "The device code is not valid.");
        }
        if (device.isExpired(now)) {
            throw new OAuthException("expired_token", "The device code has expired; start again.");
        }
        if (device.isDenied()) {
            em.remove(device);
            throw new OAuthException("access_denied", "The member declined.");
        }
        if (device.getApprovedBy() == null) {
            if (device.polledTooSoon(now)) {
                throw new OAuthException("slow_down", "Polling too fast: wait " + device.getPollInterval().toSeconds()
                        + " seconds between polls from now on.");
            }
            throw new OAuthException("authorization_pending", "Waiting for the member to confirm.");
        }
        if (!singleUse.redeem(device)) {
            throw new OAuthException("invalid_grant", "The device code is not valid.");
        }
        Set<Scope> scopes = Scope.parse(device.getScopes()).orElseThrow();
        Consent consent = new Consent(device.getApprovedBy(), client.getId(), scopes, now, now.plus(lifetimes.consent()));
        em.persist(consent);
        return issuer.issue(consent, now);
    }

    private static String newUserCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(USER_CODE_ALPHABET.charAt(RANDOM.nextInt(USER_CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String normalize(String userCode) {
        return userCode == null ? "" : userCode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }
}
