package org.parley.bench.client;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A member's web console as the bench plays it ({@code /ws/client} with the session cookie): it
 * confirms every visitor message with {@code received}, as the console does, so the server never
 * holds them as unconfirmed, and hands each to whatever the running scenario listens with.
 */
public final class MemberClient {

    /** What a scenario hears from the member's side: each visitor message, when it arrived. */
    public interface Listener {
        void visitorMessage(String conversation, long seq, String text, long receivedNanos);
    }

    private static final Listener NOBODY = (conversation, seq, text, at) -> {
    };

    private static final String MESSAGE = "\"type\":\"message\"";
    private static final String FROM_VISITOR = "\"from\":\"visitor\"";
    private static final String CONVERSATION = "\"conversation\":\"";
    private static final String SEQ = "\"seq\":";
    private static final String TEXT = "\"text\":\"";

    private final Member member;
    private final CompletableFuture<MemberClient> welcomed = new CompletableFuture<>();
    private volatile Listener listener = NOBODY;
    private volatile Tally tally = new Tally();
    private FrameSocket socket;

    private MemberClient(Member member) {
        this.member = member;
    }

    /** Opens the member's socket; completes once the server said {@code welcome}. */
    public static CompletableFuture<MemberClient> connect(Sockets sockets, Member member) {
        MemberClient client = new MemberClient(member);
        return sockets.open("ws/client", Map.of("Cookie", member.cookie()), client::frame, p -> client.tally.error(
                member.username() + "'s client: " + p)).thenCompose(socket -> {
                    client.socket = socket;
                    return client.welcomed;
                });
    }

    /** The scenario that now listens, and counts what goes wrong. */
    public void listen(Listener listener, Tally tally) {
        this.listener = listener;
        this.tally = tally;
    }

    public Member member() {
        return member;
    }

    /** Sets the member's status from this client ({@code presence {status}}). */
    public void status(String status) {
        socket.send(Frames.presence(status));
    }

    public CompletableFuture<Integer> close() {
        return socket.close();
    }

    private void frame(FrameSocket from, String text) {
        long now = System.nanoTime();
        if (text.contains(MESSAGE) && text.contains(FROM_VISITOR) && text.indexOf('{', 1) < 0) {
            String conversation = Frames.plainString(text, CONVERSATION);
            long seq = Frames.plainLong(text, SEQ);
            String message = Frames.plainString(text, TEXT);
            if (conversation != null && seq >= 0 && message != null) {
                visitorMessage(from, conversation, seq, message, now);
                return;
            }
        }
        JsonObject frame = Frames.parse(text);
        switch (frame.getString("type", "")) {
            case "welcome" -> welcomed.complete(this);
            case "message" -> {
                if ("visitor".equals(frame.getString("from", ""))) {
                    visitorMessage(from, frame.getString("conversation"), frame.getJsonNumber("seq").longValue(),
                            frame.getString("text"), now);
                }
            }
            case "error" -> tally.error(member.username() + "'s client got " + text);
            default -> {
                // presence, conversation.started, conversation.ended, typing, ack: nothing the scenarios measure
            }
        }
    }

    private void visitorMessage(FrameSocket from, String conversation, long seq, String text, long now) {
        from.send(Frames.received(conversation, seq));
        listener.visitorMessage(conversation, seq, text, now);
    }
}
