package org.parley.web.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.messaging.control.RateLimiter;
import org.parley.messaging.control.TextNormalizer;
import org.parley.messaging.entity.MessagingRefusedException;

/**
 * What every socket endpoint does with a client frame: decode it, hand it to the endpoint, and
 * answer whatever is refused with the matching {@code error} frame. Bad frames, {@code bad_frame}
 * (binary ones too: the protocol is JSON text), {@code unknown_type} and {@code invalid}, are
 * counted; 10 within 10 s close the socket (1008). The socket stays open after any other
 * refusal: {@code forbidden}, {@code not_found} and the like answer a well-formed frame that
 * came at the wrong moment, which a correct client can send, so they never count as abuse.
 * <p>
 * Public so that its {@code @OnMessage} methods are the endpoints' own: for a package-private
 * superclass javac adds bridge methods to the subclass, and Tyrus skips bridges.
 */
public abstract class FrameEndpoint {

    private static final Logger LOG = Logger.getLogger(FrameEndpoint.class.getName());
    /** The refusals that count towards closing the socket (docs/protocol.md, "Both endpoints"). */
    static final Set<String> COUNTED = Set.of("bad_frame", "unknown_type", MessagingRefusedException.INVALID);

    private final FrameErrors errors = new FrameErrors(Clock.systemUTC());
    protected Outbox outbox;

    /** Acts on one decoded frame; throws {@link FrameException} or {@link MessagingRefusedException} to refuse it. */
    protected abstract void handle(Frames.Incoming frame);

    protected void dispatch(String text) {
        outbox.heard(System.nanoTime());
        String ref = null;
        try {
            Frames.Incoming frame = Frames.read(text);
            ref = frame.id();
            handle(frame);
        } catch (FrameException e) {
            if (COUNTED.contains(e.code())) {
                refuse(e.toFrame());
            } else {
                outbox.send(e.toFrame());
            }
        } catch (MessagingRefusedException e) {
            switch (e.code()) {
                case MessagingRefusedException.RATE_LIMITED -> outbox.send(
                        Frames.rateLimited(e.getMessage(), RateLimiter.retryAfterSeconds(e.retryAfter()), ref));
                case MessagingRefusedException.INVALID -> refuse(Frames.error(e.code(), e.getMessage(), ref));
                default -> outbox.send(Frames.error(e.code(), e.getMessage(), ref));
            }
        } catch (RuntimeException e) {
            // a fault of Parley's, not of the frame: the peer hears of it and the socket goes on
            LOG.log(Level.WARNING, "A frame on " + outbox.session().getRequestURI().getPath()
                    + " could not be handled; the socket goes on", e);
            outbox.send(Frames.error("server_error", "Parley could not take this frame; try again.", ref));
        }
    }

    /** A pong, the answer to the server's ping: the peer is alive. */
    @OnMessage
    public void pong(PongMessage pong) {
        if (outbox != null) {
            outbox.heard(System.nanoTime());
        }
    }

    /** A binary frame: the protocol has none, so it is a bad frame like any text that is not one. */
    @OnMessage(maxMessageSize = Frames.MAX_FRAME)
    public void receiveBinary(ByteBuffer data) {
        if (outbox != null) {
            outbox.heard(System.nanoTime());
            refuse(Frames.error("bad_frame", "Frames are JSON text; binary frames are not taken.", null));
        }
    }

    protected static FrameException unknownType(Frames.Incoming frame) {
        return new FrameException("unknown_type", "Unknown frame type: "
                + TextNormalizer.nickname(frame.type()).orElse("?") + ".", frame.id());
    }

    private void refuse(String errorFrame) {
        outbox.send(errorFrame);
        if (errors.tooMany()) {
            outbox.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "too many bad frames"));
        }
    }
}
