package org.parley.desktop.protocol;

/** The member's aggregate presence as the server reports it. */
public record Presence(Status status, String statusText, String personalMessage) {
}
