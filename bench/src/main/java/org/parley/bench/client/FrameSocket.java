package org.parley.bench.client;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One WebSocket of {@code java.net.http}: hands every complete text frame to its owner, sends frames
 * one after another (the JDK allows one outstanding send per socket), and reports a close or a
 * failure the bench did not ask for as a problem.
 */
public final class FrameSocket implements WebSocket.Listener {

    private final BiConsumer<FrameSocket, String> frames;
    private final Consumer<String> problems;
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile boolean closing;
    private volatile WebSocket webSocket;

    FrameSocket(BiConsumer<FrameSocket, String> frames, Consumer<String> problems) {
        this.frames = frames;
        this.problems = problems;
    }

    /** Queues a text frame behind those not yet sent. */
    public synchronized void send(String text) {
        queued.incrementAndGet();
        sending = sending.thenCompose(previous -> webSocket.sendText(text, true)).thenApply(ws -> {
            written.incrementAndGet();
            return ws;
        }).exceptionally(failure -> {
            if (!closing) {
                problems.accept("send failed: " + failure);
            }
            return null;
        });
    }

    /** Closes normally once what was queued is sent; completes when the server answered the close (or the socket failed). */
    public synchronized CompletableFuture<Integer> close() {
        closing = true;
        sending.thenCompose(previous -> webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "")).whenComplete((ws, failure) -> {
            if (failure != null) {
                webSocket.abort();
                closed.complete(-1);
            }
        });
        return closed;
    }

    /** Frames queued that the JDK has not yet written to the connection: more than a few means the peer stopped reading. */
    public long unwritten() {
        return queued.get() - written.get();
    }

    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.webSocket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last) {
            partial.append(data);
        } else if (partial.isEmpty()) {
            deliver(data.toString());
        } else {
            String whole = partial.append(data).toString();
            partial.setLength(0);
            deliver(whole);
        }
        webSocket.request(1);
        return null;
    }

    private void deliver(String frame) {
        try {
            frames.accept(this, frame);
        } catch (RuntimeException e) {
            problems.accept("could not read " + frame + ": " + e);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closing) {
            problems.accept("the server closed the socket: " + statusCode + " " + reason);
        }
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closing) {
            problems.accept("socket failed: " + error);
        }
        closed.complete(-1);
    }
}
