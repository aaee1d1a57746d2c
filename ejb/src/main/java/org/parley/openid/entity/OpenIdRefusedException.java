package org.parley.openid.entity;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A sign-in through the OpenID provider that did not happen. The {@linkplain #getReason() reason} is
 * what the person at the browser is told (in their language); the message is what the log tells an
 * administrator: which check failed, with what, and what to look at. Neither ever holds a token,
 * a code or the client secret.
 */
@ApplicationException
public class OpenIdRefusedException extends RuntimeException {

    /** Why, in the terms the sign-in page words it. */
    public enum Reason {
        /** The provider did not answer (discovery, keys or token endpoint): down, unreachable or too slow. */
        PROVIDER_DOWN,
        /** The provider answered, but not with something Parley can use (its error, a broken document, the setup). */
        FAILED,
        /** The person, or the provider for them, declined the sign-in ({@code access_denied}). */
        DENIED,
        /** The answer belongs to no sign-in this browser has under way: no or a forged state, used or stale, a replayed nonce. */
        REPLAYED,
        /** The ID token is not the provider's for Parley: bad signature, another issuer or audience, not signed. */
        UNTRUSTED,
        /** The ID token has expired or is dated in the future, beyond the allowed clock skew. */
        CLOCK,
        /** The ID token does not name the person's username in the configured claim. */
        NO_USERNAME
    }

    private final Reason reason;

    public OpenIdRefusedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason getReason() {
        return reason;
    }
}
