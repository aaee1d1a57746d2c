package org.parley.bench.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One of the bench's WebSockets (Netty, on the generator's event loop): hands every complete text frame to its owner,
 * sends frames in the order given, and reports a close or a failure the bench did not ask for as a problem.
 */
public final class FrameSocket extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final BiConsumer<FrameSocket, String> frames;
    private final Consumer<String> problems;
    private final CompletableFuture<FrameSocket> upgraded = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closing;
    private volatile int closeCode = -1;
    private volatile Channel channel;

    FrameSocket(BiConsumer<FrameSocket, String> frames, Consumer<String> problems) {
        this.frames = frames;
        this.problems = problems;
    }

    /** Completes once the server answered the handshake with 101 (fails with why it did not). */
    CompletableFuture<FrameSocket> upgraded() {
        return upgraded;
    }

    /** Sends a text frame after those sent before it. */
    public void send(String text) {
        queued.incrementAndGet();
        channel.writeAndFlush(new TextWebSocketFrame(text)).addListener((ChannelFuture done) -> {
            if (done.isSuccess()) {
                written.incrementAndGet();
            } else if (!closing) {
                problems.accept("send failed: " + done.cause());
            }
        });
    }

    /** Closes normally after what was sent; completes when the server answered the close (or the socket went). */
    public CompletableFuture<Integer> close() {
        closing = true;
        Channel open = channel;
        if (open == null) {
            closed.complete(-1);
        } else if (open.isActive()) {
            open.writeAndFlush(new CloseWebSocketFrame(1000, ""));
        }
        return closed;
    }

    /** Frames sent that have not yet been written to the connection: more than a few means the peer stopped reading. */
    public long unwritten() {
        return queued.get() - written.get();
    }

    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        channel = context.channel();
        super.channelActive(context);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            upgraded.complete(this);
        } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            upgraded.completeExceptionally(new IllegalStateException("the handshake timed out"));
            context.close();
        }
        super.userEventTriggered(context, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            String data = text.text();
            try {
                frames.accept(this, data);
            } catch (RuntimeException e) {
                problems.accept("could not read " + data + ": " + e);
            }
        } else if (frame instanceof CloseWebSocketFrame close) {
            closeCode = close.statusCode();
            if (!closing) {
                problems.accept("the server closed the socket: " + close.statusCode() + " " + close.reasonText());
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (!upgraded.isDone()) {
            upgraded.completeExceptionally(cause);
        } else if (!closing) {
            problems.accept("socket failed: " + cause);
        }
        context.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (!upgraded.isDone()) {
            upgraded.completeExceptionally(new IllegalStateException("the connection closed before the handshake was answered"));
        } else if (!closing && closeCode < 0) {
            problems.accept("the connection was closed without a close frame");
        }
        closed.complete(closeCode);
        super.channelInactive(context);
    }
}
