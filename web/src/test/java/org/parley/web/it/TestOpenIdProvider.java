package org.parley.web.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;

/**
 * A real OpenID provider for the tests (NAV's mock-oauth2-server on 127.0.0.1): discovery document,
 * authorization endpoint (it signs in whoever comes, without a login page), token endpoint with PKCE,
 * and a JWKS with the key it signs its ID tokens with. Parley finds it through {@code PARLEY_OIDC_ISSUER},
 * which the failsafe execution of these tests sets for the server and for this JVM alike.
 * <p>
 * A test says who signs in next ({@link #next}): the claims of the next ID token, which may also replace
 * the ones the provider sets itself ({@code aud}, {@code iat}, {@code exp}, {@code nonce}), so a test can
 * ask for a token for another audience or from a clock that is wrong. {@link #forgeNext} makes the token
 * endpoint answer once with a token signed by a key that is not the provider's.
 */
final class TestOpenIdProvider implements AutoCloseable {

    static final URI ISSUER = URI.create(System.getenv().getOrDefault("PARLEY_OIDC_ISSUER", "http://127.0.0.1:28767/parley-sso"));
    static final String CLIENT_ID = System.getenv().getOrDefault("PARLEY_OIDC_CLIENT_ID", "parley");
    static final String NAME = System.getenv().getOrDefault("PARLEY_OIDC_PROVIDER_NAME", "Test SSO");
    static final String ADMIN_GROUP = System.getenv().getOrDefault("PARLEY_OIDC_ADMIN_GROUP", "parley-admins");
    private static final String ISSUER_ID = ISSUER.getPath().substring(1);

    /** The same keys across a stop and a start, as a real provider keeps its keys across a restart. */
    private final OAuth2TokenProvider tokens = new OAuth2TokenProvider();
    private final AtomicReference<String> forged = new AtomicReference<>();
    private MockOAuth2Server server;

    static TestOpenIdProvider start() {
        TestOpenIdProvider provider = new TestOpenIdProvider();
        provider.startAgain();
        return provider;
    }

    /** Starts the provider (again) on the issuer's port. */
    void startAgain() {
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, tokens, Set.of(), new MockWebServerWrapper()),
                new ForgedTokens());
        try {
            server.start(InetAddress.getByName(ISSUER.getHost()), ISSUER.getPort());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider goes away: nothing listens on its port until {@link #startAgain}. */
    void stop() {
        server.shutdown();
    }

    /** The next ID token the provider issues names {@code subject} and has {@code claims}. */
    void next(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, 3600));
    }

    /**
     * The token endpoint answers its next request with an ID token that is right in every claim, carries
     * the key id of the provider's own key, but is signed with another key (as a forger would make it).
     */
    void forgeNext(String subject, Map<String, Object> claims) throws JOSEException {
        RSAKey ownKey = tokens.publicJwkSet(ISSUER_ID).getKeys().get(0).toRSAKey();
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(ownKey.getKeyID()).generate();
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(ISSUER.toString()).audience(CLIENT_ID)
                .subject(subject).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
        claims.forEach(builder::claim);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ownKey.getKeyID()).build(),
                builder.build());
        token.sign(new RSASSASigner(otherKey));
        forged.set(token.serialize());
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** The token endpoint, while a forged token waits: it answers with that one. */
    private final class ForgedTokens implements Route {

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return forged.get() != null && "POST".equals(request.getMethod())
                    && request.getUrl().encodedPath().equals(ISSUER.getPath() + "/token");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String body = "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\""
                    + forged.getAndSet(null) + "\"}";
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), 200, body, null);
        }
    }
}
