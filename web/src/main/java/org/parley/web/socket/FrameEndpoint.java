package org.parley.web.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import java.nio.ByteBuffer;
import java.time.Clock;
import org.parley.messaging.control.RateLimiter;
import org.parley.messaging.control.TextNormalizer;
import org.parley.messaging.entity.MessagingRefusedException;

/**
 * What every socket endpoint does with a client frame: decode it, hand it to the endpoint, and
 * answer whatever is refused with the matching {@code error} frame. Bad frames (binary ones
 * too: the protocol is JSON text) are counted; 10 within 10 s close the socket (1008). The
 * socket stays open after any other refusal.
 * <p>
 * Public so that its {@code @OnMessage} methods are the endpoints' own: for a package-private
 * superclass javac adds bridge methods to the subclass, and Tyrus skips bridges.
 */
public abstract class FrameEndpoint {

    private final FrameErrors errors = new FrameErrors(Clock.systemUTC());
    protected Outbox outbox;

    /** Acts on one decoded frame; throws {@link FrameException} or {@link MessagingRefusedException} to refuse it. */
    protected abstract void handle(Frames.Incoming frame);

    protected void dispatch(String text) {
        String ref = null;
        try {
            Frames.Incoming frame = Frames.read(text);
            ref = frame.id();
            handle(frame);
        } catch (FrameException e) {
            refuse(e.toFrame());
        } catch (MessagingRefusedException e) {
            switch (e.code()) {
                case MessagingRefusedException.RATE_LIMITED -> outbox.send(
                        Frames.rateLimited(e.getMessage(), RateLimiter.retryAfterSeconds(e.retryAfter()), ref));
                case MessagingRefusedException.INVALID -> refuse(Frames.error(e.code(), e.getMessage(), ref));
                default -> outbox.send(Frames.error(e.code(), e.getMessage(), ref));
            }
        }
    }

    /** A binary frame: the protocol has none, so it is a bad frame like any text that is not one. */
    @OnMessage(maxMessageSize = Frames.MAX_FRAME)
    public void receiveBinary(ByteBuffer data) {
        if (outbox != null) {
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
