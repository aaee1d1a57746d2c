package org.parley.messaging.entity;

/**
 * A member's client confirmed one of the visitor's messages: {@code delivered} (shown by a
 * client), or {@code read} (shown while the member had the conversation in front of them).
 * Each visitor message gets at most one of each, delivered first.
 */
public record Receipt(String conversationId, String invitee, long seq, boolean read) implements ConversationEvent {

    /** The wire name of the state: "delivered" or "read". */
    public String state() {
        return read ? "read" : "delivered";
    }
}
