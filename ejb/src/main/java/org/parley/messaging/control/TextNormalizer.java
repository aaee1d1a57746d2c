package org.parley.messaging.control;

import java.util.Optional;
import org.parley.account.entity.PlainText;

/**
 * A message and a visitor's nickname as Parley relays them: plain text ({@link PlainText}: no control or bidi
 * characters, no lone surrogates; a nickname on one line), within their lengths, and showing something
 * ({@link PlainText#shows}: not only zero-width or blank characters).
 */
public final class TextNormalizer {

    public static final int MESSAGE_MAX = 2000;
    public static final int NAME_MAX = 40;

    private TextNormalizer() {
    }

    /** A message text of 1–2,000 characters after cleaning, one at least visible, or empty if it is not one. */
    public static Optional<String> message(String text) {
        return within(PlainText.clean(text), MESSAGE_MAX);
    }

    /** A visitor's nickname: one line of 1–40 characters after cleaning, one at least visible, or empty if it is not one. */
    public static Optional<String> nickname(String name) {
        return within(PlainText.line(name), NAME_MAX);
    }

    private static Optional<String> within(String text, int max) {
        int length = text.codePointCount(0, text.length());
        return length >= 1 && length <= max && PlainText.shows(text) ? Optional.of(text) : Optional.empty();
    }
}
