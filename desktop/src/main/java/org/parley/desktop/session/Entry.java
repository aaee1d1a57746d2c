package org.parley.desktop.session;

import java.time.Instant;

/**
 * One line of a conversation as the member sees it. {@code seq} is the server's number (0 until the
 * server acknowledged a message the member typed); {@code localId} names a message the member typed.
 */
public record Entry(long seq, String localId, Instant at, boolean theirs, String text, Delivery delivery) {
}
