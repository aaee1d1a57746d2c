package org.parley.messaging.entity;

import java.time.Instant;

/**
 * One message of a conversation, numbered by {@code seq} in the order it was accepted.
 * {@code queued}: stored as an offline message — at once, because the member was not reachable,
 * or later, because no client of the member confirmed it in time.
 */
public record ConversationMessage(long seq, Instant at, Party from, String text, boolean queued) {

    /** This message, now that it is stored as an offline message. */
    public ConversationMessage storedOffline() {
        return new ConversationMessage(seq, at, from, text, true);
    }
}
