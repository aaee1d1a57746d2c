package org.parley.httpguard.boundary;

import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Method;
import org.parley.httpguard.control.Refusal;

/**
 * Answers at once the requests whose body has no end for Grizzly's HTTP codec: {@code CONNECT} (what a client asks of a
 * proxy to open a tunnel) and {@code PRI} (the start of HTTP/2 spoken in clear text without an upgrade). The codec
 * expects a body of them with neither a length nor chunks, so it hands nothing on until bytes of that body come, and
 * then nothing ends it: such a request reached neither the guard's filters nor the container, and its client waited,
 * unanswered, until the guard closed the connection as too slow ({@link ConnectionWatch#sweepSilent}, 30–60 s). So the
 * codec's own probe, told of each request head as soon as it is read, answers those two ({@code 405}, Parley is no
 * proxy; {@code 505}, Parley speaks HTTP/1.1 on this port), and the connection closes once the answer is written;
 * whatever the client sends after the head is read and dropped.
 */
final class EndlessRequestProbe extends HttpProbe.Adapter {

    private static final Logger LOG = Logger.getLogger(EndlessRequestProbe.class.getName());

    @Override
    public void onHeaderParseEvent(Connection connection, HttpHeader header, int size) {
        if (!(header instanceof HttpRequestPacket request)) {
            return;
        }
        Refusal refusal;
        if (request.getMethod() == Method.CONNECT) {
            refusal = Refusal.notAProxy();
        } else if (request.getMethod() == Method.PRI) {
            refusal = Refusal.noHttp2InClearText("");
        } else {
            return;
        }
        request.setSkipRemainder(true);
        if (RequestTargetFilter.refuse(connection, refusal)) {
            LOG.fine(() -> "Answered " + refusal.status() + " to a " + request.getMethod() + " request from "
                    + connection.getPeerAddress());
        }
    }
}
