package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeerGoneReportsTest {

    private final Logger writer = Logger.getLogger(PeerGoneReports.WRITER_LOGGER);
    private final List<String> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLevel() + " " + record.getMessage() + " " + record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        writer.setUseParentHandlers(false);
        writer.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        writer.removeHandler(handler);
        writer.setUseParentHandlers(true);
        writer.setFilter(null);
    }

    @Test
    void aPeerGoneWhileFramesWaitedIsNotReportedAndAnyOtherFailureIs() {
        PeerGoneReports reports = PeerGoneReports.install();
        // what Tyrus's servlet writer logs when the connection ends under its queued writes
        writer.log(Level.WARNING, "TyrusServletWriter.onError", new EOFException());
        writer.log(Level.WARNING, "TyrusServletWriter.onError", new IOException("Connection reset by peer"));
        writer.log(Level.WARNING, "TyrusServletWriter.onError", new IllegalStateException("not a lost connection"));
        writer.log(Level.WARNING, "without a cause");
        assertEquals(List.of("WARNING TyrusServletWriter.onError java.lang.IllegalStateException: not a lost connection",
                "WARNING without a cause null"), logged);

        reports.remove();
        assertNull(writer.getFilter(), "the logger's filter from before is back");
        writer.log(Level.WARNING, "TyrusServletWriter.onError", new EOFException());
        assertEquals(3, logged.size(), "reported again once removed: " + logged);
    }

    @Test
    void theLoggersOwnFilterStillAppliesAndComesBack() {
        Filter own = record -> !record.getMessage().startsWith("quiet");
        writer.setFilter(own);
        PeerGoneReports reports = PeerGoneReports.install();
        writer.log(Level.WARNING, "quiet please", new IllegalStateException());
        writer.log(Level.WARNING, "loud", new IllegalStateException());
        assertEquals(List.of("WARNING loud java.lang.IllegalStateException"), logged);
        reports.remove();
        assertSame(own, writer.getFilter());
    }
}
