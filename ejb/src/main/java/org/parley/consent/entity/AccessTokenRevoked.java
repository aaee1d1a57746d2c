package org.parley.consent.entity;

/**
 * Fired after one access token was revoked on its own (RFC 7009, the consent and its other tokens
 * stay), so the sockets opened with it close.
 *
 * @param tokenHash the SHA-256 hash of the token, as the database and the sockets keep it
 * @param member    whose token it was
 */
public record AccessTokenRevoked(String tokenHash, String member) {
}
