package org.parley.presence.entity;

/** What others see of a member right now: their aggregate status and personal message. */
public record Presence(PresenceStatus status, String personalMessage) {

    public static final Presence OFFLINE = new Presence(PresenceStatus.OFFLINE, null);

    public boolean reachable() {
        return status != PresenceStatus.OFFLINE;
    }
}
