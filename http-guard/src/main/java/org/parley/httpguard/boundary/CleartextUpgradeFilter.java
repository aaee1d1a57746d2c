package org.parley.httpguard.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;
import org.parley.httpguard.control.Refusal;

/**
 * Serves a request to upgrade to HTTP/2 in clear text ({@code Upgrade: h2c}, what Java's
 * HttpClient sends on its first request to a server) in HTTP/1.1, as RFC 9113 §3.1 lets a server
 * do. Payara offers no HTTP/2 under port unification, and Grizzly, left with an upgrade nobody
 * takes, reads its body as a stream without end ({@code ignoreContentModifiers}): the container
 * reads the body and then waits for more until the read times out (a 500 after 30 s), with or
 * without port unification. So this filter takes the upgrade off the
 * request, collects its body up to its {@code Content-Length} (at most {@link #MAX_BODY} bytes;
 * a larger one is refused with 400) and hands it on complete; the answer closes the connection,
 * which Grizzly still takes for one being upgraded. Until then the rest of the guard takes it for a plain request
 * whose body is coming ({@link WholeBodyFilter}): what it holds counts against its address, and its pace is watched.
 * <p>
 * And the answer to a request to upgrade that the application does not take (anything but {@code 101}: a WebSocket
 * handshake refused for its origin or its credential, or to an address with no WebSocket) gets the headers of any other
 * answer: its {@code Content-Type}, its length (or chunks), its {@code Date} and {@code Connection: close}, since
 * Grizzly closes the connection after it. Grizzly, which writes an upgrade's answer as the start of a stream, left them
 * all out, so a client got the refusal's words without their type, its body ended only by the connection's close.
 */
public final class CleartextUpgradeFilter extends BaseFilter {

    static final int MAX_BODY = 1024 * 1024;
    static final String TOO_LARGE = "a request to upgrade to HTTP/2 carries at most 1 MiB; send it in HTTP/1.1";

    private static final Attribute<Buffer> COLLECTED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(CleartextUpgradeFilter.class.getName() + ".collected");

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        Buffer collected = COLLECTED.get(ctx.getConnection());
        if (collected == null) {
            if (!servedInHttp11(request)) {
                return ctx.getInvokeAction();
            }
            request.getUpgradeDC().recycle();
            request.getHeaders().removeHeader(Header.Upgrade);
            request.getHeaders().removeHeader("HTTP2-Settings");
            // the codec still reads this connection as one being upgraded: the next request comes on a new one
            request.getProcessingState().setKeepAlive(false);
            collected = Buffers.EMPTY_BUFFER;
        }
        Buffer all = Buffers.appendBuffers(ctx.getMemoryManager(), collected, content.getContent());
        long length = Math.max(0, request.getContentLength());
        if (length > MAX_BODY) {
            COLLECTED.remove(ctx.getConnection());
            String path = request.getRequestURIRef().getOriginalRequestURIBC().toString(StandardCharsets.ISO_8859_1);
            return RequestTargetFilter.refuse(ctx, request, Refusal.of(path, TOO_LARGE));
        }
        if (all.remaining() < length) {
            COLLECTED.set(ctx.getConnection(), all);
            gathering(ctx, Math.max(1, all.remaining()));
            return ctx.getStopAction();
        }
        COLLECTED.remove(ctx.getConnection());
        gathering(ctx, 0);
        // what the codec would have said of a plain request it had finished parsing: nothing more to read, and
        // the answer gets its usual headers (Content-Type, Connection), which the codec leaves out for an upgrade
        request.setExpectContent(false);
        request.setIgnoreContentModifiers(false);
        ctx.setMessage(HttpContent.builder(request).content(all).last(true).build());
        return ctx.getInvokeAction();
    }

    /**
     * Gives the answer to an upgrade not taken the headers of a plain answer, before the codec writes its head: the
     * request is no longer one whose content modifiers (length, chunks, type) the codec leaves out.
     */
    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpPacket packet && packet.getHttpHeader() instanceof HttpResponsePacket response
                && !response.isCommitted() && response.getStatus() != 101) {
            HttpRequestPacket request = response.getRequest();
            if (request != null && request.isUpgrade() && request.isIgnoreContentModifiers()) {
                request.setIgnoreContentModifiers(false);
                response.getProcessingState().setKeepAlive(false);
            }
        }
        return ctx.getInvokeAction();
    }

    /** Tells the connection's watch how much of a body is held for it: what counts against its address, and its pace. */
    private static void gathering(FilterChainContext ctx, long bytes) {
        ConnectionWatch.Watch watch = ConnectionWatch.watch(ctx.getConnection());
        if (watch != null) {
            watch.gathering(bytes);
        }
    }

    /**
     * Whether {@code request} (its head) asks for an upgrade this filter serves in HTTP/1.1 instead: it is a plain
     * request then, not an upgrade, to the rest of the guard.
     */
    static boolean servedInHttp11(HttpRequestPacket request) {
        return request.isUpgrade() && request.getUpgradeDC().equalsIgnoreCase("h2c") && !request.isChunked();
    }
}
