package org.parley.messaging.control;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes typed text safe to relay: line breaks become {@code \n}, tabs spaces, other control
 * characters and bidirectional overrides go, and the result is trimmed. Text stays plain text;
 * nothing here (or anywhere) turns it into markup.
 */
public final class TextNormalizer {

    public static final int MESSAGE_MAX = 2000;
    public static final int NAME_MAX = 40;

    /** Control characters except line feed, and the bidi embedding/override/isolate characters. */
    private static final Pattern UNWANTED = Pattern.compile("[\\p{Cc}&&[^\\n]]|[\\u202A-\\u202E\\u2066-\\u2069]");

    private TextNormalizer() {
    }

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        return UNWANTED.matcher(lines).replaceAll("").strip();
    }

    /** A message text of 1–2,000 characters after cleaning, or empty if it is not one. */
    public static Optional<String> message(String text) {
        return within(clean(text), MESSAGE_MAX);
    }

    /** A visitor's nickname: one line of 1–40 characters after cleaning, or empty if it is not one. */
    public static Optional<String> nickname(String name) {
        return within(clean(name).replace('\n', ' ').replaceAll(" {2,}", " "), NAME_MAX);
    }

    private static Optional<String> within(String text, int max) {
        int length = text.codePointCount(0, text.length());
        return length >= 1 && length <= max ? Optional.of(text) : Optional.empty();
    }
}
