package org.parley.web.socket;

import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.web.i18n.Markets;

/**
 * Live presence for directory pages ({@code /ws/presence[?mkt]}): the page says which members it
 * shows ({@code watch {ids:[…]}}, at most 200), and hears {@code presence {id,status,statusText}}
 * for each at once and whenever it changes. Members not visible on the web answer
 * {@code presence {id, found:false}}, as the Presence API's 404 does, and so does a member the moment
 * they stop being visible (see {@link SocketSessions#watchPresence}). Nothing else is accepted.
 */
@ServerEndpoint(value = "/ws/presence", configurator = Handshake.Pages.class)
public class PresenceSocket extends FrameEndpoint {

    static final int MAX_WATCHED = 200;

    @Inject
    SocketSessions sessions;

    @Inject
    @ConfigProperty(name = "parley.socket.send-queue", defaultValue = "256")
    int sendQueue;

    private Locale culture;

    @OnOpen
    public void open(Session session) {
        outbox = new Outbox(session, Math.max(sendQueue, 2 * MAX_WATCHED));
        sessions.opened(outbox);
        culture = Markets.resolve(ControlSocket.first(session, "mkt"));
        outbox.open(Frames.type("ready").add("max", MAX_WATCHED).build().toString());
    }

    @OnMessage(maxMessageSize = Frames.MAX_FRAME)
    public void receive(String text) {
        dispatch(text);
    }

    @Override
    protected void handle(Frames.Incoming frame) {
        if (!"watch".equals(frame.type())) {
            throw unknownType(frame);
        }
        List<String> ids = frame.texts("ids");
        if (ids.size() > MAX_WATCHED) {
            throw frame.invalid("ids: at most " + MAX_WATCHED + " member ids.");
        }
        sessions.watchPresence(outbox, ids, culture);
        if (frame.id() != null) {
            outbox.send(Frames.ack(frame.id()));
        }
    }

    @OnClose
    public void close(Session session) {
        sessions.closed(outbox);
        sessions.unwatchPresence(outbox);
    }

    @OnError
    public void failed(Session session, Throwable error) {
        sessions.closed(outbox);
        sessions.unwatchPresence(outbox);
    }
}
