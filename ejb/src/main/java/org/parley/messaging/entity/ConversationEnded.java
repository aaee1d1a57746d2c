package org.parley.messaging.entity;

/**
 * The conversation is over: {@code closed} by the member, {@code visitor_left} (gone past the
 * resume window), or {@code unreachable}: the member can no longer be reached the way the visitor
 * came (they stopped sharing, got a new CID or were disabled; the visitor is not told which).
 */
public record ConversationEnded(String conversationId, String invitee, String reason) implements ConversationEvent {

    public static final String CLOSED = "closed";
    public static final String VISITOR_LEFT = "visitor_left";
    public static final String UNREACHABLE = "unreachable";
}
