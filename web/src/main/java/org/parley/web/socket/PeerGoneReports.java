package org.parley.web.socket;

import java.io.IOException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps out of the server's log the WebSocket engine's report of a peer that went away while frames waited for it.
 * Tyrus's servlet writer logs each failure of a queued write as a WARNING with a stack trace ({@code
 * TyrusServletWriter.onError}, an {@code EOFException}): a laptop closed, a tab killed, a network gone while a member's
 * frames or a flooder's pongs were on their way, so anyone could write such lines into the log, one per socket. The
 * socket is closed as any lost connection, and its conversations go on as after any drop (docs/protocol.md); nothing
 * was wrong with the server. Failures that are not a lost connection (no {@link IOException}) are still logged, and
 * whatever filter the logger had still applies.
 */
final class PeerGoneReports implements Filter {

    /** The logger of Tyrus's servlet writer ({@code org.glassfish.tyrus.servlet.TyrusServletWriter}). */
    static final String WRITER_LOGGER = "org.glassfish.tyrus.servlet.TyrusServletWriter";

    private final Logger logger;
    private final Filter before;

    private PeerGoneReports(Logger logger) {
        this.logger = logger;
        this.before = logger.getFilter();
    }

    /** Puts the filter on the writer's logger; {@link #remove} puts back what was there. */
    static PeerGoneReports install() {
        PeerGoneReports reports = new PeerGoneReports(Logger.getLogger(WRITER_LOGGER));
        reports.logger.setFilter(reports);
        return reports;
    }

    /** Puts back the logger's filter from before {@link #install}, unless another has replaced this one meanwhile. */
    void remove() {
        if (logger.getFilter() == this) {
            logger.setFilter(before);
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(record.getThrown() instanceof IOException) && (before == null || before.isLoggable(record));
    }
}
