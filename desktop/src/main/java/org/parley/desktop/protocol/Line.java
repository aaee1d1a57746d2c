package org.parley.desktop.protocol;

import java.time.Instant;

/** One message of a conversation as the server numbered it; {@code fromVisitor} false means the member wrote it. */
public record Line(long seq, Instant at, boolean fromVisitor, String text) {
}
