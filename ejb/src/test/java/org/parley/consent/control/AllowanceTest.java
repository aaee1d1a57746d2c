package org.parley.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowanceTest {

    private static final Instant NOW = Instant.parse("2026-12-07T21:00:00Z");

    @Test
    void tenInAWindowBlockTheKeyUntilItHasPassedAndNoOtherKey() {
        Allowance guesses = new DeviceAllowances().guesses();
        for (int i = 0; i < guesses.most(); i++) {
            assertTrue(guesses.blocked("ada", NOW.plusSeconds(i)).isEmpty(), "miss " + i);
            guesses.count("ada", NOW.plusSeconds(i));
        }
        assertEquals(Optional.of(Duration.ofMinutes(15).minusSeconds(60)), guesses.blocked("ada", NOW.plusSeconds(60)));
        assertTrue(guesses.blocked("grace", NOW.plusSeconds(60)).isEmpty(), "another member enters codes as before");
        assertTrue(guesses.blocked("ada", NOW.plus(guesses.window())).isEmpty(), "the window has passed");
        guesses.count("ada", NOW.plus(guesses.window()));
        assertTrue(guesses.blocked("ada", NOW.plus(guesses.window()).plusSeconds(1)).isEmpty(),
                "a new window counts from its first");
        assertEquals(Duration.ofMinutes(10), new DeviceAllowances().starts().window());
    }
}
