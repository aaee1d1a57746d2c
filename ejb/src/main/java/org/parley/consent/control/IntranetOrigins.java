package org.parley.consent.control;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * {@code parley.intranet.origins}: the intranet pages Parley trusts besides its own — to open its
 * sockets, to frame the IM control, to invite members without an app ID. Every user of the
 * setting reads it here, so all of them agree on what an entry means: trimmed, lower-cased,
 * without a trailing slash and without the scheme's default port (a browser's {@code Origin} names neither), and only a
 * plain origin ({@code scheme://host[:port]}) counts: a port of 1–65535 written as the number it is, a host name of
 * labels of 1–63 characters whose last one is no number, or an IPv4 address of four numbers up to 255. An entry a
 * browser's {@code Origin} can never equal ({@code :0}, {@code :99999}, {@code :0080}, {@code 1.2.3.4.5}) counts for
 * nothing: found by attacking the admin console, where each was saved and then matched no page.
 */
public final class IntranetOrigins {

    public static final String KEY = "parley.intranet.origins";
    /** Scheme, host (labels of 1–63 characters, or an IPv6 address in brackets) and a port written as the number it is. */
    private static final Pattern ORIGIN = Pattern.compile(
            "https?://([a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63})*|\\[[0-9a-f:.]+\\])(?::([1-9][0-9]{0,4}))?");
    private static final Pattern IPV4_PART = Pattern.compile("0|[1-9][0-9]{0,2}");

    private IntranetOrigins() {
    }

    /** The configured origins that are plain origins, in the order written. */
    public static Set<String> of(Config config) {
        return of(configured(config));
    }

    /** The same, for entries given directly. */
    public static Set<String> of(List<String> entries) {
        Set<String> origins = new LinkedHashSet<>();
        entries.stream().map(IntranetOrigins::normalized).flatMap(Optional::stream)
                .filter(IntranetOrigins::isOrigin).forEach(origins::add);
        return origins;
    }

    /** The configured entries that are no origins and so count for nothing, for a warning. */
    public static List<String> invalid(Config config) {
        return configured(config).stream().map(IntranetOrigins::normalized).flatMap(Optional::stream)
                .filter(o -> !isOrigin(o)).toList();
    }

    private static List<String> configured(Config config) {
        return config.getOptionalValues(KEY, String.class).orElse(List.of());
    }

    private static boolean isOrigin(String origin) {
        Matcher parts = ORIGIN.matcher(origin);
        if (!parts.matches() || parts.group(2) != null && Integer.parseInt(parts.group(2)) > 65_535) {
            return false;
        }
        String host = parts.group(1);
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (host.startsWith("[") || !last.chars().allMatch(Character::isDigit)) {
            return true;
        }
        String[] numbers = host.split("\\.");
        return numbers.length == 4 && Arrays.stream(numbers)
                .allMatch(n -> IPV4_PART.matcher(n).matches() && Integer.parseInt(n) <= 255);
    }

    private static Optional<String> normalized(String entry) {
        String origin = entry.trim().toLowerCase(Locale.ROOT);
        if (origin.endsWith("/")) {
            origin = origin.substring(0, origin.length() - 1);
        }
        if (origin.startsWith("https://") && origin.endsWith(":443") || origin.startsWith("http://") && origin.endsWith(":80")) {
            origin = origin.substring(0, origin.lastIndexOf(':'));
        }
        return Optional.of(origin).filter(o -> !o.isEmpty());
    }
}
