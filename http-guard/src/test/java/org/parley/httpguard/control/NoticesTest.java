package org.parley.httpguard.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NoticesTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void theFirstOccurrenceIsToldThenAtMostOnceAPeriodWithHowManyCameMeanwhile() {
        Notices notices = new Notices(MINUTE, 100);
        long start = 1_000_000_000L;
        assertEquals(1, notices.occurred("10.0.0.1", start));
        assertEquals(0, notices.occurred("10.0.0.1", start + 1));
        assertEquals(0, notices.occurred("10.0.0.1", start + MINUTE - 1));
        assertEquals(1, notices.occurred("10.0.0.2", start + 2), "another key is told apart");
        assertEquals(3, notices.occurred("10.0.0.1", start + MINUTE), "the two not told and this one");
        assertEquals(0, notices.occurred("10.0.0.1", start + MINUTE + 1));
    }

    @Test
    void aFloodOfKeysIsForgottenRatherThanRemembered() {
        Notices notices = new Notices(MINUTE, 3);
        long now = 5L;
        for (String key : new String[] {"a", "b", "c"}) {
            assertEquals(1, notices.occurred(key, now));
        }
        assertEquals(0, notices.occurred("a", now + 1), "remembered while there is room");
        assertEquals(1, notices.occurred("d", now + 2), "a fourth key makes it forget the others");
        assertEquals(1, notices.occurred("a", now + 3), "and tell them again");
    }
}
