/**
 * OpenID Connect sign-in: members sign in at the intranet's OpenID provider (Keycloak, Entra ID,
 * …) instead of with a Parley password. Off unless {@code parley.oidc.issuer} is configured.
 * Owns the relying party's side of the authorization code flow with PKCE (S256), state and nonce:
 * reading the provider's discovery document (lazily, on the first sign-in, so a provider that is
 * down at start-up stops nothing), the authorization request, the token request and the ID token's
 * validation (issuer, audience, signature against the provider's JWKS, expiry and issue time within
 * the allowed clock skew, nonce). The protocol is the Nimbus OAuth 2.0 / OpenID Connect SDK's; what
 * is Parley's is the configuration, the mapping of claims to a member ({@code ClaimNames}) and the
 * words for each refusal ({@code OpenIdRefusedException}). A verified person signs in through
 * {@code account}'s {@code ExternalMembers}, which creates and updates the member and audits the
 * sign-in; this component fires no events of its own.
 * <p>
 * Keeping a started sign-in (its {@code PendingSignIn}: state, nonce, PKCE verifier) until the
 * browser comes back, and only for that browser, is the caller's job: the web adapter keeps it in
 * the HTTP session and hands it back exactly once.
 */
package org.parley.openid;
