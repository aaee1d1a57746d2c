package org.parley.httpguard.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the head of each frame a WebSocket peer sends (RFC 6455 §5.2), across reads and without holding any payload,
 * for rules the container's WebSocket engine does not keep, or keeps in its own words:
 * <ul>
 * <li>a client's frames are masked (§5.1: the server closes the connection on one that is not, 1002);</li>
 * <li>a frame's reserved bits are clear (no extension is negotiated here) and its opcode is one RFC 6455 defines; a
 * control frame is whole and carries at most 125 bytes (§5.5); a continuation frame continues a message begun and
 * not yet ended, and a new message begins only once the last has ended (§5.4) — else 1002. The engine closed such a
 * socket with its own exception's words as the reason ("Unknown wrappedFrame type: 3", "End fragment sent, but
 * wasn't processing any previous fragments.", "RSV bit(s) incorrectly set.");</li>
 * <li>a close frame carries nothing, or a code RFC 6455 lets a peer send and a reason in UTF-8 (§5.5.1, §7.4): its
 * payload, at most 125 bytes, is the one payload read here. The engine said "Closing wrappedFrame payload, if present,
 * must be a minimum of 2 bytes in length" or "Illegal status code: 999";</li>
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
                + PINGS_PER_SECOND + " a second after that"),
        RESERVED_BITS(1002, "reserved bits set",
                "it set a frame's reserved bits, which only an extension may and none is in use (RFC 6455)"),
        UNKNOWN_OPCODE(1002, "unknown opcode", "it sent a frame of an opcode RFC 6455 reserves"),
        BROKEN_CONTROL(1002, "control frames must be whole and at most 125 bytes",
                "it sent a control frame in pieces or of more than 125 bytes (RFC 6455)"),
        FRAGMENTS_OUT_OF_ORDER(1002, "message fragments out of order",
                "it continued a message it had not begun, or began one before it had ended the last (RFC 6455)"),
        CLOSE_PAYLOAD(1002, "a close frame carries nothing, or a code and a reason",
                "it sent a close frame of one byte, which is neither empty nor a code (RFC 6455)"),
        CLOSE_CODE(1002, "close code not allowed",
                "it closed with a code no peer may send (RFC 6455 allows 1000-1003, 1007-1014 and 3000-4999)"),
        CLOSE_REASON(1007, "close reason not UTF-8", "it closed with a reason that is not UTF-8 (RFC 6455)");

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
    /** Whether a message has begun in a frame without FIN and its last fragment has not come yet. */
    private boolean inMessage;
    /** The payload of the close frame being read, unmasked (null while none is); at most 125 bytes. */
    private byte[] closing;
    private int closingRead;
    private final byte[] mask = new byte[4];
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
                if (closing != null) {
                    for (int i = 0; i < skipped; i++, closingRead++) {
                        closing[closingRead] = (byte) (bytes.at(at + i) ^ mask[closingRead & 3]);
                    }
                }
                payloadLeft -= skipped;
                at += (int) skipped;
                if (closing != null && payloadLeft == 0) {
                    Breach breach = closeBreach(closing);
                    closing = null;
                    if (breach != null) {
                        return breach;
                    }
                }
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
        if ((head[0] & 0x70) != 0) {
            return Breach.RESERVED_BITS;
        }
        boolean fin = (head[0] & 0x80) != 0;
        int opcode = head[0] & 0x0F;
        if (opcode >= 0x8) {
            if (opcode > 0xA) {
                return Breach.UNKNOWN_OPCODE;
            }
            if (!fin || payloadLeft > 125) {
                return Breach.BROKEN_CONTROL;
            }
            if (opcode == 0x8 && payloadLeft > 0) {
                System.arraycopy(head, headLength() - 4, mask, 0, 4);
                closing = new byte[(int) payloadLeft];
                closingRead = 0;
            }
            return opcode == 0x9 ? ping(now) : null;
        }
        if (opcode > 0x2) {
            return Breach.UNKNOWN_OPCODE;
        }
        if (inMessage == (opcode != 0x0)) {
            return Breach.FRAGMENTS_OUT_OF_ORDER;
        }
        inMessage = !fin;
        return payloadLeft > MAX_DATA_FRAME ? Breach.TOO_LARGE : null;
    }

    /** What is wrong with a close frame's whole {@code payload} (unmasked, 1 to 125 bytes), if anything. */
    private static Breach closeBreach(byte[] payload) {
        if (payload.length == 1) {
            return Breach.CLOSE_PAYLOAD;
        }
        int code = (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
        if (!(code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999)) {
            return Breach.CLOSE_CODE;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload, 2, payload.length - 2));
            return null;
        } catch (CharacterCodingException e) {
            return Breach.CLOSE_REASON;
        }
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
