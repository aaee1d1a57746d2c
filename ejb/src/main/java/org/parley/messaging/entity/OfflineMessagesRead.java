package org.parley.messaging.entity;

import java.util.List;

/** A member marked offline messages read; all their clients drop them from view. */
public record OfflineMessagesRead(String invitee, List<String> ids) {
}
