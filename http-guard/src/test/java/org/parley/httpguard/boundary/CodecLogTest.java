package org.parley.httpguard.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class CodecLogTest {

    @Test
    void theCodecsSevereLineForBothFramingsIsKeptOutAndEveryOtherGoesOn() {
        Logger codec = Logger.getLogger("org.glassfish.grizzly.http.HttpServerFilter");
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        codec.addHandler(handler);
        try {
            CodecLog.quieten();
            CodecLog.quieten(); // once is enough, however often the guard registers
            codec.log(Level.SEVERE, CodecLog.BOTH_FRAMINGS);
            codec.log(Level.SEVERE, "something else went wrong");
            codec.log(Level.WARNING, "a warning");
            assertEquals(List.of("SEVERE something else went wrong", "WARNING a warning"), logged);
        } finally {
            codec.removeHandler(handler);
        }
    }
}
