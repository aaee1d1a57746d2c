package org.parley.consent.entity;

import java.util.Set;

/** Who a valid access token speaks for, and what it allows. */
public record BearerIdentity(String member, String application, Set<Scope> scopes, String consentId) {

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
