package org.parley.messaging.entity;

/**
 * A message was left on a contact point for a member (their copy): their clients that are connected
 * (a member who is Away or Busy still is) show it at once instead of at their next sign-in.
 */
public record OfflineMessageLeft(String invitee, OfflineMessage message) {
}
