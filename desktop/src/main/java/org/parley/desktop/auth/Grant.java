package org.parley.desktop.auth;

import java.time.Instant;

/** What the token endpoint handed out: the access token with its expiry, and the (rotated) refresh token. */
public record Grant(String accessToken, Instant expiresAt, String refreshToken) {

    @Override
    public String toString() {
        return "Grant[expiresAt=" + expiresAt + "]";
    }
}
