package org.parley.messaging.entity;

import java.time.Instant;

/**
 * One message of a conversation, numbered by {@code seq} in the order it was accepted.
 * {@code queued}: the member was not reachable, so it was stored as an offline message instead.
 */
public record ConversationMessage(long seq, Instant at, Party from, String text, boolean queued) {
}
