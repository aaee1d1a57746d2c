package org.parley.httpguard.boundary;

import java.io.IOException;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.portunif.PUFilter;
import org.glassfish.grizzly.portunif.PUProtocol;
import org.parley.httpguard.control.Refusal;

/**
 * Port unification as Payara configures it ({@code port-unification classname=…} on a protocol
 * whose finder leads to the real HTTP protocol), with one difference: before the web container's
 * handler in each protocol's filter chain it puts the guard's filters ({@link ConnectionWatchFilter},
 * {@link CleartextUpgradeFilter}, {@link WholeBodyFilter}, {@link RequestTargetFilter}, then
 * {@link DirectAnswerFilter}), it has the HTTP codec answer the requests it would hold for ever
 * ({@link EndlessRequestProbe}), it puts each new connection under the watch of {@link ConnectionWatch}
 * from its accept on, it tells HTTP from the rest with its own finder ({@link RequestLineFinder}) and answers the rest
 * {@code 400} where Grizzly closed them without a word. This is how a
 * filter gets into Payara's HTTP listener by configuration alone; see
 * {@code resources/src/main/payara/http-guard.asadmin}.
 */
public class GuardedPortUnification extends PUFilter {

    /** The finder Payara's configuration names for HTTP ({@code create-protocol-finder --classname}). */
    private static final String PAYARAS_HTTP_FINDER = "org.glassfish.grizzly.config.portunif.HttpProtocolFinder";

    private static final Logger LOG = Logger.getLogger(GuardedPortUnification.class.getName());

    /** What Payara makes of the configuration's {@code classname}: a port unification that closes nothing unanswered. */
    public GuardedPortUnification() {
        super(false);
    }
    /** The web container's entry: Grizzly's HTTP server filter, which hands requests to Payara's mapper. */
    private static final String HANDLER = "org.glassfish.grizzly.http.server.HttpServerFilter";

    @Override
    public void register(PUProtocol protocol) {
        FilterChain chain = protocol.getFilterChain();
        int handler = -1;
        for (int i = 0; i < chain.size() && handler < 0; i++) {
            if (isHandler(chain.get(i))) {
                handler = i;
            } else if (chain.get(i) instanceof HttpCodecFilter codec) {
                codec.getMonitoringConfig().addProbes(new EndlessRequestProbe(), new UnreadableRequestProbe());
            }
        }
        if (handler >= 0) {
            chain.add(handler, new DirectAnswerFilter());
            DirectAnswers.placedInFront();
            chain.add(handler, new RequestTargetFilter());
            chain.add(handler, new WholeBodyFilter());
            chain.add(handler, new CleartextUpgradeFilter());
            chain.add(handler, new ConnectionWatchFilter());
            LOG.info("Parley's HTTP guard answers 400 to request paths Payara cannot decode, to what is no HTTP/1.1 request"
                    + ", to WebSocket handshakes that break RFC 6455 and to forms of more than 10,000 fields, 405 to methods"
                    + " Parley serves nowhere, answers what the"
                    + " application has ready (the Presence API) in front of the web container, reads no more requests from"
                    + " a peer that leaves its answers waiting (and bounds what waits for one address), hands a request on"
                    + " once its whole body has come, closes WebSockets that flood pings or send unmasked or too large frames, and lets"
                    + " the application end connections whose peer stopped reading or that do not send a whole request in"
                    + " time");
        } else {
            LOG.warning("Parley's HTTP guard found no HTTP server in a port-unification protocol: it guards nothing there");
        }
        super.register(PAYARAS_HTTP_FINDER.equals(protocol.getProtocolFinder().getClass().getName())
                ? new PUProtocol(new RequestLineFinder(), protocol.getFilterChain()) : protocol);
    }

    /**
     * Hands what came on to the protocol whose finder takes it; what none takes (no HTTP request line: another protocol,
     * TLS on the plain port, a method in small letters, HTTP/0.9, a line longer than the codec takes) is answered
     * {@code 400} and the connection closed once that is written. Grizzly closed such a connection without a word.
     */
    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        NextAction next = super.handleRead(ctx);
        if (next.type() != ctx.getInvokeAction().type()) {
            return next;
        }
        // handed on only when no protocol takes what came: answered once, and whatever follows it is dropped
        Connection<?> connection = ctx.getConnection();
        if (RequestTargetFilter.refuse(connection, Refusal.noRequestLine(RequestLineFinder.MOST_BYTES))) {
            LOG.fine(() -> "Answered 400 to what " + connection.getPeerAddress() + " sent: no HTTP request line");
        }
        return ctx.getStopAction();
    }

    /** Puts each new connection under the watch of {@link ConnectionWatch} from its accept on, before it sends anything. */
    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        ConnectionWatch.watch(ctx.getConnection());
        return super.handleAccept(ctx);
    }

    private static boolean isHandler(Filter filter) {
        for (Class<?> type = filter.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(HANDLER)) {
                return true;
            }
        }
        return false;
    }
}
