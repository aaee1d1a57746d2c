/**
 * Messaging: conversations between a visitor and a member (in memory, each with a bounded
 * replay buffer for a visitor's resume), offline messages (persisted), rate limits and text
 * normalisation. Fires {@code ConversationEvent}s ({@code ConversationStarted},
 * {@code MessagePosted}, {@code TypingChanged}, {@code ConversationEnded}) and
 * {@code OfflineMessagesRead}; a message is acknowledged only once it was handed to the
 * member's live clients (synchronous events) or stored. Observes {@code MemberChanged}: a
 * conversation lasts only while the member can be reached the way its visitor came ({@code Reach}).
 */
package org.parley.messaging;
