package org.parley.messaging.boundary;

import org.parley.account.entity.DirectoryEntry;
import org.parley.messaging.entity.Reach;
import org.parley.presence.entity.Presence;

/** The member a visitor wants to talk to, as the visitor may see them, and how the visitor reached them. */
public record Invitee(DirectoryEntry member, Presence presence, Reach reach) {
}
