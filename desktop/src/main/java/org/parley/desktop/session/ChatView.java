package org.parley.desktop.session;

import java.time.Instant;
import java.util.List;
import org.parley.desktop.protocol.Visitor;

/**
 * An open (or just ended) conversation: its lines in order, what is unread, and whether the other side is typing.
 * {@code outgoing}: the member started it with a colleague and writes as a verified visitor; {@code visitor} is then
 * that colleague.
 */
public record ChatView(String id, Visitor visitor, String page, Instant startedAt, List<Entry> entries, int unread,
                       boolean visitorTyping, String endedReason, boolean outgoing) {

    public boolean ended() {
        return endedReason != null;
    }
}
