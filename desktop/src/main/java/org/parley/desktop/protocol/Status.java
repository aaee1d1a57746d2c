package org.parley.desktop.protocol;

import java.util.Arrays;
import java.util.Optional;

/** A member's status as the protocol names it; {@link #OFFLINE} chosen by a connected client means "appear offline". */
public enum Status {
    ONLINE("Online", "Online"),
    BUSY("Busy", "Busy"),
    BE_RIGHT_BACK("BeRightBack", "Be right back"),
    AWAY("Away", "Away"),
    IDLE("Idle", "Idle"),
    ON_THE_PHONE("OnThePhone", "On the phone"),
    OUT_TO_LUNCH("OutToLunch", "Out to lunch"),
    OFFLINE("Offline", "Appear offline");

    private final String wire;
    private final String label;

    Status(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public String wire() {
        return wire;
    }

    /** The status by its wire name, or by its label or enum name in any case (for the text mode's {@code /status}). */
    public static Optional<Status> parse(String name) {
        String wanted = name.trim().replace(" ", "").replace("_", "");
        return Arrays.stream(values()).filter(s -> s.wire.equalsIgnoreCase(wanted)
                || s.label.replace(" ", "").equalsIgnoreCase(wanted)).findFirst();
    }

    /** What the member picks from (the window's status list): "Appear offline" for {@link #OFFLINE}. */
    @Override
    public String toString() {
        return label;
    }
}
