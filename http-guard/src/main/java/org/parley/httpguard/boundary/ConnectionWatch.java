package org.parley.httpguard.boundary;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CloseListener;
import org.glassfish.grizzly.CloseType;
import org.glassfish.grizzly.Closeable;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.nio.NIOConnection;
import org.parley.httpguard.control.Refusal;
import org.parley.httpguard.control.WebSocketFrameHeads;

/**
 * Watches every connection of the listener: lets go of those whose peer stopped reading, closes those that do not ask
 * in time, and tells how much waits for an address. Grizzly ends a connection gracefully: once everything queued
 * for it has been written. A peer that stopped reading (a hung program, a frozen tab, or one doing it on purpose)
 * takes nothing more, so that moment never comes: the connection, the kernel's send buffer (up to 4 MiB) and what
 * Grizzly queued for it stay for as long as the peer keeps its end open — also after the application has closed its
 * WebSocket session, forgotten it and stopped counting it against the peer's limits. So a peer could pile up such
 * connections one after another.
 * <p>
 * {@link ConnectionWatchFilter} puts each connection of the listener under watch the first time it reads from it: the
 * watch notes every write that moves bytes out (a Grizzly connection probe). {@link #sweep} ends at once (a reset:
 * nothing more is written, the kernel frees the buffers) each connection with bytes waiting whose bytes have not moved
 * for the time it is given, counted from the sweep that first saw them waiting. An application calls it from a
 * periodic sweep of its own; without one, nothing is ended. Watched from its accept on ({@link GuardedPortUnification}),
 * a connection that has not sent a whole request head in the moments after its accept or its last answer, or sends a
 * body too slowly, is closed by {@link #sweepSilent} (answered {@code 408} if it had sent part of a request), and the
 * watches of an address's connections tell {@link ConnectionWatchFilter} how much waits for that address and {@link
 * GuardedPortUnification} how many connections it holds open, and all of them together ({@link #limitConnections}):
 * without a bound, one program that opened connections as fast as it could and sent nothing held every file the server
 * may open (twenty thousand here within seconds), and nobody else was served, at a full core of the selector's retries,
 * until it let go.
 * <p>
 * The public types are the JDK's only, so an application sees this class through the server's library class loader
 * without depending on Grizzly.
 */
public final class ConnectionWatch {

    private static final Logger LOG = Logger.getLogger(ConnectionWatch.class.getName());
    private static final Attribute<Watch> WATCH =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(ConnectionWatch.class.getName() + ".watch");
    private static final Set<Watch> WATCHED = ConcurrentHashMap.newKeySet();
    /**
     * The most bytes of answers that may wait, past the kernel's buffers, and of request bodies still coming, for the
     * connections of one address: beyond it, that address's further requests are refused until its peers take what waits
     * or send the rest (or their connections are reset).
     */
    static final long WAITING_PER_ADDRESS = 16L * 1024 * 1024;
    /**
     * The fewest bytes a second a request body must bring, on average, once the time for a request head has passed (as
     * Apache's {@code mod_reqtimeout} asks by default): a slower body's connection is closed by {@link #sweepSilent}.
     */
    public static final int SLOWEST_BODY_RATE = 500;
    /**
     * The most bytes that may wait for an upgraded connection (a WebSocket) past the kernel's buffers before what its
     * peer sends is read no further ({@link ConnectionWatchFilter}) and the container's writes to it wait for room (so
     * the application's write timeout sees them stuck). Grizzly's own bound is four times the socket's send buffer,
     * 13.8 MB on loopback: the container answers each ping with a pong whether or not the peer reads, so each socket
     * whose peer sent pings and read nothing held ~20 MB of heap (a pong costs more than its bytes), and 24 of them from
     * one program filled a heap of 1 GiB.
     */
    static final int WAITING_PER_SOCKET = 64 * 1024;
    /** The watched connections that carried a plain request (not an upgrade), by their peer's address (host only). */
    private static final ConcurrentHashMap<String, Set<Watch>> BY_ADDRESS = new ConcurrentHashMap<>();
    /**
     * The connections one address may hold open at once until the application says otherwise ({@link #limitConnections}):
     * a browser holds six to eight per server and one per open chat or directory page, so even a terminal server shared
     * by dozens of people stays below it.
     */
    public static final int CONNECTIONS_PER_ADDRESS = 1_000;
    private static volatile int connectionsPerAddress = CONNECTIONS_PER_ADDRESS;
    /** The connections open at once from all addresses together, beyond which a new one is refused (none until set). */
    private static volatile int connectionsInAll = Integer.MAX_VALUE;
    /** The open connections of all addresses together, from their accept to their close. */
    private static final AtomicInteger ALL_OPEN = new AtomicInteger();
    /** Addresses whose connections are not limited (reverse proxies, whose connections carry many people's requests). */
    private static volatile Set<String> unlimited = Set.of();
    /** The open connections of each peer's address (host only), from their accept to their close. */
    private static final ConcurrentHashMap<String, Integer> OPEN = new ConcurrentHashMap<>();
    /** The most bytes read, and dropped, from a connection refused at its accept before its answer is written. */
    private static final int DRAINED_AT_MOST = 16 * 1024;

    private ConnectionWatch() {
    }

    /** The watch of {@code connection}, or {@code null} if it has none; never starts one. */
    static Watch watched(Connection<?> connection) {
        return WATCH.get(connection);
    }

    /**
     * Watches {@code connection} from now (its accept) until it closes; once per connection, cheaply after the first
     * time. Answers its watch, or {@code null} for a connection that is not a socket of this server.
     */
    static Watch watch(Connection<?> connection) {
        Watch watch = WATCH.get(connection);
        if (watch != null || !(connection instanceof NIOConnection nio)) {
            return watch;
        }
        watch = new Watch(nio);
        WATCH.set(connection, watch);
        WATCHED.add(watch);
        watch.overItsAddressesLimit = OPEN.merge(watch.host, 1, Integer::sum) > connectionsPerAddress
                && !unlimited.contains(watch.host);
        watch.overTheServersLimit = ALL_OPEN.incrementAndGet() > connectionsInAll;
        nio.getMonitoringConfig().addProbes(watch);
        // a connection that closed meanwhile calls this at once
        nio.addCloseListener(watch);
        return watch;
    }

    /**
     * From now on, at most {@code perAddress} connections from one address are open at once, but from the addresses in
     * {@code exempt} (IP addresses as {@link java.net.InetAddress#getHostAddress} writes them), and at most {@code inAll}
     * from all addresses together: a further one is answered at its accept and closed, {@code 429} beyond its address's
     * bound ({@link Watch#overItsAddressesLimit}), {@code 503} beyond the server's ({@link Watch#overTheServersLimit}).
     * Without it, {@link #CONNECTIONS_PER_ADDRESS} from one address, and no bound in all.
     */
    public static void limitConnections(int perAddress, int inAll, Collection<String> exempt) {
        if (perAddress < 1 || inAll < 1) {
            throw new IllegalArgumentException("at least one connection per address and in all: " + perAddress + ", " + inAll);
        }
        unlimited = Set.copyOf(exempt);
        connectionsPerAddress = perAddress;
        connectionsInAll = inAll;
    }

    /** How many connections one address may hold open at once ({@link #limitConnections}). */
    static int connectionsPerAddress() {
        return connectionsPerAddress;
    }

    /** How many connections may be open at once from all addresses together ({@link #limitConnections}). */
    static int connectionsInAll() {
        return connectionsInAll;
    }

    /**
     * Closes each watched connection that has not sent a whole request head in the {@code silentNanos} since it was
     * opened or since its last answer ended (silent, or sending a head a few bytes at a time to hold the connection; the
     * container's keep-alive stops timing a connection once any byte of its next request has come), or whose request
     * body has come at less than {@link #SLOWEST_BODY_RATE} bytes a second after those {@code silentNanos} (its head's
     * time); answers the peers' addresses ({@code host:port}) of the connections it closed, but not of kept-alive ones
     * that sent nothing since their last answer, which a keep-alive timeout ends anyway. A connection that had sent part
     * of a request is answered {@code 408} ({@link Refusal#tooSlow}) before it closes; one that sent nothing is closed
     * without a word, as a peer may open a connection ahead of a request it then never makes.
     */
    public static List<String> sweepSilent(long silentNanos) {
        long now = System.nanoTime();
        return each(watch -> watch.silent(now, silentNanos), watch -> watch.close(silentNanos));
    }

    /**
     * Ends each watched connection with bytes waiting to be written that have not moved for {@code stalledNanos}
     * (counted from the sweep that first saw them waiting, or from the last write, whichever is later); answers the
     * peers' addresses ({@code host:port}) of the connections it ended.
     */
    public static List<String> sweep(long stalledNanos) {
        long now = System.nanoTime();
        return each(watch -> watch.stalled(now, stalledNanos), Watch::end);
    }

    /**
     * Ends each watched connection that is {@code due}, the way {@code end} does; answers what {@code end} answered, but
     * {@code null}.
     */
    private static List<String> each(Predicate<Watch> due, Function<Watch, String> end) {
        List<String> ended = new ArrayList<>();
        for (Watch watch : WATCHED) {
            if (due.test(watch)) {
                String peer = end.apply(watch);
                if (peer != null) {
                    ended.add(peer);
                }
            }
        }
        return ended;
    }

    /**
     * One connection: when its bytes last moved out, since when a sweep has seen bytes waiting, and whether it is read no
     * further (its peer left its answers waiting).
     */
    static final class Watch extends ConnectionProbe.Adapter implements CloseListener<Closeable, CloseType> {

        private final NIOConnection connection;
        private final String host;
        private volatile long movedAt = System.nanoTime();
        /**
         * Since when the connection has had no request in hand: from its accept, then from each answer's end; 0 while a
         * request's head has come and its answer is not yet complete.
         */
        private volatile long awaitingSince = movedAt;
        /** Requests whose head came and whose answer is not yet complete (more than one when the peer pipelines). */
        private int inHand;
        /** When the head of the last request came; 0 until a first head has come. */
        private volatile long headAt;
        /** The last request head seen, to tell a new request from the further parts of one's body. */
        private Object lastHead;
        /** The request in hand whose head came last; {@code null} once no request is in hand. */
        private HttpRequestPacket lastRequest;
        /** Whether the connection was upgraded (a WebSocket): from then on its silence is the application's to end. */
        private volatile boolean upgraded;
        /** The application's writes on their way to the queue of the upgraded connection ({@link LastFrameFilter}). */
        private final AtomicInteger writing = new AtomicInteger();
        /** Set once the guard closes its WebSocket ({@link #closeSayingWhy}): no write of the application goes on after. */
        private volatile boolean closing;
        /** The guard's close frame, until whoever finds no write on its way writes it. */
        private final AtomicReference<byte[]> lastFrame = new AtomicReference<>();
        /** Whether bytes came while no request was in hand: part of a head, or the rest of a body after its answer. */
        private volatile boolean readAwaiting;
        private boolean waitingSeen;
        private long waitingSince;
        private volatile boolean unread;
        /** Whether a request was handed on while bytes of earlier answers waited; reads of a connection come one at a time. */
        private boolean aheadOfItsAnswers;
        /** Bytes of a request body {@link WholeBodyFilter} holds for the connection until the body's last part comes. */
        private volatile long gathering;
        /** Whether the connection is among its address's in {@link #BY_ADDRESS}: from its first plain request on. */
        private boolean amongItsAddresses;
        /** The heads of the frames its peer sends, once it asked to become a WebSocket. */
        private WebSocketFrameHeads frames;
        /** Whether the connection still counts among its address's open ones ({@link #OPEN}): until it is forgotten. */
        private final AtomicBoolean counted = new AtomicBoolean(true);
        /** Whether its address already had as many connections open as it may when this one was accepted. */
        private boolean overItsAddressesLimit;
        /** Whether all addresses together already had as many connections open as the server takes when it was accepted. */
        private boolean overTheServersLimit;

        Watch(NIOConnection connection) {
            this.connection = connection;
            this.host = connection.getPeerAddress() instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress()
                    : String.valueOf(connection.getPeerAddress());
        }

        @Override
        public void onWriteEvent(Connection connection, Buffer data, long size) {
            movedAt = System.nanoTime();
        }

        @Override
        public void onReadEvent(Connection connection, Buffer data, int size) {
            if (size > 0 && awaitingSince != 0 && !readAwaiting && !upgraded) {
                readAwaiting = true;
            }
        }

        @Override
        public void onClosed(Closeable closeable, CloseType type) {
            forget();
        }

        private void forget() {
            WATCHED.remove(this);
            if (counted.compareAndSet(true, false)) {
                OPEN.computeIfPresent(host, (address, open) -> open <= 1 ? null : open - 1);
                ALL_OPEN.decrementAndGet();
            }
            BY_ADDRESS.computeIfPresent(host, (address, watches) -> {
                watches.remove(this);
                return watches.isEmpty() ? null : watches;
            });
        }

        synchronized boolean stalled(long now, long stalledNanos) {
            if (waiting() <= 0) {
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

        /**
         * Whether a request (or a part of one) that comes now may be handed on: not while its peer has not taken the answers
         * before the last one. Grizzly counts the bytes of a write as waiting until the thread that wrote them notes that
         * they went out, which can be a moment after the peer had them and sent its next request; so one request may come
         * while bytes wait, and the next one tells.
         */
        boolean takesItsAnswers() {
            if (waiting() <= 0) {
                aheadOfItsAnswers = false;
                return true;
            }
            boolean first = !aheadOfItsAnswers;
            aheadOfItsAnswers = true;
            return first;
        }

        /**
         * A part of {@code request} came: if it is a new request's head (its context not seen before), the connection has a
         * request in hand until its answer ends; if the request upgrades the connection, its silence is from now on the
         * application's to end (an upgrade refused closes the connection with its answer), and at most {@link
         * #WAITING_PER_SOCKET} bytes wait for it.
         */
        synchronized void asked(HttpRequestPacket request, boolean upgrade) {
            Object head = request.getProcessingState().getHttpContext();
            if (head == lastHead) {
                return;
            }
            lastHead = head;
            lastRequest = request;
            headAt = System.nanoTime();
            inHand++;
            awaitingSince = 0;
            readAwaiting = false;
            if (upgrade) {
                if (!upgraded) {
                    connection.setMaxAsyncWriteQueueSize(WAITING_PER_SOCKET);
                }
                upgraded = true;
                lastHead = null;
            }
        }

        /** A request's answer is complete: once no other request is in hand, the next request's head is awaited. */
        synchronized void answered() {
            if (upgraded || inHand == 0) {
                return;
            }
            if (--inHand == 0) {
                lastHead = null;
                lastRequest = null;
                readAwaiting = false;
                awaitingSince = System.nanoTime();
            }
        }

        /**
         * Whether the connection has had no request in hand for {@code silentNanos} (from its accept or its last answer),
         * or the body of the one in hand is still coming, slower than {@link #SLOWEST_BODY_RATE} after those.
         */
        boolean silent(long now, long silentNanos) {
            if (upgraded) {
                return false;
            }
            long since = awaitingSince;
            if (since != 0) {
                return now - since >= silentNanos;
            }
            long body = gathering;
            return body > 0 && now - headAt >= silentNanos + body * TimeUnit.SECONDS.toNanos(1) / SLOWEST_BODY_RATE;
        }

        /**
         * Closes the connection (no request is in hand, or one whose body has not all come, so no answer is cut), after
         * answering {@code 408} if it sent part of a request; answers the peer's address, or {@code null} for a kept-alive
         * connection that sent nothing since its last answer (what a keep-alive timeout ends anyway).
         */
        String close(long silentNanos) {
            boolean idle;
            Refusal refusal = null;
            synchronized (this) {
                idle = headAt != 0 && !readAwaiting && gathering == 0;
                if (readAwaiting || gathering > 0) {
                    // a body still coming keeps its request, which nothing else answers or recycles meanwhile
                    String path = gathering > 0 && lastRequest != null
                            ? HeadText.of(lastRequest.getRequestURIRef().getOriginalRequestURIBC()) : null;
                    refusal = Refusal.tooSlow(path == null ? "" : path, TimeUnit.NANOSECONDS.toMillis(silentNanos),
                            SLOWEST_BODY_RATE);
                }
            }
            forget();
            if (refusal != null) {
                RequestTargetFilter.refuse(connection, refusal);
            } else {
                connection.closeSilently();
            }
            return idle ? null : shown(connection.getPeerAddress());
        }

        /** Bytes queued for the peer beyond what the kernel's send buffer took: none while the peer keeps reading. */
        long waiting() {
            return connection.getAsyncWriteQueue().spaceInBytes();
        }

        /**
         * Whether the connections of this one's address that carried plain requests, together, have fewer than {@link
         * #WAITING_PER_ADDRESS} bytes of answers waiting for them and of request bodies still coming: one read per such
         * connection of the address (a browser holds six to eight), stopping once the bound is reached. Called for each
         * part of each plain request.
         */
        boolean addressTakesItsAnswers() {
            if (!amongItsAddresses) {
                amongItsAddresses = true;
                BY_ADDRESS.compute(host, (address, watches) -> {
                    Set<Watch> all = watches == null ? ConcurrentHashMap.newKeySet() : watches;
                    all.add(this);
                    return all;
                });
                if (!connection.isOpen()) {
                    forget(); // closed meanwhile: its close listener may have run before it was added
                }
            }
            Set<Watch> all = BY_ADDRESS.get(host);
            if (all == null) {
                return true;
            }
            long waiting = 0;
            for (Watch watch : all) {
                waiting += Math.max(0, watch.waiting()) + watch.gathering;
                if (waiting >= WAITING_PER_ADDRESS) {
                    return false;
                }
            }
            return true;
        }

        long gathering() {
            return gathering;
        }

        void gathering(long bytes) {
            gathering = bytes;
        }

        /** The peer's address, without its port. */
        String host() {
            return host;
        }

        /**
         * Reads nothing more from the connection and closes it once what is queued has been written (or, if its peer never
         * takes that, when a sweep finds it stalled); answers the peer's address.
         */
        String readNoMore() {
            unread = true;
            connection.closeSilently();
            return shown(connection.getPeerAddress());
        }

        /**
         * Closes the connection's WebSocket with {@code closeFrame}, the last bytes it sends (RFC 6455 §5.5.1): nothing
         * more is read, the frame goes into the queue once the application's writes already on their way to it are there
         * ({@link #writing}), the application's later writes are refused ({@link LastFrameFilter}), and the connection is
         * closed as soon as the frame is written (or, if its peer never takes it, when a sweep finds it stalled). The
         * graceful close this replaces wrote a watcher's first frame after the close frame whenever the two met. Answers
         * the peer's address.
         */
        String closeSayingWhy(byte[] closeFrame) {
            unread = true;
            lastFrame.set(closeFrame);
            closing = true;
            if (writing.get() == 0) {
                writeLastFrame();
            }
            return shown(connection.getPeerAddress());
        }

        /**
         * Counts a write of the application on its way to the queue of the upgraded connection; answers whether it may
         * go on (not once the guard is closing it). {@link #wrote} must follow, whatever the answer.
         */
        boolean writing() {
            writing.incrementAndGet();
            return !closing;
        }

        /**
         * A write counted by {@link #writing} is in the queue (or was refused). The last one on its way when the guard
         * began closing writes the close frame: it counted itself before it looked whether the guard was closing, and
         * the guard set that before it looked whether any were on their way, so one of the two sees the other.
         */
        void wrote() {
            if (writing.decrementAndGet() == 0 && closing) {
                writeLastFrame();
            }
        }

        /** Writes the close frame of {@link #closeSayingWhy} once, and closes the connection once it is written. */
        private void writeLastFrame() {
            byte[] frame = lastFrame.getAndSet(null);
            if (frame == null) {
                return;
            }
            connection.write(Buffers.wrap(connection.getMemoryManager(), frame),
                    new EmptyCompletionHandler<WriteResult<Buffer, SocketAddress>>() {
                        @Override
                        public void completed(WriteResult<Buffer, SocketAddress> written) {
                            connection.terminateSilently();
                        }

                        @Override
                        public void failed(Throwable cause) {
                            connection.terminateSilently();
                        }
                    });
        }

        /** Whether the connection asked to become a WebSocket: its writes are counted ({@link #writing}). */
        boolean upgraded() {
            return upgraded;
        }

        /**
         * Reads the heads of the WebSocket frames in {@code content}, what the peer of a connection upgraded to a WebSocket
         * sent next; answers the rule they break, or {@code null}. Reads of a connection come one at a time.
         */
        WebSocketFrameHeads.Breach frames(Buffer content) {
            if (frames == null) {
                frames = new WebSocketFrameHeads();
            }
            return frames.read(content::get, content.position(), content.limit(), System.nanoTime());
        }

        /**
         * Whether its address already had as many connections open as it may ({@link #limitConnections}) when the
         * connection was accepted.
         */
        boolean overItsAddressesLimit() {
            return overItsAddressesLimit;
        }

        /**
         * Whether all addresses together already had as many connections open as the server takes ({@link
         * #limitConnections}) when the connection was accepted.
         */
        boolean overTheServersLimit() {
            return overTheServersLimit;
        }

        /**
         * Reads, and drops, what the peer of a connection refused at its accept has sent so far (its request, most often,
         * which comes right behind the connection), up to {@link #DRAINED_AT_MOST} bytes, so that closing the connection
         * after the answer does not reset it: a socket closed with unread bytes is reset at once, and its peer may lose the
         * answer. Called before anything else reads the connection; from then on nothing read from it is handed on ({@link
         * #unread}).
         */
        void drain() {
            unread = true; // nothing it sends reaches the container, even before its connection is closed
            if (!(connection.getChannel() instanceof SocketChannel channel)) {
                return;
            }
            ByteBuffer dropped = ByteBuffer.allocate(4096);
            try {
                int total = 0;
                int read;
                while (total < DRAINED_AT_MOST && (read = channel.read(dropped.clear())) > 0) {
                    total += read;
                }
            } catch (IOException | RuntimeException e) {
                // the peer is gone already: the answer's write fails quietly and the connection closes
                LOG.fine(() -> "Could not read what " + shown(connection.getPeerAddress()) + " sent: " + e);
            }
        }

        /** Whether the connection is read no further: {@link #readNoMore} was called. */
        boolean unread() {
            return unread;
        }

        /** Resets the connection: what waits is dropped and the kernel lets go of its buffers at once. */
        String end() {
            String peer = shown(connection.getPeerAddress());
            forget();
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
