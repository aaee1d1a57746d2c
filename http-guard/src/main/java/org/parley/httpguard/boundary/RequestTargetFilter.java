package org.parley.httpguard.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.BufferChunk;
import org.glassfish.grizzly.http.util.ByteChunk;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.parley.httpguard.control.Refusal;
import org.parley.httpguard.control.RequestTargets;
import org.parley.httpguard.control.WebSocketHandshakes;

/**
 * Sits between Grizzly's HTTP codec and Payara's web container and answers {@code 400} itself to
 * a request whose path {@link RequestTargets} refuses, so the container never tries to decode it
 * (Payara's {@code CoyoteAdapter} maps only a {@code CharConversionException} from Grizzly's
 * decoder to 400; the {@code IllegalArgumentException} a bad escape raises ends in an empty 200
 * and a SEVERE line), or whose {@code Host} or a header's name it refuses; {@code 505} to one that says it is HTTP/2.0
 * (the codec served it as HTTP/1.1); {@code 405} to a {@code POST} to the application server's own
 * endpoints (or any method they do not take), {@code 400} to a body whose end cannot be told, {@code 501} to one in
 * a transfer coding Parley does not decode and {@code 415} to one in a content coding ({@link RequestTargets}); and
 * {@code 400} or {@code 426} to a WebSocket handshake that
 * breaks {@link WebSocketHandshakes}' rules (Tyrus answers some of them {@code 500}). The connection is closed after the
 * answer, and nothing it sent after the refused request's head is read. Every other request passes untouched.
 */
public final class RequestTargetFilter extends BaseFilter {

    private static final byte[] HOST = "host".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] AUTHORIZATION = "authorization".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CONNECTION = "connection".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] KEY = "sec-websocket-key".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] VERSION = "sec-websocket-version".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ORIGIN = "origin".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CONTENT_ENCODING = "content-encoding".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] EXPECT = "expect".getBytes(StandardCharsets.ISO_8859_1);
    private static final String WEBSOCKET = "websocket";

    private static final Logger LOG = Logger.getLogger(RequestTargetFilter.class.getName());
    /** On a connection that had a request refused: it is closing, and nothing more it sent is read. */
    static final Attribute<Boolean> REFUSED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(RequestTargetFilter.class.getName() + ".refused");

    /**
     * On a request whose head has been checked: what else comes with it (the rest of a body, every frame a WebSocket's
     * peer sends, which the codec hands on with the upgrade's head) is not checked again. Grizzly clears it when it
     * recycles the request.
     */
    private static final Attribute<Boolean> CHECKED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(RequestTargetFilter.class.getName() + ".checked");

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (REFUSED.isSet(ctx.getConnection())) {
            return ctx.getStopAction(); // the rest of a refused request's body, or requests pipelined after it
        }
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)
                || CHECKED.isSet(request)) {
            return ctx.getInvokeAction();
        }
        CHECKED.set(request, Boolean.TRUE);
        String rawPath = HeadText.of(request.getRequestURIRef().getOriginalRequestURIBC());
        Refusal refusal = refusal(request, rawPath);
        if (refusal == null) {
            return ctx.getInvokeAction();
        }
        LOG.fine(() -> "Answered " + refusal.status() + " to a request from " + request.getRemoteAddress() + ": "
                + refusal.body());
        return refuse(ctx, request, refusal);
    }

    /** What the guard answers {@code request} in place of the container, or null when the container may have it. */
    private static Refusal refusal(HttpRequestPacket request, String rawPath) {
        if (request.getProtocol() == Protocol.HTTP_2_0) {
            return Refusal.noHttp2InClearText(rawPath); // the codec served "HTTP/2.0" in a request line as HTTP/1.1
        }
        Optional<String> problem = RequestTargets.problem(rawPath).or(() -> headerProblem(request))
                .or(() -> rawHeadProblem(request));
        if (problem.isPresent()) {
            return Refusal.of(rawPath, problem.get());
        }
        Method method = request.getMethod();
        boolean reading = method == Method.GET || method == Method.HEAD;
        if (!reading && method != Method.OPTIONS && method != Method.POST) {
            // the container answered PATCH 501, PUT, DELETE and TRACE its HTML page or a 405 naming PUT and DELETE, and a
            // method it does not know not at all
            return Refusal.notImplemented(rawPath, method.getMethodString());
        }
        if (reading) {
            // Payara's whole health report at any other address below /health, Jersey's WADL below /openapi
            Optional<String> where = RequestTargets.misnamedServerAddress(rawPath);
            if (where.isPresent()) {
                return Refusal.notFound(rawPath, where.get());
            }
        }
        if (!reading && RequestTargets.serverEndpoint(rawPath)) {
            return method == Method.OPTIONS ? Refusal.readingOptions() : Refusal.onlyRead(rawPath);
        }
        Optional<Refusal> coding = codingRefusal(request, rawPath);
        return coding.isPresent() ? coding.get() : handshakeRefusal(request, rawPath).orElse(null);
    }

    /**
     * The answer to a request whose body comes in a transfer coding Parley does not decode, or framed so that its end
     * cannot be told, or in a content coding, or that expects anything but {@code 100-continue}; empty for any other. One
     * pass over the headers, none of it allocated for a request without such headers.
     */
    private static Optional<Refusal> codingRefusal(HttpRequestPacket request, String rawPath) {
        List<String> transfer = List.of();
        List<String> content = List.of();
        List<String> expected = List.of();
        MimeHeaders headers = request.getHeaders();
        for (int i = 0; i < headers.size(); i++) {
            DataChunk name = headers.getName(i);
            if (name.equalsIgnoreCase(TRANSFER_ENCODING)) {
                transfer = with(transfer, headers.getValue(i));
            } else if (name.equalsIgnoreCase(CONTENT_ENCODING)) {
                content = with(content, headers.getValue(i));
            } else if (name.equalsIgnoreCase(EXPECT)) {
                expected = with(expected, headers.getValue(i));
            }
        }
        if (RequestTargets.unmetExpectation(expected)) {
            // the container answered 417 without a word for a page, and the Presence API took the request as it came
            return Optional.of(Refusal.expectationFailed(rawPath));
        }
        RequestTargets.Framing framing = RequestTargets.transferCodings(transfer, http11(request));
        if (framing == RequestTargets.Framing.UNREADABLE) {
            return Optional.of(Refusal.of(rawPath, RequestTargets.UNFRAMED_BODY));
        }
        if (framing == RequestTargets.Framing.NOT_DECODED) {
            return Optional.of(Refusal.unknownTransferCoding(rawPath));
        }
        if (!transfer.isEmpty() && !request.isChunked()) {
            // chunked to the guard, not to the codec: a value folded onto the next line (obs-fold), which the codec
            // joins with spaces but reads as no coding at all, so it took the body for the next request
            return Optional.of(Refusal.of(rawPath, RequestTargets.CHUNKED_UNREAD));
        }
        boolean body = request.getContentLength() > 0 || request.isChunked() || !transfer.isEmpty();
        return body && RequestTargets.contentCoding(content) ? Optional.of(Refusal.contentCoding(rawPath)) : Optional.empty();
    }

    private static boolean http11(HttpRequestPacket request) {
        return request.getProtocol() != Protocol.HTTP_0_9 && request.getProtocol() != Protocol.HTTP_1_0;
    }

    /** {@code values} with {@code value}'s text added, made a list of its own at the first. */
    private static List<String> with(List<String> values, DataChunk value) {
        List<String> more = values.isEmpty() ? new ArrayList<>(1) : values;
        more.add(Objects.requireNonNullElse(HeadText.of(value), ""));
        return more;
    }

    /** The answer to a request for a WebSocket that breaks {@link WebSocketHandshakes}' rules, or empty. */
    private static Optional<Refusal> handshakeRefusal(HttpRequestPacket request, String rawPath) {
        if (!request.isUpgrade()) {
            return Optional.empty();
        }
        if (!request.getUpgradeDC().equalsIgnoreCase(WEBSOCKET)) {
            return WebSocketHandshakes.namesWebSocketAmongOthers(Objects.requireNonNullElse(HeadText.of(request.getUpgradeDC()), ""))
                    ? Optional.of(Refusal.of(rawPath, WebSocketHandshakes.UPGRADE_LIST)) : Optional.empty();
        }
        List<String> connections = new ArrayList<>(1);
        List<String> keys = new ArrayList<>(1);
        List<String> versions = new ArrayList<>(1);
        int origins = 0;
        boolean expects = false;
        MimeHeaders headers = request.getHeaders();
        for (int i = 0; i < headers.size(); i++) {
            DataChunk name = headers.getName(i);
            if (name.equalsIgnoreCase(CONNECTION)) {
                connections.add(Objects.requireNonNullElse(HeadText.of(headers.getValue(i)), ""));
            } else if (name.equalsIgnoreCase(KEY)) {
                keys.add(Objects.requireNonNullElse(HeadText.of(headers.getValue(i)), ""));
            } else if (name.equalsIgnoreCase(VERSION)) {
                versions.add(Objects.requireNonNullElse(HeadText.of(headers.getValue(i)), ""));
            } else if (name.equalsIgnoreCase(ORIGIN)) {
                origins++;
            } else if (name.equalsIgnoreCase(EXPECT)) {
                expects = true;
            }
        }
        if (expects) {
            // the container answered 100 Continue, then a 101 with Connection: close, which a client must fail (RFC 6455 §4.1)
            return Optional.of(Refusal.of(rawPath, WebSocketHandshakes.EXPECTS));
        }
        return WebSocketHandshakes.problem(request.getMethod() == Method.GET, http11(request), connections, keys, origins)
                .map(problem -> Refusal.of(rawPath, problem))
                .or(() -> WebSocketHandshakes.versionKept(versions)
                        ? Optional.empty() : Optional.of(Refusal.wrongWebSocketVersion(rawPath)));
    }


    /**
     * What the codec hid of the request's head as it came ({@link RequestTargets#rawHeadProblem}), read from the bytes
     * that the parsed request line still points into: the read buffer holds the whole head, and the codec keeps its
     * parts as positions in it.
     */
    private static Optional<String> rawHeadProblem(HttpRequestPacket request) {
        DataChunk method = request.getMethodDC();
        if (method == null || method.isNull()) {
            return Optional.empty();
        }
        switch (method.getType()) {
            case Bytes -> {
                ByteChunk chunk = method.getByteChunk();
                byte[] bytes = chunk.getBuffer();
                return RequestTargets.rawHeadProblem(i -> bytes[i], chunk.getStart(), bytes.length);
            }
            case Buffer -> {
                BufferChunk chunk = method.getBufferChunk();
                org.glassfish.grizzly.Buffer buffer = chunk.getBuffer();
                return RequestTargets.rawHeadProblem(buffer::get, chunk.getStart(), buffer.limit());
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * What is wrong with the request's headers: a name that is no token ({@link RequestTargets#HEADER_NAME}), more than
     * one {@code Host}, or one that is no host (none may be missing), more than one {@code Authorization} (which of two
     * credentials a reader takes is up to each reader, and a proxy in front may have checked the other).
     */
    private static Optional<String> headerProblem(HttpRequestPacket request) {
        MimeHeaders headers = request.getHeaders();
        DataChunk host = null;
        boolean authorization = false;
        for (int i = 0; i < headers.size(); i++) {
            if (!HeadText.isToken(headers.getName(i))) {
                return Optional.of(RequestTargets.HEADER_NAME);
            }
            if (headers.getName(i).equalsIgnoreCase(HOST)) {
                if (host != null) {
                    return Optional.of(RequestTargets.HOSTS);
                }
                host = headers.getValue(i);
            } else if (headers.getName(i).equalsIgnoreCase(AUTHORIZATION)) {
                if (authorization) {
                    return Optional.of(RequestTargets.AUTHORIZATIONS);
                }
                authorization = true;
            }
        }
        return host == null ? Optional.empty() : RequestTargets.hostProblem(Objects.requireNonNullElse(HeadText.of(host), ""));
    }

    /**
     * Answers a connection that has no request context to answer in (a head not yet whole, one the codec holds, or bytes
     * that are no request) with {@code refusal} written whole, through the connection's filter chain behind anything
     * still queued for its peer, and closes it once that is written; nothing it sends afterwards is read. A connection
     * refused before gets no second answer and is only closed. Says whether this call answered.
     */
    static boolean refuse(Connection<?> connection, Refusal refusal) {
        boolean first = !REFUSED.isSet(connection);
        if (first) {
            REFUSED.set(connection, Boolean.TRUE);
            connection.write(Buffers.wrap(connection.getMemoryManager(), refusal.wholeAnswer()), null);
        }
        connection.closeSilently();
        return first;
    }

    /**
     * Answers {@code request} with {@code refusal} (its status) and closes the connection once it is
     * written (Grizzly first skips what is left of a body of known length, so the client is not
     * cut off while it still sends); nothing the connection sends afterwards reaches the container.
     */
    static NextAction refuse(FilterChainContext ctx, HttpRequestPacket request, Refusal refusal) {
        REFUSED.set(ctx.getConnection(), Boolean.TRUE);
        if (request.isIgnoreContentModifiers()) {
            // an upgrade's body has no end for Grizzly: read none of it, close after the answer, and give the
            // answer its usual headers (Content-Type, Connection), which the codec leaves out for an upgrade
            request.setExpectContent(false);
            request.setIgnoreContentModifiers(false);
        }
        HttpResponsePacket response = request.getResponse();
        response.setStatus(refusal.status());
        response.setReasonPhrase(refusal.reasonPhrase());
        response.setContentType(refusal.contentType());
        refusal.headers().forEach(response::setHeader);
        byte[] body = refusal.bytes();
        response.setContentLength(body.length);
        response.getProcessingState().setKeepAlive(false);
        ctx.write(HttpContent.builder(response)
                .content(Buffers.wrap(ctx.getMemoryManager(), body))
                .last(true)
                .build());
        ctx.notifyDownstream(HttpServerFilter.RESPONSE_COMPLETE_EVENT);
        return ctx.getStopAction();
    }
}
