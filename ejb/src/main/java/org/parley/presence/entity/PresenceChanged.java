package org.parley.presence.entity;

/** Fired by the presence registry whenever what others see of a member changes. */
public record PresenceChanged(String username, Presence presence) {
}
