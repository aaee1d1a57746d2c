package org.parley.web.view.control;

import java.util.Locale;

/**
 * The colours an IM control can be given (SPEC.md §4), each by its legacy parameter name and the
 * CSS custom property that {@code control.css} reads it from ({@code foreColor} → {@code --fore-color}).
 */
public enum ColourRole {
    FORE("foreColor"),
    BACK("backColor"),
    LINK("linkColor"),
    BORDER("borderColor"),
    BUTTON_FORE("buttonForeColor"),
    BUTTON_BACK("buttonBackColor"),
    BUTTON_BORDER("buttonBorderColor"),
    BUTTON_DISABLED("buttonDisabledColor"),
    HEADER_FORE("headerForeColor"),
    HEADER_BACK("headerBackColor"),
    MENU_FORE("menuForeColor"),
    MENU_BACK("menuBackColor"),
    CHAT_FORE("chatForeColor"),
    CHAT_BACK("chatBackColor"),
    CHAT_DISABLED("chatDisabledColor"),
    CHAT_ERROR("chatErrorColor"),
    CHAT_LABEL("chatLabelColor");

    private final String parameter;

    ColourRole(String parameter) {
        this.parameter = parameter;
    }

    /** The query parameter, as legacy embed code writes it. */
    public String parameter() {
        return parameter;
    }

    public String cssProperty() {
        return "--" + parameter.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
