package org.parley.web.socket;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.messaging.control.RateLimiter;
import org.parley.messaging.entity.MessagingRefusedException;

/**
 * What one address may hold open and do on the sockets anybody may open, whichever socket it
 * uses: visitor sockets ({@code /ws/control}, {@code parley.limits.sockets-per-address}) and
 * directory-page sockets ({@code /ws/presence}, {@code parley.limits.presence-sockets-per-address}),
 * counted apart, so that pages full of presence badges never keep an address from chatting, nor
 * its chats from seeing badges; and {@code watch} frames, one allowance per address shared by all
 * its pages, so a new socket brings no fresh burst. Idle allowances are forgotten once many
 * addresses are tracked.
 */
@ApplicationScoped
public class SocketLimits {

    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    @Inject
    @ConfigProperty(name = "parley.limits.sockets-per-address", defaultValue = "50")
    int visitorSocketsPerAddress;

    @Inject
    @ConfigProperty(name = "parley.limits.presence-sockets-per-address", defaultValue = "50")
    int pageSocketsPerAddress;

    @Inject
    @ConfigProperty(name = "parley.limits.presence-watches-per-second", defaultValue = "2")
    double watchesPerSecond;

    @Inject
    @ConfigProperty(name = "parley.limits.presence-watch-burst", defaultValue = "50")
    int watchBurst;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** How many visitor sockets each address holds open. */
    private final Map<String, Integer> visitorSockets = new ConcurrentHashMap<>();
    /** How many directory-page sockets each address holds open. */
    private final Map<String, Integer> pageSockets = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> watches = new ConcurrentHashMap<>();
    private final Clock clock;
    private ScheduledFuture<?> sweeper;

    public SocketLimits() {
        this(Clock.systemUTC());
    }

    SocketLimits(Clock clock) {
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        if (visitorSocketsPerAddress < 1 || pageSocketsPerAddress < 1) {
            throw new IllegalArgumentException("parley.limits.sockets-per-address and "
                    + "parley.limits.presence-sockets-per-address must be at least 1");
        }
        if (!(watchesPerSecond > 0) || watchBurst < 1) {
            throw new IllegalArgumentException("parley.limits.presence-watches-per-second must be above 0 "
                    + "and parley.limits.presence-watch-burst at least 1");
        }
        sweeper = scheduler.scheduleWithFixedDelay(this::sweep, 10, 10, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweeper.cancel(false);
    }

    /**
     * Counts a new visitor socket against its address; false (and not counted) when the address
     * holds {@code parley.limits.sockets-per-address} open already.
     */
    public boolean admitVisitor(String address) {
        return admit(visitorSockets, address, visitorSocketsPerAddress);
    }

    /** A visitor socket that {@link #admitVisitor} counted has closed. */
    public void releaseVisitor(String address) {
        release(visitorSockets, address);
    }

    /**
     * Counts a new directory-page socket against its address; false (and not counted) when the
     * address holds {@code parley.limits.presence-sockets-per-address} open already.
     */
    public boolean admitPage(String address) {
        return admit(pageSockets, address, pageSocketsPerAddress);
    }

    /** A directory-page socket that {@link #admitPage} counted has closed. */
    public void releasePage(String address) {
        release(pageSockets, address);
    }

    /** Counts a {@code watch} frame against its address's allowance; refused ({@code rate_limited}) beyond it. */
    public void countWatch(String address) {
        Duration wait = watches.computeIfAbsent(address, a -> new RateLimiter(watchesPerSecond, watchBurst, clock))
                .tryAcquire();
        if (!wait.isZero()) {
            throw MessagingRefusedException.rateLimited("Your pages change what they watch too often; wait a moment.", wait);
        }
    }

    void sweep() {
        if (watches.size() > MAX_TRACKED_ADDRESSES) {
            watches.values().removeIf(RateLimiter::idle);
        }
    }

    private static boolean admit(Map<String, Integer> sockets, String address, int max) {
        boolean[] admitted = new boolean[1];
        sockets.compute(address, (a, open) -> {
            int count = open == null ? 0 : open;
            admitted[0] = count < max;
            return admitted[0] ? count + 1 : open;
        });
        return admitted[0];
    }

    private static void release(Map<String, Integer> sockets, String address) {
        sockets.computeIfPresent(address, (a, open) -> open > 1 ? open - 1 : null);
    }
}
