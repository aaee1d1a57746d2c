package org.parley.httpguard.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.memory.Buffers;
import org.parley.httpguard.control.Refusal;

/**
 * Hands a request with a body to the web container only once the whole body has come. The container reads a body with
 * the thread that serves the request, and that thread waits for each byte: twenty peers sending a form a byte every
 * few seconds held all sixteen threads, and no page was served to anyone for as long as they went on. Here the body's
 * parts are kept together in front of the container (Grizzly appends each part to what came before) and handed on in
 * one piece with its last part, so no thread waits for a slow peer. A body may hold at most {@link #MOST} bytes, the
 * most the container takes (a members import); a larger one is answered {@code 413} before it is read, and what an
 * address's unfinished bodies hold counts, with the answers waiting for it, against {@link
 * ConnectionWatch#WAITING_PER_ADDRESS}. A peer that asks to be told to go on ({@code Expect: 100-continue}) is told so
 * here (and may be told again by the container: a client reads any number of such interim answers). Upgrades pass as
 * they are ({@link CleartextUpgradeFilter} gathers the body of an upgrade to HTTP/2 itself).
 */
public final class WholeBodyFilter extends BaseFilter {

    /** The most bytes a request body may hold: the container's own limit for the members import (multipart, 5 MiB). */
    static final int MOST = 5 * 1024 * 1024;
    private static final byte[] GO_ON = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request) || request.isUpgrade()
                || request.isIgnoreContentModifiers()) {
            return ctx.getInvokeAction();
        }
        if (RequestTargetFilter.REFUSED.isSet(ctx.getConnection())) {
            return ctx.getStopAction(); // the rest of a refused body
        }
        ConnectionWatch.Watch watch = ConnectionWatch.watch(ctx.getConnection());
        if (watch == null) {
            return ctx.getInvokeAction();
        }
        if (content.isLast()) {
            watch.gathering(0);
            return ctx.getInvokeAction();
        }
        long held = content.getContent() == null ? 0 : content.getContent().remaining();
        if (request.getContentLength() > MOST || held > MOST) {
            watch.gathering(0);
            request.setExpectContent(false); // the rest is not read: the connection closes after the answer
            return RequestTargetFilter.refuse(ctx, request,
                    Refusal.tooLarge(HeadText.of(request.getRequestURIRef().getOriginalRequestURIBC()), MOST));
        }
        if (watch.gathering() == 0 && request.requiresAcknowledgement()) {
            ctx.write(Buffers.wrap(ctx.getMemoryManager(), GO_ON));
        }
        watch.gathering(Math.max(1, held));
        return ctx.getStopAction(content);
    }
}
