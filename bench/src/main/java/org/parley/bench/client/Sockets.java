package org.parley.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Opens the bench's WebSockets to one Parley, on Netty event loops, one thread per core: the generator shares the
 * machine's cores with the server it measures, so its cost per connection and per frame must stay small (the JDK's
 * WebSocket client cost about as much CPU per connection set-up as the server). Listeners run on those threads, so
 * they must not block.
 */
public final class Sockets implements AutoCloseable {

    /** The longest frame the bench reads (a member client's {@code welcome} with many conversations). */
    private static final int MAX_FRAME = 4 * 1024 * 1024;

    private final URI base;
    private final String origin;
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(
            Math.max(2, Runtime.getRuntime().availableProcessors()), NioIoHandler.newFactory());
    private final Bootstrap bootstrap;

    public Sockets(URI base) {
        this.base = base;
        this.origin = base.getScheme() + "://" + base.getRawAuthority();
        this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
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
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws")).resolve(path);
        HttpHeaders extra = new DefaultHttpHeaders().add("Origin", origin);
        headers.forEach(extra::add);
        WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13,
                null, false, extra, MAX_FRAME);
        FrameSocket socket = new FrameSocket(frames, problems);
        ChannelFuture connected = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                        new WebSocketClientProtocolHandler(handshaker, true, true, 30_000), new WebSocketFrameAggregator(MAX_FRAME), socket);
            }
        }).connect(uri.getHost(), uri.getPort());
        connected.addListener((ChannelFuture done) -> {
            if (!done.isSuccess()) {
                socket.upgraded().completeExceptionally(done.cause());
            }
        });
        return socket.upgraded();
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
