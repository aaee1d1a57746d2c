package org.parley.messaging.entity;

/** The conversation is over: {@code closed} by the member, or {@code visitor_left} (gone past the resume window). */
public record ConversationEnded(String conversationId, String invitee, String reason) implements ConversationEvent {

    public static final String CLOSED = "closed";
    public static final String VISITOR_LEFT = "visitor_left";
}
