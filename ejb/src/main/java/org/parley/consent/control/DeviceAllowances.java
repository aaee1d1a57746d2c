package org.parley.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * What the device grant lets anyone do, and how often (RFC 8628 §5.1, §5.2):
 * <ul>
 * <li>{@link #guesses}: user codes a member enters on {@code /device} that match nothing, 10 in 15 minutes per member:
 * enough for typing mistakes, far too few to guess one of the codes waiting (8 of 20 letters, about 34.5 bits);</li>
 * <li>{@link #starts}: device sign-ins started from one address, 30 in 10 minutes: a desktop client starts one per
 * sign-in, and a few people may sign in from one machine or behind one address. Anyone could start them without end, each a row kept for the code's lifetime (found by attacking from
 * outside: 232,000 in minutes, and the database file grew by gigabytes);</li>
 * <li>{@link #MOST_PENDING}: device sign-ins waiting at once, from everyone.</li>
 * </ul>
 */
@ApplicationScoped
public class DeviceAllowances {

    /** Device sign-ins that may wait at once; past it a new one is refused until some are done or expire. */
    public static final int MOST_PENDING = 10_000;

    private final Allowance guesses = new Allowance(10, Duration.ofMinutes(15));
    private final Allowance starts = new Allowance(30, Duration.ofMinutes(10));

    public Allowance guesses() {
        return guesses;
    }

    public Allowance starts() {
        return starts;
    }
}
