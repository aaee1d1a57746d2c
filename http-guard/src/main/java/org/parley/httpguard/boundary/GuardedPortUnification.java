package org.parley.httpguard.boundary;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.portunif.PUFilter;
import org.glassfish.grizzly.portunif.PUProtocol;
import org.parley.httpguard.control.Notices;
import org.parley.httpguard.control.Refusal;

/**
 * Port unification as Payara configures it ({@code port-unification classname=…} on a protocol
 * whose finder leads to the real HTTP protocol), with one difference: before the web container's
 * handler in each protocol's filter chain it puts the guard's filters ({@link ConnectionWatchFilter},
 * {@link CleartextUpgradeFilter}, {@link WholeBodyFilter}, {@link RequestTargetFilter}, then
 * {@link DirectAnswerFilter}) and, right after the chain's back channel, {@link LastFrameFilter}, it has the HTTP
 * codec answer the requests it would hold for ever ({@link EndlessRequestProbe}), it puts each new connection under
 * the watch of {@link ConnectionWatch} from its accept on, it tells HTTP from the rest with its own finder ({@link
 * RequestLineFinder}) and answers the rest {@code 400} where Grizzly closed them without a word. This is how a
 * filter gets into Payara's HTTP listener by configuration alone; see
 * {@code resources/src/main/payara/http-guard.asadmin}.
 */
public class GuardedPortUnification extends PUFilter {

    /** The finder Payara's configuration names for HTTP ({@code create-protocol-finder --classname}). */
    private static final String PAYARAS_HTTP_FINDER = "org.glassfish.grizzly.config.portunif.HttpProtocolFinder";

    private static final Logger LOG = Logger.getLogger(GuardedPortUnification.class.getName());
    /** An address refused for its open connections is named in the log at most once a minute, with how many. */
    private static final Notices TOO_MANY = new Notices(TimeUnit.MINUTES.toNanos(1), 10_000);
    /** Connections refused while the server had as many open as it takes are told at most once a minute, with how many. */
    private static final Notices FULL = new Notices(TimeUnit.MINUTES.toNanos(1), 1);

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
                CodecLog.quieten();
            }
        }
        if (handler >= 0) {
            chain.add(handler, new DirectAnswerFilter());
            DirectAnswers.placedInFront();
            chain.add(handler, new RequestTargetFilter());
            chain.add(handler, new WholeBodyFilter());
            chain.add(handler, new CleartextUpgradeFilter());
            chain.add(handler, new ConnectionWatchFilter());
            if (chain.get(0) == getBackChannelFilter()) {
                chain.add(1, new LastFrameFilter(chain.get(0)));
            } else {
                LOG.warning("Parley's HTTP guard found no back channel first in a port-unification protocol: a frame the"
                        + " application writes as the guard closes a WebSocket may follow the close frame there");
            }
            LOG.info("Parley's HTTP guard answers 400 to request paths Payara cannot decode, to what is no HTTP/1.1 request"
                    + ", to WebSocket handshakes that break RFC 6455, to forms of more than 10,000 fields and to bodies whose end"
                    + " cannot be told, 413 to forms of more than 2 MiB, 501 to methods Parley implements nowhere, 405 to a POST to the server's own endpoints"
                    + " (and what they take to an OPTIONS there), 404 to a GET below them at none of their addresses, 501 and"
                    + " 415 to bodies in a transfer or content coding it does not decode, 417 to an expectation but"
                    + " 100-continue, answers what the application has ready (the Presence API) in front of the web container,"
                    + " reads no more requests from a peer that leaves its answers waiting (and bounds what waits for one"
                    + " address and how many connections it holds open), hands a request on once its whole body has come,"
                    + " closes WebSockets that flood pings or send unmasked, too large or malformed frames, gives the answer to a"
                    + " WebSocket handshake the application refuses the headers of any other answer, and lets the application end"
                    + " connections whose peer stopped reading or that do not send a whole request in time");
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

    /**
     * Puts each new connection under the watch of {@link ConnectionWatch} from its accept on, before it sends anything;
     * one from an address that already holds as many open connections as it may, or that comes while the server has as
     * many as it takes ({@link ConnectionWatch#limitConnections}), is answered at once ({@code 429}, {@code 503}) and
     * closed, so that it holds none of the server's files; the log names each such address at most once a minute, and
     * says at most once a minute that the server was full.
     */
    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        ConnectionWatch.Watch watch = ConnectionWatch.watch(ctx.getConnection());
        if (watch == null || !watch.overItsAddressesLimit() && !watch.overTheServersLimit()) {
            return super.handleAccept(ctx);
        }
        watch.drain();
        String host = watch.host();
        if (watch.overItsAddressesLimit()) {
            int most = ConnectionWatch.connectionsPerAddress();
            answerThenClose(ctx.getConnection(), Refusal.tooManyConnections(most).wholeAnswer());
            long refused = TOO_MANY.occurred(host, System.nanoTime());
            if (refused > 0) {
                LOG.info(() -> "Refused " + connections(refused) + " from " + host + " (429): it already had "
                        + String.format(Locale.ROOT, "%,d", most) + " connections open, as many as one address may (a"
                        + " program opening connections in a loop, or a reverse proxy that is not among the trusted ones);"
                        + " each further one is answered and closed at once until some of them close");
            }
        } else {
            int most = ConnectionWatch.connectionsInAll();
            answerThenClose(ctx.getConnection(), Refusal.serverFull(most).wholeAnswer());
            long refused = FULL.occurred("", System.nanoTime());
            if (refused > 0) {
                LOG.warning(() -> "Refused " + connections(refused) + " (503; the last from " + host + "): "
                        + String.format(Locale.ROOT, "%,d", most) + " connections were open, as many as the server"
                        + " takes while keeping files for its database, logs and libraries; raise the process's open-files"
                        + " limit (ulimit -n, LimitNOFILE) to take more, or find who holds them");
            }
        }
        return ctx.getStopAction();
    }

    private static String connections(long count) {
        return count == 1 ? "1 connection" : count + " connections";
    }

    /**
     * Writes {@code answer} and closes the connection once it is written: a graceful close of a connection that has sent
     * nothing waits for the port unification to pick its protocol, which never comes.
     */
    @SuppressWarnings({"rawtypes", "unchecked"}) // Grizzly's write is typed by the connection's address type
    private static void answerThenClose(Connection connection, byte[] answer) {
        connection.write(Buffers.wrap(connection.getMemoryManager(), answer), new EmptyCompletionHandler() {
            @Override
            public void completed(Object written) {
                connection.terminateSilently();
            }

            @Override
            public void failed(Throwable gone) {
                connection.terminateSilently();
            }
        });
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
