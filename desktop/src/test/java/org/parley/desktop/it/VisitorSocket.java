package org.parley.desktop.it;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.parley.desktop.protocol.ServerFrames;

/** A visitor at a member's IM control, speaking {@code /ws/control} as the control's script does. */
final class VisitorSocket implements AutoCloseable {

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private final String invitee;
    private int sent;
    private String resumeToken;
    /** The newest message number this visitor saw, for a resume. */
    private volatile long lastSeq;

    private VisitorSocket(URI base, String invitee) {
        this.invitee = invitee;
        URI endpoint = URI.create("ws://" + base.getRawAuthority() + "/ws/control?invitee=" + invitee);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try (var reader = ServerFrames.JSON.createReader(new java.io.StringReader(text.toString()))) {
                        JsonObject frame = reader.readObject();
                        if (frame.getString("type").equals("message")) {
                            lastSeq = Math.max(lastSeq, frame.getJsonNumber("seq").longValue());
                        }
                        frames.add(frame);
                    }
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).join();
    }

    /** A visitor with a nickname, greeted by the invitee's control. */
    static VisitorSocket named(URI base, String invitee, String nickname) {
        VisitorSocket visitor = new VisitorSocket(base, invitee);
        visitor.resumeToken = visitor.await(f -> f.getString("type").equals("hello"), "hello").getString("resume");
        visitor.send("{\"type\":\"identify\",\"id\":\"n\",\"name\":\"" + nickname + "\"}");
        return visitor;
    }

    /**
     * The same visitor on a new socket, after theirs went with a restarted Parley: it takes the conversation back as
     * the IM control does ({@code resume} with what it saw last); what it missed is replayed before the ack.
     */
    VisitorSocket resumed(URI base) {
        VisitorSocket again = new VisitorSocket(base, invitee);
        again.await(f -> f.getString("type").equals("hello"), "hello");
        again.resumeToken = resumeToken;
        again.lastSeq = lastSeq;
        again.send(ServerFrames.JSON.createObjectBuilder().add("type", "resume").add("id", "resume").add("token", resumeToken)
                .add("lastSeq", lastSeq).build().toString());
        return again;
    }

    /** Sends a message and waits for its ack; answers the ack. */
    JsonObject say(String text) {
        String id = "v" + (++sent);
        send(ServerFrames.JSON.createObjectBuilder().add("type", "message").add("id", id).add("text", text).build().toString());
        return await(f -> f.getString("type").equals("ack") && id.equals(f.getString("id", null)), "the ack of " + text);
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** The next frame that matches (others are passed over); fails after 30 s. */
    JsonObject await(Predicate<JsonObject> wanted, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (true) {
                JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("the visitor did not get " + what + " within 30 s");
                }
                if (wanted.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonObject awaitMessage(String text) {
        return await(f -> f.getString("type").equals("message") && text.equals(f.getString("text", null)), "the message " + text);
    }

    JsonObject awaitReceipt(long seq, String state) {
        return await(f -> f.getString("type").equals("receipt") && f.getJsonNumber("seq").longValue() == seq
                && state.equals(f.getString("state")), "receipt " + state + " of " + seq);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
