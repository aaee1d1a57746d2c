package org.parley.messaging.entity;

/** One side started or paused typing. */
public record TypingChanged(String conversationId, String invitee, Party from, boolean active, String originClientId)
        implements ConversationEvent {
}
