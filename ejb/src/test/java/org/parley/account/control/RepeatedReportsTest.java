package org.parley.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.testing.MutableClock;

class RepeatedReportsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final RepeatedReports reports = new RepeatedReports(Duration.ofMinutes(1), clock);

    @Test
    void oneKeyForAllIsReportedAtOnceThenAtMostOnceAnIntervalWithHowManyCameSince() {
        assertEquals(1, reports.count(""), "the first at once");
        clock.advance(Duration.ofSeconds(59));
        for (int i = 0; i < 7; i++) {
            assertEquals(0, reports.count(""), "held back within the interval");
        }
        clock.advance(Duration.ofSeconds(1));
        assertEquals(8, reports.count(""), "an interval on: the seven held back and this one");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, reports.count(""), "after a quiet spell, the next at once");
    }

    @Test
    void keysPastTheirIntervalAreForgottenOnceTenThousandAreCounted() {
        for (int i = 0; i < 5; i++) {
            reports.count("10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i <= 10_001; i++) {
            reports.count("10.1." + i);
        }
        assertEquals(1, reports.count("10.0.0.1"), "forgotten with what it held back, not reported as 5");
    }
}
