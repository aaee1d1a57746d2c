package org.parley.openid.entity;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A sign-in sent to the OpenID provider and not yet back: the values only this browser's answer may
 * carry. {@code state} names it in the callback, {@code nonce} must come back inside the ID token,
 * {@code codeVerifier} proves to the token endpoint that the code is redeemed by whoever asked for it
 * (PKCE), and {@code redirectUri} is sent again with the code, as the protocol requires. Each is used
 * once: the browser's session gives it back a single time.
 */
public record PendingSignIn(String state, String nonce, String codeVerifier, URI redirectUri, Instant startedAt)
        implements Serializable {

    /** Longer than anyone takes to sign in at a provider; an answer after it is a stale or replayed one. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    public PendingSignIn {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean expired(Instant now) {
        return now.isAfter(startedAt.plus(LIFETIME));
    }
}
