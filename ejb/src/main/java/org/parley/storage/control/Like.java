package org.parley.storage.control;

import java.util.Locale;

/**
 * Turns text an admin typed into a search box into a {@code LIKE} pattern that finds it anywhere in a
 * lower-cased column, with {@code %}, {@code _} and the escape character matching only themselves.
 * Control characters are dropped (PostgreSQL refuses a NUL in a parameter), and text longer than any
 * searched column is cut, since it could not match more than its start does.
 */
public final class Like {

    /** The escape character the patterns use: {@code ... LIKE :p ESCAPE '!'}. */
    public static final char ESCAPE = '!';
    /** Longer than any column a search looks in. */
    static final int MAX = 1000;

    private Like() {
    }

    /** The pattern for "contains {@code text}", or null when there is nothing to look for. */
    public static String contains(String text) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("\\p{Cntrl}", "").strip().toLowerCase(Locale.ROOT);
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.length() > MAX) {
            clean = clean.substring(0, MAX);
        }
        StringBuilder pattern = new StringBuilder(clean.length() + 2).append('%');
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
