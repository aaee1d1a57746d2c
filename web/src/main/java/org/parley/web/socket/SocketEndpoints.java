package org.parley.web.socket;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.boundary.Members;
import org.parley.consent.boundary.VisitorTickets;
import org.parley.contact.boundary.ContactDirectory;
import org.parley.messaging.boundary.Conversations;
import org.parley.messaging.boundary.OfflineMessages;
import org.parley.presence.boundary.PresenceRegistry;
import org.parley.settings.control.CurrentSettings;
import org.parley.web.view.people.ProfilePasses;

/**
 * What Parley's socket endpoints are made with, resolved once: a new endpoint per connection
 * ({@link Handshake#getEndpointInstance}) takes its collaborators from here instead of having the
 * container inject each of them (for every handshake Payara would build the endpoint's injection
 * target anew, look each session bean up and read the configuration again).
 */
@ApplicationScoped
public class SocketEndpoints {

    @EJB
    Conversations conversations;

    @EJB
    MemberDirectory directory;

    @EJB
    Members members;

    @EJB
    PresenceRegistry presence;

    @EJB
    OfflineMessages offline;

    @EJB
    VisitorTickets tickets;

    @Inject
    ProfilePasses passes;

    @EJB
    ContactDirectory contacts;

    @Inject
    SocketSessions sessions;

    @Inject
    SocketLimits limits;

    @Inject
    CurrentSettings settings;

    /** How many frames wait for a slow peer before its socket is closed (docs/protocol.md). */
    @Inject
    @ConfigProperty(name = "parley.socket.send-queue", defaultValue = "256")
    int sendQueue;

    /** {@code parley.intranet.origins} as in effect now, for the handshake's origin check (a method: callers hold a client proxy). */
    Set<String> intranetOrigins() {
        return settings.now().intranetOrigins();
    }

    /** A new endpoint of this class, for one connection. */
    <T> T create(Class<T> endpoint) throws InstantiationException {
        Object created;
        if (endpoint == ControlSocket.class) {
            created = new ControlSocket(this);
        } else if (endpoint == ClientSocket.class) {
            created = new ClientSocket(this);
        } else if (endpoint == PresenceSocket.class) {
            created = new PresenceSocket(this);
        } else {
            throw new InstantiationException("Parley has no socket endpoint " + endpoint.getName());
        }
        return endpoint.cast(created);
    }
}
