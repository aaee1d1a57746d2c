package org.parley.presence.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The statuses of SPEC.md §3, most available first: a member with several clients shows the
 * first of their clients' statuses in this order.
 */
public enum PresenceStatus {
    ONLINE("Online", "Online"),
    BUSY("Busy", "Busy"),
    ON_THE_PHONE("OnThePhone", "On the phone"),
    BE_RIGHT_BACK("BeRightBack", "Be right back"),
    IDLE("Idle", "Idle"),
    AWAY("Away", "Away"),
    OUT_TO_LUNCH("OutToLunch", "Out to lunch"),
    OFFLINE("Offline", "Offline");

    private final String wireName;
    private final String text;

    PresenceStatus(String wireName, String text) {
        this.wireName = wireName;
        this.text = text;
    }

    /** The name on the wire and in the Presence API ({@code "BeRightBack"}). */
    public String wireName() {
        return wireName;
    }

    /** The English words for it; other languages come from the web module's bundles. */
    public String text() {
        return text;
    }

    public static Optional<PresenceStatus> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    /** The more available of two statuses. */
    public static PresenceStatus mostAvailable(PresenceStatus a, PresenceStatus b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
