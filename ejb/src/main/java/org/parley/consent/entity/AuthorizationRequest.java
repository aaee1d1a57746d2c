package org.parley.consent.entity;

import java.util.Set;

/** A checked {@code /oauth/authorize} request, ready for the member to approve or reject. */
public record AuthorizationRequest(Application application, String redirectUri, Set<Scope> scopes, String state,
                                   String codeChallenge) {
}
