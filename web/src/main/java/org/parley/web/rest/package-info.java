/**
 * The HTTP APIs: the OAuth 2.0 endpoints under {@code /oauth} (token, revoke, device),
 * Parley's own API under {@code /api} and the per-member Presence API under {@code /users}
 * (a plain servlet: what every directory page view hits). Thin adapters over the consent boundaries; errors are
 * RFC 6749 §5.2 JSON, Bearer failures RFC 6750 {@code WWW-Authenticate} challenges.
 */
package org.parley.web.rest;
