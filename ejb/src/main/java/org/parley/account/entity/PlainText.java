package org.parley.account.entity;

import java.util.regex.Pattern;

/**
 * What text people type may hold wherever Parley shows it to others (a message, a nickname, a display name, a title, a
 * personal message): line breaks become {@code \n}, tabs spaces, other control characters and the bidirectional
 * embeddings, overrides and isolates go (one in a name or a status turned the text after it around, wherever it was
 * shown), a lone UTF-16 surrogate becomes U+FFFD, and the result is trimmed. Text stays plain text; nothing here (or
 * anywhere) turns it into markup.
 */
public final class PlainText {

    /** What a lone surrogate becomes, as browsers do when they encode such a string as UTF-8. */
    public static final char REPLACEMENT = '\uFFFD';

    /** Control characters except line feed, and the bidi embedding/override/isolate characters. */
    private static final Pattern UNWANTED = Pattern.compile("[\\p{Cc}&&[^\\n]]|[\\u202A-\\u202E\\u2066-\\u2069]");

    private PlainText() {
    }

    /** {@code text} cleaned as above; {@code null} is empty. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String lines = wellFormed(text).replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        return UNWANTED.matcher(lines).replaceAll("").strip();
    }

    /** {@code text} cleaned, on one line: line breaks become spaces, and runs of spaces one; {@code null} stays null. */
    public static String line(String text) {
        return text == null ? null : clean(text).replace('\n', ' ').replaceAll(" {2,}", " ");
    }

    /**
     * Whether {@code text} shows anything: a character that is neither a space of any kind, nor a format character
     * (zero-width space and joiners, direction marks, the byte order mark, soft hyphen…), nor one of the letters that
     * draw as blank (the Hangul fillers, the blank Braille pattern). A message or a nickname of only those would look
     * empty, or like nobody, where it is shown.
     */
    public static boolean shows(String text) {
        return text != null && text.codePoints().anyMatch(PlainText::isVisible);
    }

    private static boolean isVisible(int c) {
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT
                && c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 && c != 0x2800;
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
}
