package org.parley.consent.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a site may do on a member's behalf (the "offers" of Windows Live Delegated Authentication).
 * The pages put each in words ({@code scope.<value>} of the web module's page bundle).
 */
public enum Scope {
    /** Read this member's presence even when web sharing is off. */
    PRESENCE("presence"),
    /** Vouch for this member as an identified visitor in IM controls. */
    CHAT_SIGNIN("chat.signin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** Parses a space-separated scope list (RFC 6749 §3.3); empty if any scope is unknown. */
    public static Optional<Set<Scope>> parse(String scopes) {
        if (scopes == null || scopes.isBlank()) {
            return Optional.of(EnumSet.noneOf(Scope.class));
        }
        Set<Scope> parsed = new LinkedHashSet<>();
        for (String value : scopes.trim().split(" +")) {
            Optional<Scope> scope = of(value.toLowerCase(Locale.ROOT).equals(value) ? value : "");
            if (scope.isEmpty()) {
                return Optional.empty();
            }
            parsed.add(scope.get());
        }
        return Optional.of(parsed);
    }

    public static String format(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::value).collect(Collectors.joining(" "));
    }
}
