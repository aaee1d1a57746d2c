package org.parley.messaging.entity;

import java.time.Instant;

/** The member's clients learn of a new conversation (before its first message reaches them). */
public record ConversationStarted(String conversationId, String invitee, VisitorIdentity visitor, String page,
                                  Instant startedAt) implements ConversationEvent {
}
