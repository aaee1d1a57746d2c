package org.parley.httpguard.boundary;

import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.parley.httpguard.control.Refusal;

/**
 * Answers in words a request the HTTP codec cannot read, before the codec answers it with a bare {@code 400} (no body,
 * nothing to tell a person why): a head larger than the codec reads ({@code 431}: a browser holding many or large cookies
 * for the intranet's domain got a blank page), more header fields than it reads ({@code 431}; it said the head could not
 * be read), a head that is no HTTP/1.1 ({@code 400}), a body whose chunks cannot be
 * read ({@code 400}). The codec tells its probes of the error just before it answers; the answer here is written first
 * and the connection closed, so the codec's own goes nowhere. An answer already under way is left to the codec.
 */
final class UnreadableRequestProbe extends HttpProbe.Adapter {

    private static final Logger LOG = Logger.getLogger(UnreadableRequestProbe.class.getName());
    /** Whether the codec stopped at a request's header field past the most it reads (the request's own limit). */
    private static boolean tooManyHeaders(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MimeHeaders.MaxHeaderCountExceededException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onErrorEvent(Connection connection, HttpPacket packet, Throwable error) {
        if (!(packet instanceof HttpRequestPacket request) || request.getResponse().isCommitted()) {
            return; // an error on the way out, or an answer the peer already has part of
        }
        String path = Objects.requireNonNullElse(HeadText.of(request.getRequestURIRef().getOriginalRequestURIBC()), "");
        Refusal refusal;
        if (packet instanceof HttpPacketParsing parsing && parsing.isHeaderParsed()) {
            refusal = Refusal.unreadableBody(path);
        } else if (tooManyHeaders(error)) {
            refusal = Refusal.tooManyHeaders(path, request.getHeaders().getMaxNumHeaders());
        } else if (String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("too large")) {
            refusal = Refusal.headTooLarge(path);
        } else {
            refusal = Refusal.unreadableHead(path);
        }
        if (RequestTargetFilter.refuse(connection, refusal)) {
            LOG.fine(() -> "Answered " + refusal.status() + " to a request from " + connection.getPeerAddress()
                    + " that the HTTP codec could not read: " + error);
        }
    }
}
