package org.parley.monitoring.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import org.parley.account.entity.Role;
import org.parley.messaging.boundary.Conversations;
import org.parley.monitoring.entity.DisconnectRequested;
import org.parley.monitoring.entity.Figures;
import org.parley.storage.boundary.Storage;

/**
 * What administrators watch and do on the running server: the dashboard's figures (open
 * conversations, messages per minute, database health), all from memory but the database probe,
 * and ending a live socket, which is audited. The sockets themselves live in the web module, which
 * lists them from its own registry and closes one when {@link DisconnectRequested} is committed.
 */
@Stateless
public class Operations {

    private static final Logger LOG = Logger.getLogger(Operations.class.getName());

    @EJB
    Conversations conversations;

    @EJB
    Storage storage;

    @Inject
    Event<DisconnectRequested> disconnects;

    @Resource
    SessionContext context;

    @RolesAllowed(Role.ADMIN_GROUP)
    public Figures figures() {
        long started = System.nanoTime();
        boolean reachable = storage.answers();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Figures(conversations.openCount(), LongStream.of(conversations.messagesLastHour()).boxed().toList(),
                Instant.ofEpochMilli(conversations.currentMinuteStart()), new Figures.Database(reachable, millis));
    }

    /** Ends a live socket: audited now, closed once that is committed. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public void disconnect(@NotBlank(message = "Name the socket.") @Size(max = 100) String socketId, String member,
                           @NotBlank(message = "Say which socket it is.") @Size(max = 200) String description,
                           @NotBlank(message = "The caller's address is required.") String address) {
        String actor = context.getCallerPrincipal().getName();
        disconnects.fire(new DisconnectRequested(socketId, member, description, actor, address));
        LOG.info(() -> "Admin '" + actor + "' disconnected " + description);
    }
}
