package org.parley.web.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.logging.Logger;

/**
 * Writes to one socket, one frame at a time, from a bounded queue. A session whose peer does
 * not keep up is closed (1013) when its queue is full, so a slow socket never holds up anybody
 * else. An outbox starts held: frames wait until {@link #open(String)} sends the first one.
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Session session;
    private final int limit;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean held = true;
    private boolean sending;
    private boolean closed;
    /** Set by {@link #finish}: the socket closes so once the queue is empty. */
    private CloseReason closing;

    public Outbox(Session session, int limit) {
        this.session = session;
        this.limit = limit;
    }

    /** Sends {@code first} ahead of everything queued meanwhile, then everything else. */
    public void open(String first) {
        synchronized (this) {
            held = false;
            queue.addFirst(first);
        }
        next();
    }

    public void send(String frame) {
        boolean overflow;
        synchronized (this) {
            if (closed || closing != null) {
                return;
            }
            overflow = queue.size() >= limit;
            if (!overflow) {
                queue.addLast(frame);
                if (held || sending) {
                    return;
                }
            }
        }
        if (overflow) {
            LOG.warning(() -> "Closed a socket that could not keep up (" + limit + " frames waiting)");
            close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow"));
            return;
        }
        next();
    }

    private void next() {
        String frame;
        CloseReason finished = null;
        synchronized (this) {
            if (sending || held || closed) {
                return;
            }
            frame = queue.pollFirst();
            if (frame == null) {
                finished = closing;
            } else {
                sending = true;
            }
        }
        if (frame == null) {
            if (finished != null) {
                close(finished);
            }
            return;
        }
        try {
            session.getAsyncRemote().sendText(frame, result -> {
                synchronized (this) {
                    sending = false;
                    if (!result.isOK()) {
                        closed = true;
                        queue.clear();
                    }
                }
                next();
            });
        } catch (RuntimeException e) {
            synchronized (this) {
                sending = false;
                closed = true;
                queue.clear();
            }
        }
    }

    /** A WebSocket ping: the peer's pong keeps the socket from idling out; a dead peer is found. */
    public void ping() {
        try {
            if (session.isOpen()) {
                session.getAsyncRemote().sendPing(java.nio.ByteBuffer.allocate(0));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.fine(() -> "A ping could not be sent: " + e);
        }
    }

    /** Closes the socket; frames still queued are dropped. */
    public void close(CloseReason reason) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.fine(() -> "Closing a socket failed: " + e);
        }
    }

    /**
     * Sends {@code last} after every frame queued before it, then closes; nothing sent later goes
     * out. For an ending that must not overtake what the peer was already told.
     */
    public void finish(String last, CloseReason reason) {
        synchronized (this) {
            if (closed || closing != null) {
                return;
            }
            queue.addLast(last);
            closing = reason;
        }
        next();
    }

    /** Sends {@code last} and then closes: for refusals, after which nothing else goes out. */
    public void sendAndClose(String last, CloseReason reason) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        try {
            session.getBasicRemote().sendText(last);
        } catch (IOException | IllegalStateException e) {
            LOG.fine(() -> "A last frame could not be sent: " + e);
        }
        close(reason);
    }

    public Session session() {
        return session;
    }
}
