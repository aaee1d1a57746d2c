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
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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

    public void update(String username, String clientId, PresenceStatus status, Optional<String> personalMessage) {
        announce(table.update(username, clientId, status, personalMessage.orElse(null), personalMessage.isPresent()));
    }

    public void disconnect(String username, String clientId) {
        announce(table.disconnect(username, clientId, clock.instant()));
    }

    void expire() {
        table.expire(clock.instant()).forEach(changes::fire);
    }

    private void announce(Optional<PresenceChanged> change) {
        change.ifPresent(changes::fire);
    }
}
