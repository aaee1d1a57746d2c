package org.parley.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User codes a member entered on {@code /device} that matched nothing: at most {@link #MOST} in {@link #WINDOW}, enough
 * for typing mistakes and far too few to guess one of the codes waiting (RFC 8628 §5.1 asks the server to limit them;
 * a code has 8 of 20 letters, about 34.5 bits). Counted per member, in memory: a restart forgets the counts.
 */
@ApplicationScoped
public class UserCodeGuesses {

    /** Codes matching nothing a member may enter in {@link #WINDOW}. */
    public static final int MOST = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Members counted at most; past it, those whose window has passed are forgotten. */
    private static final int MOST_MEMBERS = 10_000;

    /** A member's misses in the window that began at {@code since}. */
    private record Misses(Instant since, int count) {
    }

    private final Map<String, Misses> misses = new ConcurrentHashMap<>();

    /** How long until {@code member} may enter a code again, if they may not now. */
    public Optional<Duration> blocked(String member, Instant now) {
        Misses seen = misses.get(member);
        if (seen == null || seen.count() < MOST || !now.isBefore(seen.since().plus(WINDOW))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, seen.since().plus(WINDOW)));
    }

    /** {@code member} entered a code that matched nothing. */
    public void missed(String member, Instant now) {
        misses.compute(member, (m, seen) -> seen == null || !now.isBefore(seen.since().plus(WINDOW))
                ? new Misses(now, 1) : new Misses(seen.since(), seen.count() + 1));
        if (misses.size() > MOST_MEMBERS) {
            misses.values().removeIf(seen -> !now.isBefore(seen.since().plus(WINDOW)));
        }
    }
}
