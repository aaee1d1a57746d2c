package org.parley.messaging.entity;

/** A message was accepted; {@code originClientId} is the member client that sent it (null for the visitor). */
public record MessagePosted(String conversationId, String invitee, ConversationMessage message, String originClientId)
        implements ConversationEvent {
}
