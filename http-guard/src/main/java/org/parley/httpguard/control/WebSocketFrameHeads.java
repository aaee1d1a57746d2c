package org.parley.httpguard.control;

import java.nio.charset.StandardCharsets;

/**
 * Reads the head of each frame a WebSocket peer sends (RFC 6455 §5.2), across reads and without holding any payload,
 * for two rules the container's WebSocket engine does not keep:
 * <ul>
 * <li>a client's frames are masked (§5.1: the server closes the connection on one that is not, 1002);</li>
 * <li>a data frame carries at most {@link #MAX_DATA_FRAME} bytes, else its socket closes with 1009 as soon as its head
 * has come. The engine gathers a frame whole (up to 4 MB) before it looks at its length, so a peer that sent the head
 * of a huge frame and most of its payload, then nothing, held ~4 MB of heap per socket until the idle timeout (40 such
 * sockets: 168 MB). Parley takes frames of up to 16 KiB and closes larger ones itself (1009); this bound is four times
 * that, so its own rule stays the one a client meets first;</li>
 * <li>a peer sends at most {@link #PING_BURST} pings at once and one a second after that ({@link #PINGS_PER_SECOND}),
 * else its socket closes with 1008. The engine answers every ping with a pong by itself, outside the application's
 * limits, so a peer could keep a worker busy answering pings as fast as it sent them. Browsers send no pings at all
 * (a page's script cannot), Parley's clients neither; a library that keeps its socket alive pings every few seconds
 * at most.</li>
 * </ul>
 * One per upgraded connection, read by one thread at a time (a connection's reads come one after another).
 */
public final class WebSocketFrameHeads {

    /** The most bytes a text, binary or continuation frame may carry. */
    public static final long MAX_DATA_FRAME = 64 * 1024;
    /** Pings a peer may send at once. */
    public static final int PING_BURST = 10;
    /** Pings a second a peer may send after its burst. */
    public static final int PINGS_PER_SECOND = 1;
    private static final long NANOS_PER_PING = 1_000_000_000L / PINGS_PER_SECOND;

    /** What a peer's bytes break, if anything: the close frame that says so. */
    public enum Breach {
        UNMASKED(1002, "frames from a client must be masked",
                "it sent a frame without a mask, which no WebSocket client may (RFC 6455)"),
        TOO_LARGE(1009, "frame too large",
                "it began a frame of more than " + MAX_DATA_FRAME / 1024 + " KiB (Parley takes 16 KiB)"),
        TOO_MANY_PINGS(1008, "too many pings", "it sent more than " + PING_BURST + " pings at once, or more than "
                + PINGS_PER_SECOND + " a second after that");

        private final int code;
        private final String reason;
        private final String forTheLog;

        Breach(int code, String reason, String forTheLog) {
            this.code = code;
            this.reason = reason;
            this.forTheLog = forTheLog;
        }

        public int code() {
            return code;
        }

        /** What the peer did, in words for an administrator reading the log. */
        public String forTheLog() {
            return forTheLog;
        }

        /** The whole close frame a server sends for it (unmasked, its code and reason). */
        public byte[] closeFrame() {
            byte[] text = reason.getBytes(StandardCharsets.US_ASCII);
            byte[] frame = new byte[4 + text.length];
            frame[0] = (byte) 0x88;
            frame[1] = (byte) (2 + text.length);
            frame[2] = (byte) (code >> 8);
            frame[3] = (byte) code;
            System.arraycopy(text, 0, frame, 4, text.length);
            return frame;
        }
    }

    /** The bytes of one read, by index. */
    @FunctionalInterface
    public interface Bytes {
        byte at(int index);
    }

    /** The head of the frame being read: at most 2 bytes, 8 of extended length and 4 of mask. */
    private final byte[] head = new byte[14];
    private int headRead;
    /** Bytes of the current frame's payload still to come. */
    private long payloadLeft;
    /** When the peer's allowance of pings would be whole again ({@link System#nanoTime()}); 0 before its first ping. */
    private long pingsFullAt;
    private long pingsSeen;

    /**
     * Reads bytes {@code from} (inclusive) to {@code to} (exclusive) of one read, which follow those read before;
     * answers the first rule they break, or {@code null}. At {@code now} ({@link System#nanoTime()}).
     */
    public Breach read(Bytes bytes, int from, int to, long now) {
        int at = from;
        while (at < to) {
            if (payloadLeft > 0) {
                long skipped = Math.min(payloadLeft, to - at);
                payloadLeft -= skipped;
                at += (int) skipped;
                continue;
            }
            head[headRead++] = bytes.at(at++);
            if (headRead < 2 || headRead < headLength()) {
                continue;
            }
            Breach breach = frame(now);
            headRead = 0;
            if (breach != null) {
                return breach;
            }
        }
        return null;
    }

    /** Pings the peer has sent, the one that broke the allowance included (what its tests count). */
    public long pings() {
        return pingsSeen;
    }

    private int headLength() {
        int length = head[1] & 0x7F;
        return 2 + (length == 126 ? 2 : length == 127 ? 8 : 0) + ((head[1] & 0x80) != 0 ? 4 : 0);
    }

    private Breach frame(long now) {
        if ((head[1] & 0x80) == 0) {
            return Breach.UNMASKED;
        }
        int length = head[1] & 0x7F;
        if (length == 126) {
            payloadLeft = ((head[2] & 0xFFL) << 8) | (head[3] & 0xFFL);
        } else if (length == 127) {
            long value = 0;
            for (int i = 2; i < 10; i++) {
                value = (value << 8) | (head[i] & 0xFFL);
            }
            payloadLeft = value < 0 ? Long.MAX_VALUE : value; // a length with the top bit set is none RFC 6455 allows
        } else {
            payloadLeft = length;
        }
        int opcode = head[0] & 0x0F;
        if (opcode <= 0x2 && payloadLeft > MAX_DATA_FRAME) {
            return Breach.TOO_LARGE;
        }
        return opcode == 0x9 ? ping(now) : null;
    }

    /** A token bucket kept as the time it would be full again: each ping moves that time on by a ping's worth. */
    private Breach ping(long now) {
        pingsSeen++;
        long burst = NANOS_PER_PING * PING_BURST;
        long full = pingsFullAt == 0 || pingsFullAt - now < 0 ? now : pingsFullAt;
        if (full - now + NANOS_PER_PING > burst) {
            return Breach.TOO_MANY_PINGS;
        }
        pingsFullAt = full + NANOS_PER_PING;
        return null;
    }
}
