package org.parley.desktop.protocol;

import java.time.Instant;

/**
 * One message of a conversation as the server numbered it. {@code theirs}: written by the other side (the visitor in a
 * conversation the member answers, the colleague in one the member started); false: the member wrote it.
 */
public record Line(long seq, Instant at, boolean theirs, String text) {
}
