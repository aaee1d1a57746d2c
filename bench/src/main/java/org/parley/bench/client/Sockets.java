package org.parley.bench.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Opens the bench's WebSockets to one Parley. A few {@code HttpClient}s share them (each has one
 * selector thread; one would do all the generator's I/O on one core), and a small pool runs the
 * listeners, so the generator's threads stay few however many sockets are open.
 */
public final class Sockets implements AutoCloseable {

    private final URI base;
    private final String origin;
    private final ExecutorService listeners;
    private final HttpClient[] clients;
    private final AtomicInteger next = new AtomicInteger();

    public Sockets(URI base) {
        this.base = base;
        this.origin = base.getScheme() + "://" + base.getRawAuthority();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.listeners = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bench-socket");
            thread.setDaemon(true);
            return thread;
        });
        this.clients = new HttpClient[threads];
        for (int i = 0; i < threads; i++) {
            clients[i] = HttpClient.newBuilder().executor(listeners).connectTimeout(Duration.ofSeconds(30)).build();
        }
    }

    public URI base() {
        return base;
    }

    /**
     * Opens {@code path} (with its query) as a page of Parley's own origin would, with {@code headers}
     * besides; completes with the socket once the handshake succeeded. Frames may come before that,
     * so {@code frames} is told which socket each came from.
     */
    public CompletableFuture<FrameSocket> open(String path, Map<String, String> headers, BiConsumer<FrameSocket, String> frames,
                                               Consumer<String> problems) {
        FrameSocket socket = new FrameSocket(frames, problems);
        WebSocket.Builder builder = clients[Math.floorMod(next.getAndIncrement(), clients.length)]
                .newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).header("Origin", origin);
        headers.forEach(builder::header);
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws")).resolve(path);
        return builder.buildAsync(uri, socket).thenApply(ws -> socket);
    }

    @Override
    public void close() {
        listeners.shutdownNow();
    }
}
