package org.parley.consent.entity;

import java.util.Set;

/** The RFC 6749 §5.1 answer: the only place the token values ever exist. */
public record TokenResponse(String accessToken, long expiresIn, String refreshToken, Set<Scope> scopes, String cid) {
}
