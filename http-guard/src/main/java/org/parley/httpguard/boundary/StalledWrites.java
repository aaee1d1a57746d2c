package org.parley.httpguard.boundary;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CloseListener;
import org.glassfish.grizzly.CloseType;
import org.glassfish.grizzly.Closeable;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Lets go of the connections whose peer stopped reading. Grizzly ends a connection gracefully: once everything queued
 * for it has been written. A peer that stopped reading (a hung program, a frozen tab, or one doing it on purpose)
 * takes nothing more, so that moment never comes: the connection, the kernel's send buffer (up to 4 MiB) and what
 * Grizzly queued for it stay for as long as the peer keeps its end open — also after the application has closed its
 * WebSocket session, forgotten it and stopped counting it against the peer's limits. So a peer could pile up such
 * connections one after another.
 * <p>
 * {@link StalledWriteFilter} puts each connection of the listener under watch the first time it reads from it: the
 * watch notes every write that moves bytes out (a Grizzly connection probe). {@link #sweep} ends at once (a reset:
 * nothing more is written, the kernel frees the buffers) each connection with bytes waiting whose bytes have not moved
 * for the time it is given, counted from the sweep that first saw them waiting. An application calls it from a
 * periodic sweep of its own; without one, nothing is ended.
 * <p>
 * The public types are the JDK's only, so an application sees this class through the server's library class loader
 * without depending on Grizzly.
 */
public final class StalledWrites {

    private static final Logger LOG = Logger.getLogger(StalledWrites.class.getName());
    private static final Attribute<Watch> WATCH =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(StalledWrites.class.getName() + ".watch");
    private static final Set<Watch> WATCHED = ConcurrentHashMap.newKeySet();

    private StalledWrites() {
    }

    /** Watches {@code connection} from now until it closes; once per connection, cheaply after the first time. */
    static void watch(Connection<?> connection) {
        if (WATCH.isSet(connection) || !(connection instanceof NIOConnection nio)) {
            return;
        }
        Watch watch = new Watch(nio);
        WATCH.set(connection, watch);
        WATCHED.add(watch);
        nio.getMonitoringConfig().addProbes(watch);
        // a connection that closed meanwhile calls this at once
        nio.addCloseListener(watch);
    }

    /**
     * Ends each watched connection with bytes waiting to be written that have not moved for {@code stalledNanos}
     * (counted from the sweep that first saw them waiting, or from the last write, whichever is later); answers the
     * peers' addresses ({@code host:port}) of the connections it ended.
     */
    public static List<String> sweep(long stalledNanos) {
        long now = System.nanoTime();
        List<String> ended = new ArrayList<>();
        for (Watch watch : WATCHED) {
            if (watch.stalled(now, stalledNanos)) {
                ended.add(watch.end());
            }
        }
        return ended;
    }

    /** How many connections are under watch now: every open one the guard has read from. */
    public static int watched() {
        return WATCHED.size();
    }

    /** One connection: when its bytes last moved out, and since when a sweep has seen bytes waiting. */
    private static final class Watch extends ConnectionProbe.Adapter implements CloseListener<Closeable, CloseType> {

        private final NIOConnection connection;
        private volatile long movedAt = System.nanoTime();
        private boolean waitingSeen;
        private long waitingSince;

        Watch(NIOConnection connection) {
            this.connection = connection;
        }

        @Override
        public void onWriteEvent(Connection connection, Buffer data, long size) {
            movedAt = System.nanoTime();
        }

        @Override
        public void onClosed(Closeable closeable, CloseType type) {
            WATCHED.remove(this);
        }

        synchronized boolean stalled(long now, long stalledNanos) {
            if (connection.getAsyncWriteQueue().spaceInBytes() <= 0) {
                waitingSeen = false;
                return false;
            }
            if (!waitingSeen) {
                waitingSeen = true;
                waitingSince = now;
            }
            long moved = movedAt;
            long since = moved - waitingSince > 0 ? moved : waitingSince;
            return now - since >= stalledNanos;
        }

        /** Resets the connection: what waits is dropped and the kernel lets go of its buffers at once. */
        String end() {
            String peer = shown(connection.getPeerAddress());
            WATCHED.remove(this);
            if (connection.getChannel() instanceof SocketChannel channel) {
                try {
                    channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                } catch (IOException | RuntimeException e) {
                    // closed meanwhile: nothing is left to reset
                    LOG.fine(() -> "Could not reset the connection of " + peer + " (" + e + "); it is closed anyway");
                }
            }
            connection.terminateSilently();
            return peer;
        }

        private static String shown(Object address) {
            if (address instanceof InetSocketAddress inet) {
                return inet.getAddress().getHostAddress() + ":" + inet.getPort();
            }
            return address instanceof SocketAddress ? address.toString() : "an unknown peer";
        }
    }
}
