package org.parley.desktop.session;

import java.time.Instant;

/** The Bearer token the socket opens with, and when the server stops taking it. */
public record AccessToken(String value, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]"; // never the value, in logs or messages
    }
}
