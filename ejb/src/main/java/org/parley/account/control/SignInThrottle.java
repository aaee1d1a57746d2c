package org.parley.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down guessing: after {@code parley.signin.max-failures} failed sign-ins within
 * {@code parley.signin.failure-window} for one account name, or from one address, further
 * attempts for it must wait {@code parley.signin.delay}, doubling with every further failure
 * (at most the window). Unknown account names are counted like known ones, so the throttle
 * tells nobody which accounts exist. State is in memory: a restart forgets it.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());
    private static final int MAX_TRACKED = 10_000;

    private int maxFailures;
    private Duration window;
    private Duration delay;
    private Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    /** Refusals while slowed down are reported (audited, logged) at most this often per address. */
    static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    private RepeatedReports slowedRefusals;

    protected SignInThrottle() {
    }

    @Inject
    public SignInThrottle(@ConfigProperty(name = "parley.signin.max-failures", defaultValue = "5") int maxFailures,
                          @ConfigProperty(name = "parley.signin.failure-window", defaultValue = "PT5M") Duration window,
                          @ConfigProperty(name = "parley.signin.delay", defaultValue = "PT30S") Duration delay) {
        this(maxFailures, window, delay, Clock.systemUTC());
    }

    SignInThrottle(int maxFailures, Duration window, Duration delay, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.delay = delay;
        this.clock = clock;
        this.slowedRefusals = new RepeatedReports(REPORT_EVERY, clock);
    }

    /** How long a sign-in for this account from this address must still wait; empty when it may go ahead. */
    public Optional<Duration> waitFor(String account, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitOf(accountKey(account), now), waitOf(addressKey(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * Counts a sign-in refused from {@code address} because it was slowed down, and answers how many such refusals to
     * report now (audit and log): the first at once, then at most once a {@link #REPORT_EVERY} with how many came since,
     * 0 in between. Anyone can keep trying while slowed down, dozens of times a second; each try wrote an audit row
     * (kept for a year) and a log line (found by attacking from outside: 3,700 rows in two minutes).
     */
    public long refusedWhileSlowed(String address) {
        return slowedRefusals.count(address);
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.idleSince(now.minus(window)));
        }
        record(accountKey(account), "account '" + LogText.typed(account) + "'", address, now);
        record(addressKey(address), "address " + address, address, now);
    }

    public void succeeded(String account) {
        failures.remove(accountKey(account));
    }

    private void record(String key, String what, String address, Instant now) {
        Failures f = failures.computeIfAbsent(key, k -> new Failures());
        int count = f.add(now, window, maxFailures, delay);
        if (count == maxFailures) {
            LOG.warning(() -> "Sign-in for " + what + " is slowed down: " + count + " failed attempts within "
                    + window.toMinutes() + " min (last from " + address + "); next attempt allowed in "
                    + delay.toSeconds() + " s.");
        }
    }

    private Duration waitOf(String key, Instant now) {
        Failures f = failures.get(key);
        return f == null ? Duration.ZERO : f.waitAt(now);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String accountKey(String account) {
        return "account:" + account;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static final class Failures {
        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant blockedUntil = Instant.MIN;

        synchronized int add(Instant now, Duration window, int maxFailures, Duration delay) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.removeFirst();
            }
            times.addLast(now);
            int count = times.size();
            if (count >= maxFailures) {
                long factor = 1L << Math.min(count - maxFailures, 20);
                Duration wait = delay.multipliedBy(factor);
                blockedUntil = now.plus(wait.compareTo(window) > 0 ? window : wait);
            }
            return count;
        }

        synchronized Duration waitAt(Instant now) {
            return now.isBefore(blockedUntil) ? Duration.between(now, blockedUntil) : Duration.ZERO;
        }

        synchronized boolean idleSince(Instant cutoff) {
            return (times.isEmpty() || !times.peekLast().isAfter(cutoff)) && !blockedUntil.isAfter(cutoff);
        }
    }
}
