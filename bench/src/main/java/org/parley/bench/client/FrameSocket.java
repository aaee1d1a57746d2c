package org.parley.bench.client;

import java.net.http.WebSocket;
import java.util.ArrayDeque;
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
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    /** A frame is being written; the others wait in {@link #waiting}, since the JDK takes one at a time. */
    private boolean sending;
    /** {@link #close()} came while frames were still being written. */
    private boolean closeWhenWritten;
    private volatile boolean closing;
    private volatile WebSocket webSocket;

    FrameSocket(BiConsumer<FrameSocket, String> frames, Consumer<String> problems) {
        this.frames = frames;
        this.problems = problems;
    }

    /** Queues a text frame behind those not yet sent. */
    public void send(String text) {
        queued.incrementAndGet();
        synchronized (this) {
            if (sending) {
                waiting.addLast(text);
                return;
            }
            sending = true;
        }
        write(text);
    }

    private void write(String text) {
        webSocket.sendText(text, true).whenComplete(this::written);
    }

    /** One frame is out (or failed): the next queued one goes, or the close that waited for them. */
    private void written(WebSocket ws, Throwable failure) {
        if (failure != null) {
            if (!closing) {
                problems.accept("send failed: " + failure);
            }
        } else {
            written.incrementAndGet();
        }
        String next;
        boolean close;
        synchronized (this) {
            next = waiting.pollFirst();
            sending = next != null;
            close = next == null && closeWhenWritten;
            closeWhenWritten &= !close;
        }
        if (next != null) {
            write(next);
        } else if (close) {
            sendClose();
        }
    }

    /** Closes normally once what was queued is sent; completes when the server answered the close (or the socket failed). */
    public CompletableFuture<Integer> close() {
        boolean now;
        synchronized (this) {
            closing = true;
            now = !sending;
            closeWhenWritten = sending;
        }
        if (now) {
            sendClose();
        }
        return closed;
    }

    private void sendClose() {
        webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((ws, failure) -> {
            if (failure != null) {
                webSocket.abort();
                closed.complete(-1);
            }
        });
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
