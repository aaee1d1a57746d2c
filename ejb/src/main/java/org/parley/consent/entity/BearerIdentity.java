package org.parley.consent.entity;

import java.time.Instant;
import java.util.Set;

/**
 * Who a valid access token speaks for, what it allows, and until when: the token's own expiry, or
 * its consent's if that comes first ({@link Consent#endOf}).
 */
public record BearerIdentity(String member, String application, Set<Scope> scopes, String consentId, Instant expiresAt) {

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
