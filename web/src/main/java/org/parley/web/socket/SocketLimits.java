package org.parley.web.socket;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.parley.messaging.control.RateLimiter;
import org.parley.messaging.entity.MessagingRefusedException;
import org.parley.settings.control.CurrentSettings;
import org.parley.settings.entity.Setting;
import org.parley.settings.entity.SettingsChanged;

/**
 * What one address may hold open and do on the sockets anybody may open, whichever socket it
 * uses: visitor sockets ({@code /ws/control}, {@code parley.limits.sockets-per-address}) and
 * directory-page sockets ({@code /ws/presence}, {@code parley.limits.presence-sockets-per-address}),
 * counted apart, so that pages full of presence badges never keep an address from chatting, nor
 * its chats from seeing badges; and {@code watch} frames, one allowance per address shared by all
 * its pages, so a new socket brings no fresh burst. And what one member may do over all their clients: how many they
 * have connected ({@link #clientsPerMember}); their requests whose work reaches beyond one conversation
 * ({@link #countMemberRequest}) and their messages ({@link #countMemberMessage}), an allowance each per member. The
 * limits are the settings in effect (Admin → Settings), read at each admission, so a change applies to the next
 * socket. Idle allowances are forgotten once many are tracked.
 */
@ApplicationScoped
public class SocketLimits {

    private static final int MAX_TRACKED = 10_000;

    @Inject
    CurrentSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** How many visitor sockets each address holds open. */
    private final Map<String, Integer> visitorSockets = new ConcurrentHashMap<>();
    /** How many directory-page sockets each address holds open. */
    private final Map<String, Integer> pageSockets = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> watches = new ConcurrentHashMap<>();
    /** Each member's allowance of requests, by username. */
    private final Map<String, RateLimiter> memberRequests = new ConcurrentHashMap<>();
    /** Each member's allowance of messages and typing signals, by username. */
    private final Map<String, RateLimiter> memberMessages = new ConcurrentHashMap<>();
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
        return admit(visitorSockets, address, settings.now().whole(Setting.SOCKETS_PER_ADDRESS));
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
        return admit(pageSockets, address, settings.now().whole(Setting.PRESENCE_SOCKETS_PER_ADDRESS));
    }

    /** A directory-page socket that {@link #admitPage} counted has closed. */
    public void releasePage(String address) {
        release(pageSockets, address);
    }

    /** How many clients one member may have connected at once ({@code parley.limits.clients-per-member}). */
    public int clientsPerMember() {
        return settings.now().whole(Setting.CLIENTS_PER_MEMBER);
    }

    /** Counts a {@code watch} frame against its address's allowance; refused ({@code rate_limited}) beyond it. */
    public void countWatch(String address) {
        Duration wait = watches.computeIfAbsent(address, a -> new RateLimiter(
                settings.now().decimal(Setting.PRESENCE_WATCHES_PER_SECOND), settings.now().whole(Setting.PRESENCE_WATCH_BURST),
                clock)).tryAcquire();
        if (!wait.isZero()) {
            throw MessagingRefusedException.rateLimited("Your pages change what they watch too often; wait a moment.", wait);
        }
    }

    /**
     * Counts a member's request whose work reaches beyond one conversation against their allowance, over all their
     * clients; refused ({@code rate_limited}) beyond it. Such are a change of status or personal message (written to
     * every socket showing the member), the contact list (the whole directory, built and sent again) and marking
     * offline messages read (a database query and update): a client asking in a loop would keep the server busy for
     * everybody, and fill its own send queue with answers.
     */
    public void countMemberRequest(String username) {
        count(memberRequests, username, Setting.MEMBER_REQUESTS_PER_SECOND, Setting.MEMBER_REQUEST_BURST,
                "Your clients ask too often; wait a moment.");
    }

    /**
     * Counts a member's message or typing signal against their allowance, over all their clients; refused
     * ({@code rate_limited}) beyond it. A visitor is held to their own limits; without this, one member's client
     * sending in a loop would keep the server busy for everybody (each message goes to the visitor and to every other
     * client of the member).
     */
    public void countMemberMessage(String username) {
        count(memberMessages, username, Setting.MEMBER_MESSAGES_PER_SECOND, Setting.MEMBER_MESSAGE_BURST,
                "You are sending messages too fast.");
    }

    private void count(Map<String, RateLimiter> allowances, String username, Setting perSecond, Setting burst,
                       String refusal) {
        Duration wait = allowances.computeIfAbsent(username, u -> new RateLimiter(
                settings.now().decimal(perSecond), settings.now().whole(burst), clock)).tryAcquire();
        if (!wait.isZero()) {
            throw MessagingRefusedException.rateLimited(refusal, wait);
        }
    }

    /** Once changed settings are in memory, the allowances under way take the new rate and burst. */
    void settingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                         @Priority(Interceptor.Priority.APPLICATION + 500) SettingsChanged change) {
        limit(watches, Setting.PRESENCE_WATCHES_PER_SECOND, Setting.PRESENCE_WATCH_BURST);
        limit(memberRequests, Setting.MEMBER_REQUESTS_PER_SECOND, Setting.MEMBER_REQUEST_BURST);
        limit(memberMessages, Setting.MEMBER_MESSAGES_PER_SECOND, Setting.MEMBER_MESSAGE_BURST);
    }

    private void limit(Map<String, RateLimiter> allowances, Setting perSecond, Setting burst) {
        double rate = settings.now().decimal(perSecond);
        int most = settings.now().whole(burst);
        allowances.values().forEach(limiter -> limiter.limit(rate, most));
    }

    void sweep() {
        for (Map<String, RateLimiter> allowances : List.of(watches, memberRequests, memberMessages)) {
            if (allowances.size() > MAX_TRACKED) {
                allowances.values().removeIf(RateLimiter::idle);
            }
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
