package org.parley.openid.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.BadJWTExceptions;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.parley.account.control.LogText;
import org.parley.openid.entity.OpenIdRefusedException;
import org.parley.openid.entity.OpenIdRefusedException.Reason;
import org.parley.openid.entity.OpenIdSettings;
import org.parley.openid.entity.PendingSignIn;
import org.parley.openid.entity.SignInStart;

/**
 * The configured OpenID provider as Parley's relying party sees it, spoken to through the Nimbus SDK.
 * Its discovery document is read on the first sign-in that needs it and then kept; until it has been
 * read successfully, every sign-in tries again, so a provider that was down at start-up is used as soon
 * as it answers. Its signing keys (JWKS) are fetched and cached by Nimbus, which fetches them again for
 * a key id it does not know (the provider rotated its keys). Every call to the provider waits at most
 * {@code parley.oidc.timeout} to connect and as long again for the answer.
 */
@ApplicationScoped
public class OpenIdProvider {

    private static final Logger LOG = Logger.getLogger(OpenIdProvider.class.getName());
    /** A JWKS larger than this is no provider's key set. */
    private static final int KEYS_SIZE_LIMIT = 256 * 1024;

    /** The provider's endpoints and the validator for its ID tokens, once discovered. */
    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    @Inject
    Config config;

    private Optional<OpenIdSettings> settings;
    private volatile Discovered discovered;

    protected OpenIdProvider() {
    }

    /** A provider with these settings, outside the container. */
    OpenIdProvider(OpenIdSettings settings) {
        this.settings = Optional.of(settings);
    }

    @PostConstruct
    void configure() {
        try {
            settings = OpenIdSettings.from(key -> config.getOptionalValue(key, String.class));
            settings.ifPresent(s -> LOG.info(() -> "Members can sign in through the OpenID provider: " + s));
        } catch (IllegalArgumentException unusable) {
            settings = Optional.empty();
            LOG.severe(() -> "Signing in through an OpenID provider stays off: " + unusable.getMessage()
                    + ". Members with a Parley password still sign in.");
        }
    }

    /** Created with the application, so the log says at start-up whether OpenID sign-in is on, or why not. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        LOG.fine(() -> "OpenID sign-in " + (settings.isPresent() ? "on" : "off"));
    }

    /** The settings in force; empty when OpenID sign-in is off (not configured, or configured so that it cannot work). */
    public Optional<OpenIdSettings> settings() {
        return settings;
    }

    /** A new sign-in at the provider: its authorization endpoint, asked for a code with PKCE, a fresh state and nonce. */
    public SignInStart start(URI requestedRedirectUri) {
        OpenIdSettings in = required();
        Discovered provider = discovered(in);
        URI redirectUri = in.redirectUri(requestedRedirectUri);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI authorization = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(in.scopes().toArray(String[]::new)),
                new ClientID(in.clientId()), redirectUri)
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        return new SignInStart(authorization, new PendingSignIn(state.getValue(), nonce.getValue(), verifier.getValue(),
                redirectUri, Instant.now()));
    }

    /**
     * Redeems {@code code} at the token endpoint for {@code pending}'s sign-in and answers the claims of
     * the ID token that came with it, once it has been checked: signed by the provider's key, issued by
     * the configured issuer for Parley's client id, not expired nor issued in the future (within the
     * clock skew), and carrying {@code pending}'s nonce.
     */
    public IDTokenClaimsSet redeem(String code, PendingSignIn pending) {
        OpenIdSettings in = required();
        Discovered provider = discovered(in);
        URI endpoint = provider.metadata().getTokenEndpointURI();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), pending.redirectUri(),
                new CodeVerifier(pending.codeVerifier()));
        TokenRequest request = in.publicClient() ? new TokenRequest(endpoint, new ClientID(in.clientId()), grant)
                : new TokenRequest(endpoint, secretPost(provider.metadata())
                ? new ClientSecretPost(new ClientID(in.clientId()), new Secret(in.clientSecret()))
                : new ClientSecretBasic(new ClientID(in.clientId()), new Secret(in.clientSecret())), grant);
        JWT idToken = idToken(send(request.toHTTPRequest(), in, "token endpoint " + endpoint), endpoint);
        try {
            return provider.validator().validate(idToken, new Nonce(pending.nonce()));
        } catch (BadJOSEException bad) {
            throw refusal(bad, idToken, pending, in);
        } catch (KeySourceException keys) {
            throw new OpenIdRefusedException(Reason.PROVIDER_DOWN, "the provider's signing keys ("
                    + provider.metadata().getJWKSetURI() + ") could not be fetched to check the ID token: " + keys.getMessage());
        } catch (JOSEException broken) {
            throw new OpenIdRefusedException(Reason.UNTRUSTED, "the ID token could not be checked: " + broken.getMessage());
        }
    }

    private OpenIdSettings required() {
        return settings.orElseThrow(() -> new OpenIdRefusedException(Reason.FAILED,
                "signing in through an OpenID provider is off (" + OpenIdSettings.ISSUER + " is not set, or not usable)"));
    }

    private Discovered discovered(OpenIdSettings in) {
        Discovered known = discovered;
        if (known == null) {
            known = discover(in);
            discovered = known;
        }
        return known;
    }

    private Discovered discover(OpenIdSettings in) {
        int timeout = (int) in.timeout().toMillis();
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(in.issuer()), timeout, timeout);
        } catch (IOException down) {
            throw new OpenIdRefusedException(Reason.PROVIDER_DOWN, "the provider's discovery document at " + in.issuer()
                    + "/.well-known/openid-configuration could not be read: " + describe(down)
                    + ". Members cannot sign in through it until it answers; members with a Parley password still can");
        } catch (GeneralException unusable) {
            throw new OpenIdRefusedException(Reason.FAILED, "the provider's discovery document at " + in.issuer()
                    + "/.well-known/openid-configuration is not usable: " + unusable.getMessage() + " (check "
                    + OpenIdSettings.ISSUER + ": it must be the issuer exactly as the provider names itself)");
        }
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(timeout, timeout, KEYS_SIZE_LIMIT)).retrying(false).build();
            IDTokenValidator validator = new IDTokenValidator(new Issuer(in.issuer()), new ClientID(in.clientId()),
                    new JWSVerificationKeySelector<>(signingAlgorithms(metadata), keys), null);
            validator.setMaxClockSkew((int) in.clockSkew().toSeconds());
            LOG.info(() -> "Read the discovery document of the OpenID provider " + in.issuer() + ": authorization at "
                    + metadata.getAuthorizationEndpointURI() + ", tokens at " + metadata.getTokenEndpointURI()
                    + ", keys at " + metadata.getJWKSetURI());
            return new Discovered(metadata, validator);
        } catch (MalformedURLException | IllegalArgumentException unusable) {
            throw new OpenIdRefusedException(Reason.FAILED, "the provider's discovery document at " + in.issuer()
                    + "/.well-known/openid-configuration names no usable key set (jwks_uri " + metadata.getJWKSetURI() + ")");
        }
    }

    /** The signature algorithms the provider says it signs ID tokens with, public-key ones only (RS256 if it says none). */
    private static Set<JWSAlgorithm> signingAlgorithms(OIDCProviderMetadata metadata) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        List<JWSAlgorithm> offered = metadata.getIDTokenJWSAlgs();
        if (offered != null) {
            offered.stream().filter(a -> JWSAlgorithm.Family.SIGNATURE.contains(a)).forEach(algorithms::add);
        }
        if (algorithms.isEmpty()) {
            algorithms.add(JWSAlgorithm.RS256);
        }
        return algorithms;
    }

    private static boolean secretPost(OIDCProviderMetadata metadata) {
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        return methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }

    private static HTTPResponse send(HTTPRequest request, OpenIdSettings in, String what) {
        request.setConnectTimeout((int) in.timeout().toMillis());
        request.setReadTimeout((int) in.timeout().toMillis());
        HTTPResponse response;
        try {
            response = request.send();
        } catch (IOException down) {
            throw new OpenIdRefusedException(Reason.PROVIDER_DOWN, "the provider's " + what + " did not answer: " + describe(down));
        }
        if (response.getStatusCode() >= 500) {
            throw new OpenIdRefusedException(Reason.PROVIDER_DOWN, "the provider's " + what + " answered HTTP "
                    + response.getStatusCode());
        }
        return response;
    }

    private static JWT idToken(HTTPResponse answer, URI endpoint) {
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(answer);
        } catch (ParseException broken) {
            throw new OpenIdRefusedException(Reason.FAILED, "the provider's token endpoint " + endpoint
                    + " answered HTTP " + answer.getStatusCode() + " with no token response Parley can read: " + broken.getMessage());
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new OpenIdRefusedException(Reason.FAILED, "the provider's token endpoint refused the code: "
                    + LogText.typed(error.getCode()) + (error.getDescription() == null ? ""
                    : " (" + LogText.typed(error.getDescription()) + ")")
                    + "; if it says the client is not allowed, check " + OpenIdSettings.CLIENT_ID + " and "
                    + OpenIdSettings.CLIENT_SECRET + ", and that the redirect URI is registered");
        }
        if (!(response instanceof OIDCTokenResponse oidc) || oidc.getOIDCTokens().getIDToken() == null) {
            throw new OpenIdRefusedException(Reason.FAILED, "the provider's token endpoint gave no ID token (is the scope "
                    + "'openid' allowed for Parley's client?)");
        }
        return oidc.getOIDCTokens().getIDToken();
    }

    /** Which check the ID token failed, in words for the log; what the person is told follows from it. */
    private static OpenIdRefusedException refusal(BadJOSEException bad, JWT idToken, PendingSignIn pending, OpenIdSettings in) {
        if (bad instanceof BadJWSException) {
            return new OpenIdRefusedException(Reason.UNTRUSTED, "the ID token's signature does not verify with the "
                    + "provider's keys: " + bad.getMessage() + " (a forged token, or one of another provider)");
        }
        Instant now = Instant.now();
        if (bad == BadJWTExceptions.EXPIRED_EXCEPTION) {
            return new OpenIdRefusedException(Reason.CLOCK, "the ID token expired at " + claims(idToken).getExpirationTime()
                    .toInstant() + ", and it is now " + now + " here, beyond the allowed clock skew of "
                    + in.clockSkew().toSeconds() + " s (" + OpenIdSettings.CLOCK_SKEW + "); check the clocks of Parley and of the provider");
        }
        if (bad == BadJWTExceptions.IAT_CLAIM_AHEAD_EXCEPTION) {
            return new OpenIdRefusedException(Reason.CLOCK, "the ID token was issued at " + claims(idToken).getIssueTime()
                    .toInstant() + ", ahead of this server's clock (" + now + ") by more than the allowed clock skew of "
                    + in.clockSkew().toSeconds() + " s (" + OpenIdSettings.CLOCK_SKEW + "); check the clocks of Parley and of the provider");
        }
        JWTClaimsSet claims = claims(idToken);
        if (claims.getAudience() == null || !claims.getAudience().contains(in.clientId())) {
            return new OpenIdRefusedException(Reason.UNTRUSTED, "the ID token is for another application (audience "
                    + LogText.typed(String.valueOf(claims.getAudience())) + "), not for Parley's client id '" + in.clientId()
                    + "' (" + OpenIdSettings.CLIENT_ID + ")");
        }
        if (!in.issuer().toString().equals(claims.getIssuer())) {
            return new OpenIdRefusedException(Reason.UNTRUSTED, "the ID token is from the issuer '"
                    + LogText.typed(claims.getIssuer()) + "', not from " + in.issuer() + " (" + OpenIdSettings.ISSUER + ")");
        }
        if (!pending.nonce().equals(claims.getClaim("nonce"))) {
            return new OpenIdRefusedException(Reason.REPLAYED, "the ID token's nonce is not the one this sign-in sent "
                    + "(a token replayed from another sign-in)");
        }
        return new OpenIdRefusedException(Reason.UNTRUSTED, "the ID token was refused: " + bad.getMessage());
    }

    /** The claims of a token whose signature has been checked by now, for words about the check that failed after it. */
    private static JWTClaimsSet claims(JWT token) {
        try {
            return token.getJWTClaimsSet();
        } catch (java.text.ParseException unreadable) {
            throw new OpenIdRefusedException(Reason.UNTRUSTED, "the ID token's claims cannot be read");
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName() + message;
    }
}
