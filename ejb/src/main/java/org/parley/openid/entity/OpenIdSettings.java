package org.parley.openid.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How Parley signs members in through an OpenID provider, from the {@code parley.oidc.*} keys.
 * No issuer, no OpenID sign-in: configuration alone turns it on. Settings that cannot work (no
 * client id, an issuer that is no http(s) URL, a negative duration…) are refused with a message
 * that names the key. The client secret is never part of any text this record gives out.
 *
 * @param issuer       the provider's issuer URL, exactly as its discovery document and ID tokens name it
 * @param clientId     Parley's client id at the provider: the audience its ID tokens must name
 * @param clientSecret Parley's client secret, or {@code null} for a public client (PKCE alone)
 * @param providerName the provider's name on the sign-in button
 * @param scopes       the scopes asked for; {@code openid} always among them
 * @param redirectUri  the callback address registered at the provider, or {@code null}: the address
 *                     the browser used for Parley, with the path {@code /signin/oidc}
 * @param claims       which claims name what
 * @param clockSkew    how far Parley's clock and the provider's may differ for expiry and issue time
 * @param timeout      how long Parley waits for the provider to connect, and then to answer
 */
public record OpenIdSettings(URI issuer, String clientId, String clientSecret, String providerName, List<String> scopes,
                             URI redirectUri, ClaimNames claims, Duration clockSkew, Duration timeout) {

    public static final String PREFIX = "parley.oidc.";
    public static final String ISSUER = PREFIX + "issuer";
    public static final String CLIENT_ID = PREFIX + "client-id";
    public static final String CLIENT_SECRET = PREFIX + "client-secret";
    public static final String PROVIDER_NAME = PREFIX + "provider-name";
    public static final String SCOPES = PREFIX + "scopes";
    public static final String REDIRECT_URI = PREFIX + "redirect-uri";
    public static final String USERNAME_CLAIM = PREFIX + "claims.username";
    public static final String DISPLAY_NAME_CLAIM = PREFIX + "claims.display-name";
    public static final String TITLE_CLAIM = PREFIX + "claims.title";
    public static final String DEPARTMENT_CLAIM = PREFIX + "claims.department";
    public static final String EMAIL_CLAIM = PREFIX + "claims.email";
    public static final String GROUPS_CLAIM = PREFIX + "claims.groups";
    public static final String ADMIN_GROUP = PREFIX + "admin-group";
    public static final String CLOCK_SKEW = PREFIX + "clock-skew";
    public static final String TIMEOUT = PREFIX + "timeout";

    /**
     * The settings {@code config} holds (a key's value, absent or blank when not set); empty when no issuer
     * is configured.
     *
     * @throws IllegalArgumentException naming the key, for settings that cannot work
     */
    public static Optional<OpenIdSettings> from(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> set = key -> config.apply(key).map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> issuer = set.apply(ISSUER);
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        URI issuerUri = httpUri(ISSUER, issuer.get());
        String clientId = set.apply(CLIENT_ID).orElseThrow(() -> new IllegalArgumentException(
                ISSUER + " is set, so " + CLIENT_ID + " must name Parley's client at the provider"));
        List<String> scopes = Arrays.stream(set.apply(SCOPES).orElse("openid profile email").split("[\\s,]+"))
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException(SCOPES + " must include 'openid' (it is " + scopes + ")");
        }
        ClaimNames claims = new ClaimNames(set.apply(USERNAME_CLAIM).orElse("preferred_username"),
                set.apply(DISPLAY_NAME_CLAIM).orElse("name"), set.apply(TITLE_CLAIM).orElse("title"),
                set.apply(DEPARTMENT_CLAIM).orElse("department"), set.apply(EMAIL_CLAIM).orElse("email"),
                set.apply(GROUPS_CLAIM).orElse("groups"), set.apply(ADMIN_GROUP).orElse(null));
        return Optional.of(new OpenIdSettings(issuerUri, clientId, set.apply(CLIENT_SECRET).orElse(null),
                set.apply(PROVIDER_NAME).orElse(issuerUri.getHost()), scopes,
                set.apply(REDIRECT_URI).map(uri -> httpUri(REDIRECT_URI, uri)).orElse(null), claims,
                duration(CLOCK_SKEW, set.apply(CLOCK_SKEW).orElse("PT60S")), positive(TIMEOUT,
                        duration(TIMEOUT, set.apply(TIMEOUT).orElse("PT5S")))));
    }

    /** The callback address: the configured one, else {@code requested} (the one the browser used). */
    public URI redirectUri(URI requested) {
        return redirectUri != null ? redirectUri : requested;
    }

    public boolean publicClient() {
        return clientSecret == null;
    }

    private static URI httpUri(String key, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // worded below
        }
        throw new IllegalArgumentException(key + " must be an http(s) URL without query or fragment, not '" + value + "'");
    }

    private static Duration duration(String key, String value) {
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // worded below
        }
        throw new IllegalArgumentException(key + " must be an ISO-8601 duration of zero or more, such as PT60S, not '"
                + value + "'");
    }

    private static Duration positive(String key, Duration duration) {
        if (duration.isZero()) {
            throw new IllegalArgumentException(key + " must be longer than zero");
        }
        return duration;
    }

    /** Everything but the secret, which is only said to be there or not. */
    @Override
    public String toString() {
        return "issuer " + issuer + ", client id '" + clientId + "' (" + (publicClient() ? "public, no secret" : "with a secret")
                + "), scopes " + String.join(" ", scopes) + ", redirect URI "
                + (redirectUri == null ? "from the request (…/signin/oidc)" : redirectUri) + ", clock skew "
                + clockSkew.toSeconds() + " s, timeout " + timeout.toMillis() + " ms";
    }
}
