package org.parley.messaging.boundary;

import org.parley.messaging.entity.ConversationMessage;

/** What became of a visitor's message: handed to the member's live clients, or stored as an offline message. */
public record Delivery(ConversationMessage message) {

    public boolean queued() {
        return message.queued();
    }
}
