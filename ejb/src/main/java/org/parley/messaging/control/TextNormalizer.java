package org.parley.messaging.control;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes typed text safe to relay: line breaks become {@code \n}, tabs spaces, other control
 * characters and bidirectional overrides go, a lone UTF-16 surrogate becomes U+FFFD, and the
 * result is trimmed. Text stays plain text; nothing here (or anywhere) turns it into markup.
 */
public final class TextNormalizer {

    public static final int MESSAGE_MAX = 2000;
    public static final int NAME_MAX = 40;

    /** What a lone surrogate becomes, as browsers do when they encode such a string as UTF-8. */
    public static final char REPLACEMENT = '\uFFFD';

    /** Control characters except line feed, and the bidi embedding/override/isolate characters. */
    private static final Pattern UNWANTED = Pattern.compile("[\\p{Cc}&&[^\\n]]|[\\u202A-\\u202E\\u2066-\\u2069]");

    private TextNormalizer() {
    }

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String lines = wellFormed(text).replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        return UNWANTED.matcher(lines).replaceAll("").strip();
    }

    /**
     * The text with every unpaired surrogate replaced by U+FFFD, so that it can be encoded as
     * UTF-8. A JSON string may carry one as an escape ({@code "\ud800"} is what
     * {@code JSON.stringify} writes for it), and a frame holding one cannot be sent.
     */
    public static String wellFormed(String text) {
        if (text == null) {
            return null;
        }
        int lone = firstLoneSurrogate(text);
        if (lone < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, lone);
        for (int i = lone; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }

    private static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
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
