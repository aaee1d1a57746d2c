package org.parley.messaging.boundary;

import org.parley.account.entity.DirectoryEntry;
import org.parley.presence.entity.Presence;

/** The member a visitor wants to talk to, as the visitor may see them. */
public record Invitee(DirectoryEntry member, Presence presence) {
}
