package org.parley.web.view.control;

import java.util.Arrays;
import java.util.Locale;

/** What an IM control shows (the {@code view} parameter): the conversation, a button that opens it, or a status icon. */
public enum ControlView {
    WINDOW, BUTTON, ICON;

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The view named so in any case; anything else is the window. */
    public static ControlView named(String name) {
        return Arrays.stream(values()).filter(v -> v.parameter().equalsIgnoreCase(name == null ? "" : name.trim()))
                .findFirst().orElse(WINDOW);
    }
}
