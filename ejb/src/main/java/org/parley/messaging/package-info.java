/**
 * Messaging: conversations between a visitor and a member (in memory, each with a bounded
 * replay buffer for a visitor's resume), offline messages (persisted), rate limits and text
 * normalisation. Fires {@code ConversationEvent}s ({@code ConversationStarted},
 * {@code MessagePosted}, {@code TypingChanged}, {@code Receipt}, {@code ConversationEnded}) and
 * {@code OfflineMessagesRead}; a message is acknowledged only once it was handed to the
 * member's live clients (synchronous events) or stored. A visitor message handed to live clients
 * waits in memory for a client's receipt; one that none confirmed when the conversation ends or
 * the member's last client goes is stored as an offline message, so an acknowledged message is
 * never lost.
 * Observes {@code MemberChanged}: a conversation lasts only while the member can be reached the
 * way its visitor came ({@code Reach}).
 */
package org.parley.messaging;
