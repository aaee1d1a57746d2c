package org.parley.presence.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.presence.control.PresenceTable;
import org.parley.presence.entity.Presence;
import org.parley.presence.entity.PresenceChanged;
import org.parley.presence.entity.PresenceStatus;

/**
 * Who is online: every member's connected clients and each client's status, in memory only.
 * Reads take no lock; every change that others can see fires {@link PresenceChanged}
 * (synchronously, so sockets observing it are told before the call returns). A member whose
 * last client left turns Offline after {@code parley.presence.grace}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PresenceRegistry {

    private static final Logger LOG = Logger.getLogger(PresenceRegistry.class.getName());

    /**
     * Personal messages are saved and shown under one of these, chosen by the member: one member's clients take
     * turns (a rare event, a short transaction), other members rarely share one.
     */
    private static final Object[] PERSONAL_MESSAGES = new Object[64];

    static {
        Arrays.setAll(PERSONAL_MESSAGES, i -> new Object());
    }

    @Inject
    @ConfigProperty(name = "parley.presence.grace", defaultValue = "PT30S")
    Duration grace;

    @Inject
    Event<PresenceChanged> changes;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private PresenceTable table;
    private ScheduledFuture<?> sweeper;

    @PostConstruct
    void start() {
        table = new PresenceTable(grace);
        sweeper = scheduler.scheduleWithFixedDelay(this::expire, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweeper.cancel(false);
    }

    public Presence presenceOf(String username) {
        return table.presenceOf(username);
    }

    /** Whether a live client of this member receives messages now (connected, not appearing offline). */
    public boolean reachable(String username) {
        return table.reachable(username);
    }

    public void connect(String username, String clientId, PresenceStatus initial, String savedPersonalMessage) {
        announce(table.connect(username, clientId, initial, savedPersonalMessage));
    }

    /** A client sets its status (Offline = appear offline). */
    public void update(@NotBlank String username, @NotBlank String clientId, @NotNull PresenceStatus status) {
        announce(table.update(username, clientId, status, null, false));
    }

    /**
     * A client sets its status and the member's personal message, which {@code save} stores first (with the member's
     * settings, so the next client and the next start begin with it); then it is shown. One member's clients take
     * turns here, under one of {@link #PERSONAL_MESSAGES}: what stays saved is what was shown last. Saving is the
     * caller's (the member's settings belong to the account component), so presence depends on no other component.
     */
    public void update(@NotBlank String username, @NotBlank String clientId, @NotNull PresenceStatus status,
                       @NotNull String personalMessage, @NotNull Consumer<String> save) {
        synchronized (PERSONAL_MESSAGES[Math.floorMod(username.hashCode(), PERSONAL_MESSAGES.length)]) {
            save.accept(personalMessage);
            announce(table.update(username, clientId, status, personalMessage, true));
        }
    }

    public void disconnect(String username, String clientId) {
        announce(table.disconnect(username, clientId, clock.instant()));
    }

    /**
     * Runs every second on the container's scheduler, which stops a periodic task for good once it throws: a
     * change whose observers fail is logged and the others are still told, so one failure cannot leave every
     * member who leaves from then on Online.
     */
    void expire() {
        for (PresenceChanged change : table.expire(clock.instant())) {
            try {
                changes.fire(change);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not tell everyone that " + change.username() + " went offline after the "
                        + "grace period; pages and chats that were not told show them as before until their next change", e);
            }
        }
    }

    private void announce(Optional<PresenceChanged> change) {
        change.ifPresent(changes::fire);
    }
}
