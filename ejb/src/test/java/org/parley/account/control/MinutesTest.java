package org.parley.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MinutesTest {

    @Test
    void aWaitIsSaidInWholeMinutesRoundedUpAndOneInTheSingular() {
        assertEquals("1 minute", Minutes.inWords(Duration.ofSeconds(1)), "never 0 minutes");
        assertEquals("1 minute", Minutes.inWords(Duration.ofSeconds(60)));
        assertEquals("2 minutes", Minutes.inWords(Duration.ofSeconds(61)));
        assertEquals(15, Minutes.toWait(Duration.ofMinutes(15)));
    }
}
