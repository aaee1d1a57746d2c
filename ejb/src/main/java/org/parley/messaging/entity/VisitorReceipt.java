package org.parley.messaging.entity;

/**
 * The visitor's control showed one of the member's messages: {@code delivered}, or {@code read}
 * (shown while the visitor's page was in front of them). Each member message gets at most one of
 * each, delivered first; the member's clients show it beside the message.
 */
public record VisitorReceipt(String conversationId, String invitee, long seq, boolean read) implements ConversationEvent {

    /** The wire name of the state: "delivered" or "read". */
    public String state() {
        return read ? "read" : "delivered";
    }
}
