package org.parley.web.socket;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * Sets up the container's WebSocket engine once, before any socket opens: a message sent in parts is gathered up to
 * {@link Frames#MAX_FRAME}, as a whole one may be; Tyrus's sessions get
 * {@link SocketTimers} in front of the managed scheduler. Tyrus offers no setting for it, so the
 * container's field is replaced (it is read by each new session). On a container where that field
 * is not found, Parley says so once and works as before, only slower. A peer gone while frames waited for it is not
 * reported as a server problem ({@link PeerGoneReports}).
 */
@WebListener
public class SocketContainer implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SocketContainer.class.getName());
    /** The field of Tyrus's {@code BaseContainer} that holds the scheduler its sessions use. */
    static final String SCHEDULER_FIELD = "managedScheduledExecutorService";

    private PeerGoneReports peerGoneReports;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        peerGoneReports = PeerGoneReports.install();
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container == null) {
            LOG.warning("No WebSocket container found; Parley's sockets will not work");
            return;
        }
        if (container instanceof ServerContainer server) {
            // a message in parts is gathered up to this size, then its socket is closed (1009); the container gathers
            // up to 2 GiB by default: a peer that sent parts without end filled the heap
            server.setDefaultMaxTextMessageBufferSize(Frames.MAX_FRAME);
            server.setDefaultMaxBinaryMessageBufferSize(Frames.MAX_FRAME);
        }
        if (!install(container)) {
            LOG.warning(() -> "The WebSocket container (" + container.getClass().getName() + ") has no scheduler field '"
                    + SCHEDULER_FIELD + "': every frame schedules a timer task on the managed scheduler, which makes "
                    + "the relay several times slower (see DESIGN.md)");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (peerGoneReports != null) {
            peerGoneReports.remove();
        }
    }

    /** Puts {@link SocketTimers} in front of the container's scheduler; false if the container has no such field. */
    static boolean install(Object container) {
        for (Class<?> type = container.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(SCHEDULER_FIELD);
                if (!ScheduledExecutorService.class.isAssignableFrom(field.getType())) {
                    return false;
                }
                field.setAccessible(true);
                Object managed = field.get(container);
                if (managed instanceof SocketTimers) {
                    return true;
                }
                if (managed == null) {
                    return false; // Tyrus then uses a plain scheduler of its own, which costs little
                }
                field.set(container, new SocketTimers((ScheduledExecutorService) managed));
                LOG.fine("WebSocket sessions run their zero-delay timer tasks at once");
                return true;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.fine(() -> "The WebSocket container's scheduler cannot be replaced: " + e);
                return false;
            }
        }
        return false;
    }
}
