package org.parley.consent.control;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a redirect URI is one an application registered. Registered URLs match exactly,
 * with three kinds of entries: an absolute URL (exact match), a path starting with {@code /}
 * (Parley's own page at that path, on Parley's own origin), and {@code http://127.0.0.1/…}
 * or {@code http://[::1]/…} (RFC 8252 §7.3: a native app's loopback redirect on any port).
 */
public final class RedirectUris {

    private RedirectUris() {
    }

    public static boolean registered(List<String> registered, String requested, String parleyOrigin) {
        if (requested == null || requested.isBlank() || requested.contains("#")) {
            return false;
        }
        Optional<URI> uri = parse(requested);
        if (uri.isEmpty()) {
            return false;
        }
        for (String entry : registered) {
            if (entry.startsWith("/")) {
                if (parleyOrigin != null && requested.equals(parleyOrigin + entry)) {
                    return true;
                }
            } else if (isLoopback(entry)) {
                if (loopbackMatches(URI.create(entry), uri.get())) {
                    return true;
                }
            } else if (entry.equals(requested)) {
                return true;
            }
        }
        return false;
    }

    /** The origin ({@code scheme://host[:port]}) of an http(s) URL, lower-cased; empty if it is not one. */
    public static Optional<String> origin(String url) {
        return parse(url).filter(u -> u.getHost() != null)
                .map(u -> u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority().toLowerCase(Locale.ROOT));
    }

    /**
     * An absolute http(s) URL without user info, in printable ASCII (anything else percent-escaped: a raw bidi override
     * in a registered URL was shown as it was, on the consent page too), on a port a socket can have written as the
     * number it is; empty otherwise.
     */
    public static Optional<URI> parse(String url) {
        if (url == null || url.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || !plainPort(uri)) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static boolean plainPort(URI uri) {
        String authority = uri.getRawAuthority();
        int port = uri.getPort();
        return port == -1 ? !authority.endsWith(":") : port >= 1 && port <= 65535 && authority.endsWith(":" + port);
    }

    private static boolean isLoopback(String entry) {
        return entry.startsWith("http://127.0.0.1/") || entry.startsWith("http://[::1]/");
    }

    /**
     * The same loopback host on a port a socket can have (1–65535), written as the number it is (no leading zero), and
     * a path at or below the registered one.
     */
    private static boolean loopbackMatches(URI registered, URI requested) {
        String path = requested.getRawPath() == null || requested.getRawPath().isEmpty() ? "/" : requested.getRawPath();
        int port = requested.getPort();
        return "http".equals(requested.getScheme()) && registered.getHost().equals(requested.getHost())
                && port > 0 && port <= 65535 && requested.getRawAuthority().equals(requested.getHost() + ":" + port)
                && path.startsWith(registered.getRawPath());
    }
}
