package org.parley.bench.client;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** A directory page's live presence ({@code /ws/presence}) watching one member: {@code watch {ids:[CID]}}. */
public final class PresenceWatcher {

    private final String cid;
    private final BiConsumer<String, Long> changes;
    private final Tally tally;
    private final CompletableFuture<PresenceWatcher> watching = new CompletableFuture<>();
    private FrameSocket socket;

    private PresenceWatcher(String cid, BiConsumer<String, Long> changes, Tally tally) {
        this.cid = cid;
        this.changes = changes;
        this.tally = tally;
    }

    /** Opens the socket and watches {@code cid}; completes at the first {@code presence} about it. */
    public static CompletableFuture<PresenceWatcher> watch(Sockets sockets, String cid,
                                                           BiConsumer<String, Long> changes, Tally tally) {
        PresenceWatcher watcher = new PresenceWatcher(cid, changes, tally);
        return sockets.open("ws/presence", Map.of(), watcher::frame, p -> tally.error("watcher: " + p))
                .thenCompose(socket -> {
                    watcher.socket = socket;
                    return watcher.watching;
                });
    }

    public CompletableFuture<Integer> close() {
        return socket.close();
    }

    private void frame(FrameSocket from, String text) {
        long now = System.nanoTime();
        JsonObject frame = Frames.parse(text);
        switch (frame.getString("type", "")) {
            case "ready" -> from.send(Frames.watch(List.of(cid)));
            case "presence" -> {
                if (!frame.getBoolean("found", false)) {
                    tally.error("watcher: the member is not visible: " + text);
                } else if (!watching.isDone()) {
                    watching.complete(this);
                } else {
                    changes.accept(frame.getString("status"), now);
                }
            }
            case "error" -> tally.error("watcher got " + text);
            default -> {
                // ack
            }
        }
    }
}
