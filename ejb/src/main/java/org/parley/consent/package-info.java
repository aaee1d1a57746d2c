/**
 * Consent: delegated authentication as OAuth 2.0 (RFC 6749 code grant with RFC 7636 PKCE,
 * RFC 7009 revocation, RFC 8628 device grant, RFC 8252 loopback redirects). Owns applications
 * (intranet sites), invitations, consents and every token that carries them — authorization
 * codes, access and refresh tokens, visitor tickets — and sweeps the expired ones. A token's
 * value exists only in the answer that hands it out; the database holds SHA-256 hashes.
 * Fires {@code ConsentRevoked} (a consent and every token under it) and {@code AccessTokenRevoked} (one
 * access token alone), so that what was opened with those tokens closes; an access token otherwise
 * ends at its expiry or its consent's ({@code BearerIdentity#expiresAt}), or when its member is disabled.
 */
package org.parley.consent;
