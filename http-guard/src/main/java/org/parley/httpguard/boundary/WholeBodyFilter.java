package org.parley.httpguard.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.util.DataChunk;
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
 * <p>
 * A form ({@code application/x-www-form-urlencoded}) with more fields than the container reads ({@link #MOST_FIELDS},
 * with those of the query) is answered {@code 400} once it has come: the container read the first fields, dropped the
 * rest without a word to the sender, and logged a WARNING (GRIZZLY0173) for each such request, from anyone. A form of
 * more than {@link #MOST_FORM} bytes is answered {@code 413}: the container reads no larger one
 * ({@code max-post-size-bytes}), and a page asking for its fields then failed with a server error, for anyone.
 */
public final class WholeBodyFilter extends BaseFilter {

    /** The most bytes a request body may hold: the container's own limit for the members import (multipart, 5 MiB). */
    static final int MOST = 5 * 1024 * 1024;
    /** The most fields a form may hold, with those of its query: the container's own limit (it reads no more). */
    static final int MOST_FIELDS = 10_000;
    /** The most bytes a form's body may hold: the container's own limit for a form it reads (2 MiB). */
    static final int MOST_FORM = 2 * 1024 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";
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
            if (request.getMethod() == Method.POST && isForm(request)) {
                if (content.getContent() != null && content.getContent().remaining() > MOST_FORM) {
                    return RequestTargetFilter.refuse(ctx, request,
                            Refusal.tooLarge(HeadText.of(request.getRequestURIRef().getOriginalRequestURIBC()), MOST_FORM));
                }
                if (fields(request.getQueryStringDC()) + fields(content.getContent()) > MOST_FIELDS) {
                    return RequestTargetFilter.refuse(ctx, request,
                            Refusal.tooManyFields(HeadText.of(request.getRequestURIRef().getOriginalRequestURIBC()), MOST_FIELDS));
                }
            }
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

    private static boolean isForm(HttpRequestPacket request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, FORM, 0, FORM.length())
                && (type.length() == FORM.length() || type.charAt(FORM.length()) == ';' || type.charAt(FORM.length()) == ' ');
    }

    /** The fields of a query or a form body: the parts between {@code &}s that are not empty. */
    private static int fields(DataChunk query) {
        if (query == null || query.isNull()) {
            return 0;
        }
        String text = query.toString();
        return fields(0, text.length(), i -> text.charAt(i) == '&');
    }

    private static int fields(Buffer body) {
        return body == null ? 0 : fields(body.position(), body.limit(), i -> body.get(i) == '&');
    }

    private static int fields(int from, int to, IntPredicate ampersandAt) {
        int fields = 0;
        int length = 0;
        for (int i = from; i < to; i++) {
            if (ampersandAt.test(i)) {
                fields += length > 0 ? 1 : 0;
                length = 0;
            } else {
                length++;
            }
        }
        return fields + (length > 0 ? 1 : 0);
    }
}
