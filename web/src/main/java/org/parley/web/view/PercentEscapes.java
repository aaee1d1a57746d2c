package org.parley.web.view;

/** Percent-encoding (RFC 3986 §2.1): every {@code %} starts an escape of exactly two hex digits. */
public final class PercentEscapes {

    private PercentEscapes() {
    }

    /** Whether every {@code %} in the text (a URI, a query, a form body) is followed by two hex digits. */
    public static boolean wellFormed(String text) {
        if (text == null) {
            return true;
        }
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 3)) {
            if (i + 2 >= text.length() || !hex(text.charAt(i + 1)) || !hex(text.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
