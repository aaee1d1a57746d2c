package org.parley.httpguard.boundary;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps out of the server's log what the HTTP codec writes there at SEVERE about a request that anyone may send: Payara's
 * build of Grizzly logs "Can't use both headers Content-Length and Transfer-Encoding from the same request" for each such
 * request (a request with both, {@code Transfer-Encoding} first) before the guard's probe answers it {@code 400}
 * ({@link UnreadableRequestProbe}), so one client could fill the log with SEVERE lines at will. Such a record goes to the
 * log at FINE instead; every other record of the codec's logger passes as before.
 */
final class CodecLog {

    private static final String CODEC = "org.glassfish.grizzly.http.HttpServerFilter";
    static final String BOTH_FRAMINGS = "Can't use both headers Content-Length and Transfer-Encoding from the same request";
    /** Held, so that the filter set on it stays: the log manager keeps loggers only weakly. */
    private static final Logger CODEC_LOG = Logger.getLogger(CODEC);
    private static final Logger LOG = Logger.getLogger(CodecLog.class.getName());

    private CodecLog() {
    }

    /** Sets the filter on the codec's logger once, keeping any filter it had. */
    static synchronized void quieten() {
        Filter before = CODEC_LOG.getFilter();
        if (before instanceof Quiet) {
            return;
        }
        CODEC_LOG.setFilter(new Quiet(before));
    }

    private record Quiet(Filter before) implements Filter {

        @Override
        public boolean isLoggable(java.util.logging.LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && BOTH_FRAMINGS.equals(record.getMessage())) {
                LOG.fine(() -> "The HTTP codec refused a request with both Content-Length and Transfer-Encoding (400)");
                return false;
            }
            return before == null || before.isLoggable(record);
        }
    }
}
