package org.parley.web.view.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every theme meets WCAG 2.1 AA contrast for each pair of colours control.css draws one on the
 * other: 4.5:1 for text (SC 1.4.3), 3:1 for the boundaries of inputs (SC 1.4.11); the disabled
 * input's and button's text is held to 4.5:1 too, although WCAG asks nothing of disabled controls.
 */
class ThemeContrastTest {

    /** Text on its background: foreground, background, the least ratio. */
    private record Pair(ColourRole fore, ColourRole back, double least) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair(ColourRole.FORE, ColourRole.BACK, 4.5),
            new Pair(ColourRole.LINK, ColourRole.BACK, 4.5),
            new Pair(ColourRole.BUTTON_FORE, ColourRole.BUTTON_BACK, 4.5),
            new Pair(ColourRole.HEADER_FORE, ColourRole.HEADER_BACK, 4.5),
            new Pair(ColourRole.MENU_FORE, ColourRole.MENU_BACK, 4.5),
            new Pair(ColourRole.CHAT_FORE, ColourRole.CHAT_BACK, 4.5),
            new Pair(ColourRole.CHAT_LABEL, ColourRole.CHAT_BACK, 4.5),
            new Pair(ColourRole.CHAT_ERROR, ColourRole.CHAT_BACK, 4.5),
            // the disabled input: its text and its placeholder
            new Pair(ColourRole.CHAT_FORE, ColourRole.CHAT_DISABLED, 4.5),
            new Pair(ColourRole.CHAT_LABEL, ColourRole.CHAT_DISABLED, 3),
            // a disabled button's text
            new Pair(ColourRole.FORE, ColourRole.BUTTON_DISABLED, 4.5),
            // the nickname input sits on the menu bar, the message input on the chat
            new Pair(ColourRole.BORDER, ColourRole.CHAT_BACK, 3),
            new Pair(ColourRole.BORDER, ColourRole.MENU_BACK, 3),
            // the focus outline around inputs and buttons
            new Pair(ColourRole.FORE, ColourRole.MENU_BACK, 3),
            new Pair(ColourRole.FORE, ColourRole.CHAT_BACK, 3));

    @Test
    void everyThemeMeetsWcagAaForEveryPairTheControlDraws() {
        List<String> failures = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            failures.addAll(failures(theme.name(), theme.palette()));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theUnthemedDefaultMeetsItToo() {
        List<String> failures = failures("unthemed", Palette.UNTHEMED);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theFormulaGivesTheKnownRatios() {
        assertEquals(21.0, contrast("000000", "ffffff"), 0.001);
        assertEquals(1.0, contrast("777", "777777"), 0.001);
        assertEquals(4.48, contrast("777777", "ffffff"), 0.01); // the classic "grey that just fails"
        assertEquals(contrast("0b5cad", "ffffff"), contrast("ffffff", "0b5cad"), 1e-9);
    }

    private static List<String> failures(String name, Palette palette) {
        List<String> failures = new ArrayList<>();
        for (Pair pair : PAIRS) {
            double ratio = contrast(palette.colour(pair.fore()), palette.colour(pair.back()));
            if (ratio < pair.least()) {
                failures.add(String.format("%s: %s on %s is %.2f:1, needs %.1f:1", name, pair.fore().parameter(),
                        pair.back().parameter(), ratio, pair.least()));
            }
        }
        return failures;
    }

    /** WCAG 2.1 contrast ratio: (L1 + 0.05) / (L2 + 0.05), L1 the lighter relative luminance. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * WCAG 2.1 relative luminance: L = 0.2126 R + 0.7152 G + 0.0722 B, where each channel c (sRGB,
     * 0–1) is linearised as c / 12.92 when c ≤ 0.03928, else ((c + 0.055) / 1.055) ^ 2.4.
     */
    static double luminance(String hex) {
        String six = hex.length() == 3
                ? "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2)
                : hex;
        double r = channel(Integer.parseInt(six.substring(0, 2), 16));
        double g = channel(Integer.parseInt(six.substring(2, 4), 16));
        double b = channel(Integer.parseInt(six.substring(4, 6), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
