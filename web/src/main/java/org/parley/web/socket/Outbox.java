package org.parley.web.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes to one socket, one frame at a time, from a bounded queue. A session whose peer does
 * not keep up is closed (1013) when its queue is full, so a slow socket never holds up anybody
 * else. An outbox starts held: frames wait until {@link #open(String)} sends the first one.
 * Nothing a send throws reaches the caller or stops the queue: a frame the container cannot take
 * is dropped and logged, and a socket whose send failed on the way out is closed. Nothing here waits
 * for the peer: a socket whose write has been stuck for the write timeout is closed by the keep-alive sweep.
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Session session;
    private final int limit;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean held = true;
    private boolean sending;
    /** When the frame being sent was handed to the container ({@link System#nanoTime()}), while {@link #sending}. */
    private long sendingSince;
    private boolean closed;
    /** Set by {@link #finish}: the socket closes so once the queue is empty. */
    private CloseReason closing;
    /** When the peer was last heard from ({@link System#nanoTime()}): a frame or a pong. */
    private volatile long heardAt = System.nanoTime();

    public Outbox(Session session, int limit) {
        this.session = session;
        this.limit = limit;
    }

    /**
     * Sends {@code first} ahead of everything queued meanwhile, then everything else; nothing if the socket was
     * ended before it opened ({@link #sendAndClose}: the ending is the last thing its peer gets).
     */
    public void open(String first) {
        synchronized (this) {
            if (!held || closed) {
                return;
            }
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
        while (true) {
            String frame;
            CloseReason finished;
            synchronized (this) {
                if (sending || held || closed) {
                    return;
                }
                frame = queue.pollFirst();
                finished = frame == null ? closing : null;
                if (frame != null) {
                    sending = true;
                    sendingSince = System.nanoTime();
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
                    }
                    if (result.isOK()) {
                        next();
                    } else {
                        failed(result.getException());
                    }
                });
                return;
            } catch (Throwable e) {
                // the container could not even take the frame (Tyrus throws an Error for text it cannot encode):
                // this frame is lost, the socket and everything queued after it are not
                synchronized (this) {
                    sending = false;
                }
                if (!session.isOpen()) {
                    failed(e);
                    return;
                }
                LOG.log(Level.WARNING, "Dropped a frame that could not be sent to " + session.getRequestURI().getPath()
                        + " (" + e + "); the socket goes on", e);
            }
        }
    }

    /** A send that failed on the way out leaves the socket in doubt: it is closed, so its peer reconnects. */
    private void failed(Throwable cause) {
        LOG.fine(() -> "A frame could not be sent, closing the socket: " + cause);
        close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "a frame could not be sent"));
    }

    /** The peer sent a frame or a pong at {@code nanoTime}. */
    public void heard(long nanoTime) {
        heardAt = nanoTime;
    }

    /** When the peer was last heard from ({@link System#nanoTime()}). */
    public long heardAt() {
        return heardAt;
    }

    /**
     * Keeps a live socket alive and lets a dead one go: a socket whose peer was silent for
     * {@code idleNanos} (no frame, no pong) is closed (1001); so is one whose frame has been on its
     * way out for {@code writeNanos} (1011): its writes are stuck, and the peer, once it notices, reconnects and resumes
     * instead of waiting forever for frames that never come. Any other socket gets a frame, so that a proxy between
     * it and its peer sees it in use: a ping, which a live peer answers with a pong, once its peer has been silent
     * for {@code pingNanos}; before that an unsolicited pong, a heartbeat the peer does not answer (RFC 6455 §5.5.3).
     * One sweep over every socket does this, instead of an idle timer re-armed on every frame.
     */
    public void keepAlive(long nanoTime, long idleNanos, long pingNanos, long writeNanos) {
        long stuckFor;
        synchronized (this) {
            stuckFor = sending ? nanoTime - sendingSince : 0;
        }
        if (stuckFor >= writeNanos) {
            LOG.warning(() -> "Closed a socket of " + session.getRequestURI().getPath() + " whose frame had not gone out for "
                    + stuckFor / 1_000_000_000 + " s (its writes were stuck); its peer reconnects and resumes");
            close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "writes stuck"));
            return;
        }
        if (nanoTime - heardAt >= idleNanos) {
            LOG.fine(() -> "Closed a socket of " + session.getRequestURI().getPath() + " that was silent too long");
            close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "idle"));
            return;
        }
        try {
            if (!session.isOpen()) {
                return;
            }
            if (nanoTime - heardAt >= pingNanos) {
                session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            } else {
                session.getAsyncRemote().sendPong(ByteBuffer.allocate(0));
            }
        } catch (IOException e) {
            LOG.fine(() -> "A ping or heartbeat could not be sent: " + e);
        } catch (RuntimeException e) {
            // whatever one socket throws, the sweep goes on to the others (the scheduler drops a task that throws)
            unexpected("Pinging or sending a heartbeat to", e);
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
        } catch (IOException e) {
            LOG.fine(() -> "Closing a socket failed: " + e);
        } catch (RuntimeException e) {
            // a sweep or an event closing many sockets goes on to the others
            unexpected("Closing", e);
        }
    }

    /**
     * A socket that closed meanwhile refuses (Tyrus throws {@link IllegalStateException}): expected, and logged only
     * for debugging. An open one that throws is worth an admin's look.
     */
    private void unexpected(String doing, RuntimeException e) {
        if (session.isOpen()) {
            LOG.log(Level.WARNING, doing + " a socket of " + session.getRequestURI().getPath()
                    + " failed unexpectedly; the other sockets are not affected", e);
        } else {
            LOG.fine(() -> doing + " a socket that closed meanwhile failed: " + e);
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

    /**
     * Sends {@code last} and then closes: for refusals and endings, after which nothing else goes out. Frames still
     * queued are dropped; one already on its way goes first. It never waits for the peer (a blocking send to a peer
     * that stopped reading would hold the calling thread, a page request or the sweeps, for as long as the peer
     * pleases): if {@code last} cannot go out, the keep-alive sweep closes the socket once its writes have been stuck
     * for the write timeout.
     */
    public void sendAndClose(String last, CloseReason reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            queue.clear();
            queue.addLast(last);
            closing = reason;
            held = false;
        }
        next();
    }

    public Session session() {
        return session;
    }
}
