package org.parley.web.view.control;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;

/**
 * The six themes of the IM control (SPEC.md §4), each a full {@link Palette}. Every theme meets
 * WCAG 2.1 AA: text at least 4.5:1 on the background it is drawn on (ThemeContrastTest lists
 * the pairs {@code control.css} relies on), and the disabled input still 4.5:1.
 */
public enum Theme {
    //      fore   back   link   border btnFg  btnBg  btnBd  btnDis hdrFg  hdrBg  menuFg menuBg chatFg chatBg chatDis chatErr chatLbl
    BLUE("1b2633 ffffff 0b57a8 6f86a3 ffffff 0b5cad 084a8c dfe6ee ffffff 0a4a8f 12365e e4eefa 1b2633 ffffff e6ebf1 b3261e 3e5674"),
    GREEN("1a2b20 ffffff 1b6b35 5f8a6b ffffff 1e7439 165a2c dde9e0 ffffff 175f2f 143f22 e3f2e7 1a2b20 ffffff e5ece7 b3261e 3c5a45"),
    ORANGE("2e2118 ffffff a33f00 9c7a60 ffffff a84200 843400 f0e4da ffffff 9a3c00 5c2600 fdeee2 2e2118 ffffff efe9e4 b3261e 5f4a3b"),
    PINK("33202a ffffff a3195b a26f88 ffffff a8195e 86134a f1e0e8 ffffff 96164f 5e1036 fbe7f0 33202a ffffff f0e8ec b3261e 634553"),
    PURPLE("261f33 ffffff 6532a8 8f7bb0 ffffff 6a35b0 52278a e7e0f1 ffffff 5a2d99 3b1d66 efe8fa 261f33 ffffff ebe8f0 b3261e 52476a"),
    GRAY("1f2328 ffffff 0b57a8 7b848d ffffff 4a5460 39414b e4e7ea ffffff 3f4852 2b3138 eceef0 1f2328 ffffff e8eaec b3261e 4d5560");

    public static final Theme DEFAULT = BLUE;

    private final Palette palette;

    Theme(String colours) {
        String[] hex = colours.split(" ");
        EnumMap<ColourRole, String> map = new EnumMap<>(ColourRole.class);
        for (ColourRole role : ColourRole.values()) {
            map.put(role, hex[role.ordinal()]);
        }
        palette = new Palette(map);
    }

    public Palette palette() {
        return palette;
    }

    /** The {@code themeName} as written in embed code ({@code blue}, {@code gray}, …). */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme named so in any case; an unknown or missing name is the default, blue. */
    public static Theme named(String name) {
        return Arrays.stream(values()).filter(t -> t.parameter().equalsIgnoreCase(name == null ? "" : name.trim()))
                .findFirst().orElse(DEFAULT);
    }
}
