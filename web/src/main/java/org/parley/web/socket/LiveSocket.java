package org.parley.web.socket;

import java.time.Instant;

/**
 * One open socket as the admin console lists it.
 *
 * @param id      the container's id of the socket
 * @param kind    what is at the other end
 * @param address the peer's address (as the per-address rules see it)
 * @param since   when it opened
 * @param member  the member whose client it is, or whom the visitor visits; null until known (and for directory pages)
 * @param outbox  where its frames go
 */
public record LiveSocket(String id, SocketKind kind, String address, Instant since, String member, Outbox outbox) {

    LiveSocket of(String member) {
        return new LiveSocket(id, kind, address, since, member, outbox);
    }

    /** When the peer last sent a frame or answered a ping. */
    public Instant lastActivity() {
        return Instant.now().minusNanos(System.nanoTime() - outbox.heardAt());
    }
}
