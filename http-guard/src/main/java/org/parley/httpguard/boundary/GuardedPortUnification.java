package org.parley.httpguard.boundary;

import java.io.IOException;
import java.util.logging.Logger;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.portunif.PUFilter;
import org.glassfish.grizzly.portunif.PUProtocol;

/**
 * Port unification as Payara configures it ({@code port-unification classname=…} on a protocol
 * whose finder leads to the real HTTP protocol), with one difference: before the web container's
 * handler in each protocol's filter chain it puts the guard's filters ({@link ConnectionWatchFilter},
 * {@link CleartextUpgradeFilter}, {@link WholeBodyFilter}, {@link RequestTargetFilter}, then
 * {@link DirectAnswerFilter}), it has the HTTP codec answer the requests it would hold for ever
 * ({@link EndlessRequestProbe}), and it puts each new connection under the watch of {@link ConnectionWatch}
 * from its accept on. This is how a
 * filter gets into Payara's HTTP listener by configuration alone; see
 * {@code resources/src/main/payara/http-guard.asadmin}.
 */
public class GuardedPortUnification extends PUFilter {

    private static final Logger LOG = Logger.getLogger(GuardedPortUnification.class.getName());
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
                codec.getMonitoringConfig().addProbes(new EndlessRequestProbe());
            }
        }
        if (handler >= 0) {
            chain.add(handler, new DirectAnswerFilter());
            DirectAnswers.placedInFront();
            chain.add(handler, new RequestTargetFilter());
            chain.add(handler, new WholeBodyFilter());
            chain.add(handler, new CleartextUpgradeFilter());
            chain.add(handler, new ConnectionWatchFilter());
            LOG.info("Parley's HTTP guard answers 400 to request paths Payara cannot decode and to WebSocket handshakes that break"
                    + " RFC 6455, 405 to CONNECT, answers what the"
                    + " application has ready (the Presence API) in front of the web container, reads no more requests from"
                    + " a peer that leaves its answers waiting (and bounds what waits for one address), hands a request on"
                    + " once its whole body has come, and lets the application end connections whose peer stopped reading"
                    + " or that do not send a whole request in time");
        } else {
            LOG.warning("Parley's HTTP guard found no HTTP server in a port-unification protocol: it guards nothing there");
        }
        super.register(protocol);
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
