package org.parley.consent.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceAuthorizationTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private final DeviceAuthorization device = new DeviceAuthorization("hash", "BCDF-GHJK", "parley-desktop", "presence",
            NOW.plus(Duration.ofMinutes(10)), Duration.ofSeconds(5));

    @Test
    void slowDownRaisesTheIntervalByFiveSecondsForEveryLaterPoll() {
        assertFalse(device.polledTooSoon(NOW), "the first poll is never too soon");
        assertTrue(device.polledTooSoon(NOW.plusSeconds(1)));
        assertEquals(Duration.ofSeconds(10), device.getPollInterval());
        assertTrue(device.polledTooSoon(NOW.plusSeconds(7)), "the old interval is not enough any more");
        assertEquals(Duration.ofSeconds(15), device.getPollInterval());
        assertFalse(device.polledTooSoon(NOW.plusSeconds(22)), "polling at the raised interval is fine");
        assertEquals(Duration.ofSeconds(15), device.getPollInterval(), "and keeps the interval");
    }
}
