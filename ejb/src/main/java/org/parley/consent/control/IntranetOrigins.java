package org.parley.consent.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * {@code parley.intranet.origins}: the intranet pages Parley trusts besides its own — to open its
 * sockets, to frame the IM control, to invite members without an app ID. Every user of the
 * setting reads it here, so all of them agree on what an entry means: trimmed, lower-cased,
 * without a trailing slash, and only a plain origin ({@code scheme://host[:port]}) counts.
 */
public final class IntranetOrigins {

    public static final String KEY = "parley.intranet.origins";
    private static final Pattern ORIGIN = Pattern.compile("https?://([a-z0-9-]+(\\.[a-z0-9-]+)*|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?");

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
                .filter(o -> ORIGIN.matcher(o).matches()).forEach(origins::add);
        return origins;
    }

    /** The configured entries that are no origins and so count for nothing, for a warning. */
    public static List<String> invalid(Config config) {
        return configured(config).stream().map(IntranetOrigins::normalized).flatMap(Optional::stream)
                .filter(o -> !ORIGIN.matcher(o).matches()).toList();
    }

    private static List<String> configured(Config config) {
        return config.getOptionalValues(KEY, String.class).orElse(List.of());
    }

    private static Optional<String> normalized(String entry) {
        String origin = entry.trim().toLowerCase(Locale.ROOT);
        return Optional.of(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .filter(o -> !o.isEmpty());
    }
}
