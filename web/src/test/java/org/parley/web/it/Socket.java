package org.parley.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client that keeps every frame it receives, in order, for a test to wait on. */
public final class Socket implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket webSocket;

    private Socket() {
    }

    /** Opens {@code path} on Parley with the page origin Parley itself would have, and the browser's cookies if any. */
    public static Socket open(URI base, String path, Browser browser) {
        return open(base, path, browser, Map.of("Origin", origin(base)));
    }

    public static Socket open(URI base, String path, Browser browser, Map<String, String> headers) {
        Socket socket = new Socket();
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(WAIT);
        http.cookieHandler(browser != null ? browser.cookies() : new CookieManager());
        WebSocket.Builder builder = http.build().newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws")).resolve(path.substring(1));
        socket.webSocket = builder.buildAsync(uri, socket.new Listener()).join();
        return socket;
    }

    /** The status the handshake was refused with. */
    public static int refusedStatus(URI base, String path, Browser browser, Map<String, String> headers) {
        return refused(base, path, browser, headers).statusCode();
    }

    /** The answer that refused the handshake (its status and headers). */
    public static java.net.http.HttpResponse<?> refused(URI base, String path, Browser browser, Map<String, String> headers) {
        try {
            open(base, path, browser, headers).close();
            throw new AssertionError("the handshake to " + path + " was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse();
            }
            throw e;
        }
    }

    public static String origin(URI base) {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    public Socket send(JsonObjectBuilder frame) {
        return sendText(frame.build().toString());
    }

    public Socket sendText(String text) {
        webSocket.sendText(text, true).join();
        return this;
    }

    /** One part of a text message sent in parts (a fragment), the message's end when {@code last}. */
    public Socket sendPart(String text, boolean last) {
        webSocket.sendText(text, last).join();
        return this;
    }

    /** A binary frame, which Parley's sockets do not speak. */
    public Socket sendBinary(byte[] data) {
        webSocket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
        return this;
    }

    public static JsonObjectBuilder frame(String type) {
        return Json.createObjectBuilder().add("type", type);
    }

    /** The next frame of this type, skipping others; fails after {@link #WAIT}. */
    public JsonObject next(String type) {
        return next(type, f -> true);
    }

    public JsonObject next(String type, Predicate<JsonObject> matching) {
        return next(type, matching, null, WAIT);
    }

    /** The next frame of this type, waiting up to {@code wait}. */
    public JsonObject next(String type, Duration wait) {
        return next(type, f -> true, null, wait);
    }

    private JsonObject next(String type, Predicate<JsonObject> matching, String otherType, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
                if (frame == null) {
                    throw new AssertionError("no '" + type + "' frame within " + wait + "; received " + seen);
                }
                String frameType = frame.getString("type", "");
                if ((type.equals(frameType) || frameType.equals(otherType)) && matching.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame of any type, or null if none comes within {@code wait}. */
    public JsonObject poll(Duration wait) {
        try {
            return frames.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code ack} of the frame with this id. */
    public JsonObject ack(String id) {
        return next("ack", f -> id.equals(f.getString("id", null)));
    }

    /** The {@code ack} or {@code error} answering the frame with this id. */
    public JsonObject answer(String id) {
        return next("ack", f -> id.equals(f.getString("id", null)), "error", f -> id.equals(f.getString("ref", null)));
    }

    private JsonObject next(String type, Predicate<JsonObject> matching, String otherType, Predicate<JsonObject> otherMatching) {
        return next(type, f -> matching.test(f) || otherType.equals(f.getString("type", "")) && otherMatching.test(f),
                otherType, WAIT);
    }

    /** The close code the server closed with; fails if it does not close within {@link #WAIT}. */
    public int closeCode() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close the socket; received " + seen, e);
        }
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    @Override
    public void close() {
        if (!webSocket.isOutputClosed()) {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        webSocket.abort();
    }

    /** Drops the connection without a closing handshake, as a crashed browser would. */
    public void drop() {
        webSocket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject frame = Json.createReader(new StringReader(partial.toString())).readObject();
                partial.setLength(0);
                synchronized (seen) {
                    seen.add(frame);
                }
                frames.add(frame);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }
    }
}
