package org.parley.bench.client;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A visitor's IM control as the bench plays it ({@code /ws/control?invitee=CID}, Parley's own
 * origin): waits for {@code hello}, picks a nickname, sends messages and hears their acks and the
 * invitee's presence.
 */
public final class Visitor {

    /** What a scenario hears from the visitor's side. */
    public interface Listener {
        default void ack(Visitor visitor, String id, long receivedNanos) {
        }

        default void presence(Visitor visitor, String status, long receivedNanos) {
        }

        /** A member's client showed ("delivered") or the member read one of this visitor's messages. */
        default void receipt(Visitor visitor, long seq, String state) {
        }
    }

    private static final String ACK = "{\"type\":\"ack\"";
    private static final String SEQ = "\"seq\":";
    private static final String ID = "\"id\":\"";

    private final Listener listener;
    private final Tally tally;
    private final CompletableFuture<Visitor> hello = new CompletableFuture<>();
    private FrameSocket socket;

    private Visitor(Listener listener, Tally tally) {
        this.listener = listener;
        this.tally = tally;
    }

    /** Opens a control for the member with {@code cid}; completes at its {@code hello}. */
    public static CompletableFuture<Visitor> open(Sockets sockets, String cid, Listener listener, Tally tally) {
        return open(sockets, cid, listener, tally, () -> {
        });
    }

    /** The same, running {@code upgraded} once the handshake succeeded (to tell a missing hello from a missing 101). */
    public static CompletableFuture<Visitor> open(Sockets sockets, String cid, Listener listener, Tally tally,
                                                  Runnable upgraded) {
        Visitor visitor = new Visitor(listener, tally);
        return sockets.open("ws/control?invitee=" + cid, Map.of(), visitor::frame, p -> tally.error("visitor: " + p))
                .thenCompose(socket -> {
                    visitor.socket = socket;
                    upgraded.run();
                    return visitor.hello;
                });
    }

    public void identify(String name) {
        socket.send(Frames.identify(name));
    }

    public void send(String id, String text) {
        socket.send(Frames.message(id, text));
    }

    /** Frames still waiting to be written (see {@link FrameSocket#unwritten()}). */
    public long unwritten() {
        return socket.unwritten();
    }

    /** Whether neither side has closed the socket. */
    public boolean isOpen() {
        return !socket.closed().isDone();
    }

    public CompletableFuture<Integer> close() {
        return socket.close();
    }

    private void frame(FrameSocket from, String text) {
        long now = System.nanoTime();
        if (text.startsWith(ACK) && text.contains(SEQ)) {
            String id = Frames.plainString(text, ID);
            if (id != null) {
                listener.ack(this, id, now);
                return;
            }
        }
        JsonObject frame = Frames.parse(text);
        switch (frame.getString("type", "")) {
            case "hello" -> hello.complete(this);
            case "ack" -> {
                if (frame.containsKey("seq")) {
                    listener.ack(this, frame.getString("id"), now);
                }
            }
            case "presence" -> listener.presence(this, frame.getString("status"), now);
            case "receipt" -> listener.receipt(this, frame.getJsonNumber("seq").longValue(), frame.getString("state"));
            case "error", "ended", "rate_limited" -> {
                tally.error("visitor got " + text);
                hello.completeExceptionally(new IllegalStateException("instead of hello: " + text));
            }
            default -> {
                // typing, a message from the invitee: nothing the scenarios measure
            }
        }
    }
}
