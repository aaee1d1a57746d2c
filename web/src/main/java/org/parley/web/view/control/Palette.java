package org.parley.web.view.control;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A colour for every {@link ColourRole}, as 3 or 6 hex digits without {@code #}. Nothing else
 * gets in: the CSS a palette writes is made of these digits and fixed property names only.
 */
public final class Palette {

    /** A colour parameter's only accepted form (SPEC.md §4). */
    public static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}");

    /**
     * What {@code useTheme=false} starts from: black on white, the browser's own look, no theme
     * colour at all; the colour parameters go on top of it.
     */
    public static final Palette UNTHEMED = new Palette(Map.ofEntries(
            Map.entry(ColourRole.FORE, "000000"), Map.entry(ColourRole.BACK, "ffffff"),
            Map.entry(ColourRole.LINK, "0000ee"), Map.entry(ColourRole.BORDER, "767676"),
            Map.entry(ColourRole.BUTTON_FORE, "000000"), Map.entry(ColourRole.BUTTON_BACK, "efefef"),
            Map.entry(ColourRole.BUTTON_BORDER, "767676"), Map.entry(ColourRole.BUTTON_DISABLED, "f4f4f4"),
            Map.entry(ColourRole.HEADER_FORE, "000000"), Map.entry(ColourRole.HEADER_BACK, "f0f0f0"),
            Map.entry(ColourRole.MENU_FORE, "000000"), Map.entry(ColourRole.MENU_BACK, "ffffff"),
            Map.entry(ColourRole.CHAT_FORE, "000000"), Map.entry(ColourRole.CHAT_BACK, "ffffff"),
            Map.entry(ColourRole.CHAT_DISABLED, "ebebeb"), Map.entry(ColourRole.CHAT_ERROR, "b00020"),
            Map.entry(ColourRole.CHAT_LABEL, "444444")));

    private final Map<ColourRole, String> colours;

    Palette(Map<ColourRole, String> colours) {
        EnumMap<ColourRole, String> copy = new EnumMap<>(ColourRole.class);
        for (ColourRole role : ColourRole.values()) {
            String colour = colours.get(role);
            if (colour == null || !HEX.matcher(colour).matches()) {
                throw new IllegalArgumentException(role.parameter() + ": " + colour);
            }
            copy.put(role, colour.toLowerCase(java.util.Locale.ROOT));
        }
        this.colours = Collections.unmodifiableMap(copy);
    }

    /** This palette with some colours replaced; the replacements must be valid hex colours too. */
    public Palette with(Map<ColourRole, String> overrides) {
        EnumMap<ColourRole, String> merged = new EnumMap<>(colours);
        merged.putAll(overrides);
        return new Palette(merged);
    }

    /** The colour as 3 or 6 lower-case hex digits, without {@code #}. */
    public String colour(ColourRole role) {
        return colours.get(role);
    }

    public Map<ColourRole, String> colours() {
        return colours;
    }

    /** The palette as CSS custom properties on the root element: {@code :root{--fore-color:#1b2633;…}}. */
    public String css() {
        StringBuilder css = new StringBuilder(":root{");
        colours.forEach((role, colour) -> css.append(role.cssProperty()).append(":#").append(colour).append(';'));
        return css.append('}').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Palette p && p.colours.equals(colours);
    }

    @Override
    public int hashCode() {
        return colours.hashCode();
    }

    @Override
    public String toString() {
        return css();
    }
}
