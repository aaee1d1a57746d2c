package org.parley.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserCodeGuessesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T21:00:00Z");

    @Test
    void tenMissesInAWindowBlockTheMemberUntilItHasPassedAndNoOneElse() {
        UserCodeGuesses guesses = new UserCodeGuesses();
        for (int i = 0; i < UserCodeGuesses.MOST; i++) {
            assertTrue(guesses.blocked("ada", NOW.plusSeconds(i)).isEmpty(), "miss " + i);
            guesses.missed("ada", NOW.plusSeconds(i));
        }
        assertEquals(Optional.of(Duration.ofMinutes(15).minusSeconds(60)), guesses.blocked("ada", NOW.plusSeconds(60)));
        assertTrue(guesses.blocked("grace", NOW.plusSeconds(60)).isEmpty(), "another member enters codes as before");
        assertTrue(guesses.blocked("ada", NOW.plus(UserCodeGuesses.WINDOW)).isEmpty(), "the window has passed");
        guesses.missed("ada", NOW.plus(UserCodeGuesses.WINDOW));
        assertTrue(guesses.blocked("ada", NOW.plus(UserCodeGuesses.WINDOW).plusSeconds(1)).isEmpty(),
                "a new window counts from its first miss");
    }
}
