package org.parley.httpguard.boundary;

import java.io.IOException;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;

/**
 * Keeps the close frame the guard writes to a WebSocket whose peer broke a rule ({@link
 * ConnectionWatch.Watch#closeSayingWhy}) the last thing it sends, as RFC 6455 §5.5.1 asks. It sits in the HTTP protocol
 * right after the back channel to the transport, below the codec, and hands each write of an upgraded connection on to
 * that back channel itself, counting it until it is in the connection's queue ({@link ConnectionWatch.Watch#writing});
 * so the close frame goes into the queue after the writes already on their way, and those that come later are refused
 * as on a closed connection, their sender told so. Before, a watcher's first frame, written as its peer's breaking frame
 * was read, went out after the close frame. Writes of connections that are not WebSockets pass as they come.
 */
final class LastFrameFilter extends BaseFilter {

    private final Filter backChannel;

    /** @param backChannel the first filter of the protocol's chain, which writes to the port unification's transport */
    LastFrameFilter(Filter backChannel) {
        this.backChannel = backChannel;
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        ConnectionWatch.Watch watch = ConnectionWatch.watched(ctx.getConnection());
        if (watch == null || !watch.upgraded()) {
            return ctx.getInvokeAction();
        }
        try {
            if (watch.writing()) {
                return backChannel.handleWrite(ctx); // in the queue (or written) when it returns
            }
            FilterChainContext.TransportContext transport = ctx.getTransportContext();
            CompletionHandler<?> sender = transport.getCompletionHandler();
            transport.setCompletionHandler(null);
            if (sender != null) {
                sender.failed(new IOException("The WebSocket was closed for what its peer sent; nothing more is written to it"));
            }
            return ctx.getStopAction();
        } finally {
            watch.wrote();
        }
    }
}
