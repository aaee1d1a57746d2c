package org.parley.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address people reach Parley at, {@code parley.public-url} ({@code https://parley.intranet.example}), when the
 * administrator sets it; then:
 * <ul>
 * <li>a request whose {@code Host} names another host is none of Parley's ({@link #addressed}): a page of a foreign site
 * whose name was made to resolve to Parley's address (DNS rebinding) sends its own name, and would otherwise pass for
 * Parley's own page, its sockets' {@code Origin} equal to its {@code Host};</li>
 * <li>the addresses Parley writes out whole (the Presence API's icons, the snippets to embed, the device sign-in's page,
 * the return addresses given to OAuth and OpenID providers) start with it, also behind a reverse proxy that ends TLS and
 * passes the request on over plain HTTP;</li>
 * <li>a page's {@code Origin} is Parley's own only when it is this origin.</li>
 * </ul>
 * Unset (the default), Parley takes the {@code Host} each request names, as before: fine on one machine or where nothing
 * but Parley's own name reaches it, and the start says so in one line.
 * <p>
 * Read once, when first asked (a deployment reads its configuration once); {@link #check} says at the start whether the
 * setting can be used, and the start fails when it cannot.
 */
public final class PublicAddress {

    public static final String SETTING = "parley.public-url";
    private static volatile PublicAddress configured;

    /** {@code scheme://host[:port]}, lower case, the scheme's default port left out; null when unset. */
    private final String origin;
    /** {@code host[:port]} as a {@code Host} header names it, lower case, without the scheme's default port; null when unset. */
    private final String authority;

    private PublicAddress(String origin, String authority) {
        this.origin = origin;
        this.authority = authority;
    }

    /**
     * As configured: read the first time, then kept. Outside a server (the unit tests of what uses it) there is no
     * configuration at all, which is the setting unset.
     */
    public static PublicAddress configured() {
        PublicAddress known = configured;
        if (known == null) {
            String setting;
            try {
                setting = ConfigProvider.getConfig(PublicAddress.class.getClassLoader())
                        .getOptionalValue(SETTING, String.class).orElse("");
            } catch (IllegalStateException noConfiguration) {
                setting = "";
            }
            known = of(setting);
            configured = known;
        }
        return known;
    }

    /**
     * The address a value of {@code parley.public-url} names; blank is unset. Throws {@link IllegalArgumentException}
     * saying what is wrong for a value that is no {@code http} or {@code https} URL of a host (with a port of 1–65535
     * written plainly, if any, and nothing after the host but an optional {@code /}).
     */
    public static PublicAddress of(String setting) {
        String value = setting == null ? "" : setting.trim();
        if (value.isEmpty()) {
            return new PublicAddress(null, null);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw refused(value, "it is no URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(value, "it does not start with http:// or https://");
        }
        String authority = uri.getRawAuthority();
        if (uri.getHost() == null || authority == null || uri.getRawUserInfo() != null) {
            throw refused(value, "it names no host (or names a user)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw refused(value, "it has more than the scheme, the host and a port: Parley's address is an origin");
        }
        String host = authority.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            String port = host.substring(colon + 1);
            if (!port.matches("[1-9][0-9]{0,4}") || Integer.parseInt(port) > 65_535) {
                throw refused(value, "its port is not 1 to 65535 written as the number it is");
            }
            if (Integer.parseInt(port) == (scheme.equals("https") ? 443 : 80)) {
                host = host.substring(0, colon);
            }
        }
        return new PublicAddress(scheme + "://" + host, host);
    }

    private static IllegalArgumentException refused(String value, String why) {
        return new IllegalArgumentException(SETTING + " is \"" + value.replaceAll("\\p{Cntrl}", "?") + "\", which Parley"
                + " cannot use: " + why + ". Give the address people reach Parley at, such as https://parley.example.com");
    }

    /** Whether the setting is given. */
    public boolean isSet() {
        return origin != null;
    }

    /** The configured origin ({@code https://parley.example.com}), or null when unset. */
    public String origin() {
        return origin;
    }

    /**
     * Whether a request with this {@code Host} header is addressed to Parley: always when unset; else when it names the
     * configured host and port (case aside, the scheme's default port written or not).
     */
    public boolean addressed(String host) {
        if (origin == null) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String named = host.trim().toLowerCase(Locale.ROOT);
        if (named.equals(authority)) {
            return true;
        }
        String defaultPort = origin.startsWith("https:") ? ":443" : ":80";
        return named.equals(authority + defaultPort);
    }

    /**
     * Parley's origin as a request reached it: the configured one when set, else the request's own
     * ({@code scheme://host[:port]}, the port only when it is not the scheme's default).
     */
    public String origin(HttpServletRequest request) {
        if (origin != null) {
            return origin;
        }
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /**
     * Whether a page's {@code origin} (lower case) is Parley's own: the configured origin when set; else {@code host}
     * (the request's {@code Host}) under http or https.
     */
    public boolean sameOrigin(String origin, String host) {
        if (this.origin != null) {
            return this.origin.equals(origin);
        }
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host.trim())
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
