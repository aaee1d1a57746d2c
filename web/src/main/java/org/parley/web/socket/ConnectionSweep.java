package org.parley.web.socket;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.httpguard.boundary.ConnectionWatch;

/**
 * Ends, through Parley's HTTP guard ({@link ConnectionWatch}), the connections whose peer stopped reading, and those that
 * never sent a whole request. Closing a socket whose peer stopped reading (its writes stuck, its queue full, its
 * silence) closes it only in name: the container ends a connection once everything queued for it is written, so it
 * keeps the connection, and the megabytes waiting for it, until the peer reads again, which it may never do. And the
 * container keeps a connection that sends nothing, or a request head a few bytes at a time (its first, or the next one
 * on a connection kept alive), or a request body a byte at a time, for as long as its peer likes, so a peer could
 * hold every file the server may open. Nor does it bound how many connections one address holds, so one program opening
 * connections in a loop took every file the server may open; the guard answers those beyond the bound at once, and
 * those beyond what the process's open-files limit leaves for connections. Without
 * the guard in the server nothing is ended or bounded here; the log says at start-up that the guard is missing ({@code
 * PresenceDirectAnswers}).
 */
final class ConnectionSweep {

    private static final Logger LOG = Logger.getLogger(ConnectionSweep.class.getName());
    private static final String GUARD = "org.parley.httpguard.boundary.ConnectionWatch";
    /** The slowest a request body may come once the time for its head has passed, in bytes a second (the guard's rule). */
    static final int SLOWEST_BODY_RATE = ConnectionWatch.SLOWEST_BODY_RATE;
    /** Peers named in one log line at most. */
    private static final int NAMED = 10;
    /** Files kept for what the process opens later (database, logs, outgoing connections) besides a tenth of its limit. */
    private static final int SPARE_FILES = 256;
    /** Connections taken at once whatever the open-files limit leaves. */
    private static final int FEWEST_CONNECTIONS = 64;

    private final boolean guarded = guardPresent();

    /**
     * Ends every connection whose waiting bytes have not moved for {@code stalled}, and closes every one that has sent
     * no whole request head in the {@code silent} since it opened or since its last answer, or its body too slowly
     * after that ({@link ConnectionWatch#SLOWEST_BODY_RATE}), answering {@code 408} to those that had sent part of a
     * request; says so (not of kept-alive connections that sent nothing
     * since their last answer, which the container's keep-alive timeout ends anyway).
     */
    void end(Duration stalled, Duration silent) {
        if (!guarded) {
            return;
        }
        sweep(() -> Guard.sweep(stalled.toNanos()), "whose peer had taken nothing for " + stalled.toSeconds()
                + " s while data waited for it (a hung program, a frozen tab, or a peer that stops reading on purpose)");
        sweep(() -> Guard.sweepSilent(silent.toNanos()), "that had sent no whole request head in the " + silent.toSeconds()
                + " s since they opened or had their last answer, or a request body at less than "
                + SLOWEST_BODY_RATE + " bytes a second after that (a peer that holds connections open without"
                + " asking, or sends a little at a time; those that had sent part of a request were answered 408)");
    }

    /**
     * From now on at most {@code perAddress} connections from one address are open at once, but from the {@code exempt}
     * addresses (the trusted reverse proxies, whose connections carry many people's requests), and at most as many in all
     * as the process may open files, less those open now (its libraries, logs, database) and a tenth of its limit (at
     * least {@link #SPARE_FILES}) for what opens later; a further one is answered {@code 429} or {@code 503} and closed
     * at once. At the open-files limit the container could accept no one, retried its accepts at a full core, and files
     * for the database or the logs could not be opened. Says so.
     */
    void limit(int perAddress, Set<String> exempt) {
        if (!guarded) {
            return;
        }
        OptionalLong files = ProcessFiles.limit();
        long open = ProcessFiles.open().orElse(0);
        int inAll = files.isEmpty() ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE,
                Math.max(FEWEST_CONNECTIONS, files.getAsLong() - open - Math.max(SPARE_FILES, files.getAsLong() / 10)));
        Guard.limit(perAddress, inAll, exempt);
        LOG.info(() -> "At most " + String.format(Locale.ROOT, "%,d", perAddress) + " connections from one address are open"
                + " at once (parley.http.connections-per-address)" + (exempt.isEmpty() ? ""
                : ", but from the trusted proxies " + String.join(", ", exempt)) + (files.isEmpty() ? ""
                : ", and " + String.format(Locale.ROOT, "%,d", inAll) + " in all (the process may open "
                + String.format(Locale.ROOT, "%,d", files.getAsLong()) + " files and has " + String.format(Locale.ROOT, "%,d",
                open) + " open; the rest is kept for its database, logs and libraries)") + "; a further one is answered"
                + " 429 (503 beyond the number in all) and closed at once");
        if (files.isPresent() && inAll == FEWEST_CONNECTIONS) {
            LOG.warning(() -> "The process may open only " + files.getAsLong() + " files and has " + open + " open: Parley"
                    + " takes " + FEWEST_CONNECTIONS + " connections at once; raise its open-files limit (ulimit -n,"
                    + " LimitNOFILE) to take more");
        }
    }

    private static void sweep(Supplier<List<String>> sweep, String which) {
        List<String> ended;
        try {
            ended = sweep.get();
        } catch (RuntimeException e) {
            // the keep-alive sweep that calls this is dropped for good by the container's scheduler if it throws
            LOG.log(Level.WARNING, "Could not end the connections " + which + "; the sweep goes on", e);
            return;
        }
        if (!ended.isEmpty()) {
            LOG.info(() -> "Ended " + (ended.size() == 1 ? "a connection" : ended.size() + " connections") + " " + which + ": "
                    + String.join(", ", ended.subList(0, Math.min(NAMED, ended.size())))
                    + (ended.size() > NAMED ? " and " + (ended.size() - NAMED) + " more" : ""));
        }
    }

    private static boolean guardPresent() {
        try {
            Class.forName(GUARD, false, ConnectionSweep.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Everything that names the guard's types, loaded only once the guard is known to be there. */
    private static final class Guard {

        static List<String> sweep(long stalledNanos) {
            return ConnectionWatch.sweep(stalledNanos);
        }

        static List<String> sweepSilent(long silentNanos) {
            return ConnectionWatch.sweepSilent(silentNanos);
        }

        static void limit(int perAddress, int inAll, Set<String> exempt) {
            ConnectionWatch.limitConnections(perAddress, inAll, exempt);
        }
    }
}
