/**
 * Signing in to Parley as the {@code parley-desktop} public client (README, *Delegated
 * authentication*): the device grant (RFC 8628) and the browser's authorization code with PKCE S256
 * and a loopback redirect (RFC 8252), renewing the access token, revoking on sign-out (RFC 7009),
 * and keeping only the refresh token in the member's config folder, readable by them alone.
 */
package org.parley.desktop.auth;
