package org.parley.messaging.control;

import java.util.Optional;
import org.parley.account.entity.PlainText;

/**
 * Makes typed text safe to relay ({@link PlainText}: line breaks become {@code \n}, tabs spaces, other control
 * characters and bidirectional overrides go, a lone UTF-16 surrogate becomes U+FFFD, and the result is trimmed), and
 * holds a message and a visitor's nickname to their lengths.
 */
public final class TextNormalizer {

    public static final int MESSAGE_MAX = 2000;
    public static final int NAME_MAX = 40;

    /** What a lone surrogate becomes ({@link PlainText#REPLACEMENT}). */
    public static final char REPLACEMENT = PlainText.REPLACEMENT;

    private TextNormalizer() {
    }

    /** Typed text made plain ({@link PlainText#clean}). */
    public static String clean(String text) {
        return PlainText.clean(text);
    }

    /** {@code text} with every unpaired surrogate replaced by U+FFFD ({@link PlainText#wellFormed}). */
    public static String wellFormed(String text) {
        return PlainText.wellFormed(text);
    }

    /** A message text of 1–2,000 characters after cleaning, or empty if it is not one. */
    public static Optional<String> message(String text) {
        return within(clean(text), MESSAGE_MAX);
    }

    /** A visitor's nickname: one line of 1–40 characters after cleaning, or empty if it is not one. */
    public static Optional<String> nickname(String name) {
        return within(PlainText.line(name), NAME_MAX);
    }

    private static Optional<String> within(String text, int max) {
        int length = text.codePointCount(0, text.length());
        return length >= 1 && length <= max ? Optional.of(text) : Optional.empty();
    }
}
