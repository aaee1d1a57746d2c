package org.parley.web.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.parley.web.i18n.Markets;

/**
 * Live presence for directory pages ({@code /ws/presence[?mkt]}): the page says which members it
 * shows ({@code watch {ids:[…]}}, at most 200), and hears {@code presence {id,status,statusText}}
 * for each at once and whenever it changes. Members not visible on the web answer
 * {@code presence {id, found:false}}, as the Presence API's 404 does, and so does a member the moment
 * they stop being visible (see {@link SocketSessions#watchPresence}). Nothing else is accepted.
 * An address holds only so many of these sockets open, and its {@code watch} frames share one
 * allowance ({@link SocketLimits}).
 */
@ServerEndpoint(value = "/ws/presence", configurator = Handshake.Pages.class)
public class PresenceSocket extends FrameEndpoint {

    static final int MAX_WATCHED = 200;

    private static final Logger LOG = Logger.getLogger(PresenceSocket.class.getName());

    private final SocketSessions sessions;
    private final SocketLimits limits;
    private final int sendQueue;

    /** Whether this socket counts against its address's open directory-page sockets. */
    private final AtomicBoolean counted = new AtomicBoolean();
    private String address;
    private Locale culture;

    PresenceSocket(SocketEndpoints with) {
        sessions = with.sessions;
        limits = with.limits;
        sendQueue = with.sendQueue;
    }

    @OnOpen
    public void open(Session session) {
        outbox = new Outbox(session, Math.max(sendQueue, 2 * MAX_WATCHED));
        address = Handshake.Facts.of(session).peer();
        sessions.opened(outbox, SocketKind.PRESENCE, address);
        if (!limits.admitPage(address)) {
            LOG.info(() -> "Refused a directory page socket from " + address
                    + ": the address has as many open as parley.limits.presence-sockets-per-address allows");
            outbox.sendAndClose(Frames.rateLimited("Too many pages with live presence are open from your address; "
                    + "close some first.", ControlSocket.SOCKETS_RETRY_AFTER_SECONDS, null),
                    new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many sockets"));
            return;
        }
        counted.set(true);
        culture = Markets.resolve(ControlSocket.first(session, "mkt"));
        outbox.open(Frames.type("ready").add("max", MAX_WATCHED).build().toString());
    }

    @OnMessage(maxMessageSize = Frames.MAX_FRAME)
    public void receive(String text) {
        if (counted.get()) {
            dispatch(text);
        }
    }

    @Override
    protected void handle(Frames.Incoming frame) {
        if (!"watch".equals(frame.type())) {
            throw unknownType(frame);
        }
        limits.countWatch(address);
        List<String> ids = frame.texts("ids", MAX_WATCHED);
        sessions.watchPresence(outbox, ids, culture);
        if (frame.id() != null) {
            outbox.send(Frames.ack(frame.id()));
        }
    }

    @OnClose
    public void close(Session session) {
        leave();
    }

    @OnError
    public void failed(Session session, Throwable error) {
        leave();
    }

    private void leave() {
        sessions.closed(outbox);
        sessions.unwatchPresence(outbox);
        if (counted.compareAndSet(true, false)) {
            limits.releasePage(address);
        }
    }
}
