package org.parley.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.LogCapture;
import org.parley.testing.MutableClock;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(5, Duration.ofMinutes(5), Duration.ofSeconds(30), clock);
    private LogCapture log;

    @BeforeEach
    void captureLog() {
        log = LogCapture.of(SignInThrottle.class);
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    @Test
    void fourFailuresAreForgiven() {
        fail("ada", "10.0.0.1", 4);
        assertEquals(Optional.empty(), throttle.waitFor("ada", "10.0.0.1"));
    }

    @Test
    void theFifthFailureSlowsTheAccountDownAndTheLogSaysSo() {
        fail("ada", "10.0.0.1", 5);

        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.waitFor("ada", "10.0.0.2"), "from any address");
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("Sign-in for account 'ada' is slowed down: 5 failed attempts")), log.lines().toString());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), throttle.waitFor("ada", "10.0.0.2"), "the wait is over");
    }

    @Test
    void theFifthFailureFromOneAddressSlowsThatAddressDownForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess" + i, "10.0.0.9");
        }
        assertTrue(throttle.waitFor("somebody-else", "10.0.0.9").isPresent());
        assertEquals(Optional.empty(), throttle.waitFor("somebody-else", "10.0.0.10"));
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("Sign-in for address 10.0.0.9 is slowed down")), log.lines().toString());
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheWindow() {
        fail("ada", "10.0.0.1", 6);
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.waitFor("ada", "10.0.0.1"));
        fail("ada", "10.0.0.1", 10);
        assertEquals(Optional.of(Duration.ofMinutes(5)), throttle.waitFor("ada", "10.0.0.1"));
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        fail("ada", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        fail("ada", "10.0.0.1", 1);
        assertEquals(Optional.empty(), throttle.waitFor("ada", "10.0.0.1"));
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        fail("ada", "10.0.0.1", 4);
        throttle.succeeded("ada");
        throttle.failed("ada", "10.0.0.2");
        assertEquals(Optional.empty(), throttle.waitFor("ada", "10.0.0.2"));
    }

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }

    @Test
    void refusalsWhileSlowedDownAreReportedAtOnceThenOnceAMinuteWithHowManyPerAddress() {
        assertEquals(1, throttle.refusedWhileSlowed("10.0.0.9"), "the first at once");
        for (int i = 0; i < 40; i++) {
            assertEquals(0, throttle.refusedWhileSlowed("10.0.0.9"), "not again within the minute");
        }
        assertEquals(1, throttle.refusedWhileSlowed("10.0.0.10"), "another address on its own");
        clock.advance(SignInThrottle.REPORT_EVERY);
        assertEquals(41, throttle.refusedWhileSlowed("10.0.0.9"), "a minute on: the forty held back and this one");
        assertEquals(0, throttle.refusedWhileSlowed("10.0.0.9"));
    }
}
