package org.parley.messaging.entity;

/**
 * One message of a {@link SavedConversation}'s replay buffer, with what the other side confirmed of it:
 * {@code read} is {@code false} (delivered) or {@code true} (read) — for a visitor's message: a member client showed it;
 * for the member's: the visitor's control did — and {@code null} while nobody did. A visitor message neither queued nor
 * confirmed is one the member's clients must still confirm.
 */
public record SavedMessage(ConversationMessage message, Boolean read) {
}
