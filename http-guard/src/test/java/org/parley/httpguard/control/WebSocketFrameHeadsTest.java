package org.parley.httpguard.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WebSocketFrameHeadsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /**
     * A frame as a client sends it: FIN or not, reserved bits, its opcode, masked, its length in the shortest form, a
     * mask, the payload.
     */
    record Frame(boolean fin, int reserved, int opcode, int length) {

        Frame(int opcode, int length) {
            this(true, 0, opcode, length);
        }

        byte[] bytes(boolean masked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write((fin ? 0x80 : 0) | reserved << 4 | opcode);
            int mask = masked ? 0x80 : 0;
            if (length < 126) {
                out.write(mask | length);
            } else if (length < 65_536) {
                out.write(mask | 126);
                out.write(length >> 8);
                out.write(length);
            } else {
                out.write(mask | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) ((long) length >> shift));
                }
            }
            if (masked) {
                out.writeBytes(new byte[] {0x12, 0x34, 0x56, 0x78});
            }
            // a payload whose bytes look like frame heads: only lengths may tell where it ends
            byte[] payload = new byte[length];
            java.util.Arrays.fill(payload, (byte) 0x89);
            out.writeBytes(payload);
            return out.toByteArray();
        }
    }

    @Provide
    Arbitrary<List<Frame>> frameLists() {
        return frames().list().ofMaxSize(14);
    }

    private static Arbitrary<Frame> frames() {
        // mostly what clients send: the six opcodes RFC 6455 defines, whole frames, no reserved bits
        Arbitrary<Integer> opcodes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.of(0x0, 0x1, 0x2, 0x8, 0x9, 0xA)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x0, 0xF)));
        Arbitrary<Integer> lengths = Arbitraries.oneOf(Arbitraries.integers().between(0, 125),
                Arbitraries.integers().between(126, 65_535), Arbitraries.integers().between(65_536, 70_000),
                Arbitraries.of(125, 126, 127, 65_535, 65_536));
        Arbitrary<Boolean> fins = Arbitraries.frequency(net.jqwik.api.Tuple.of(3, true), net.jqwik.api.Tuple.of(1, false));
        Arbitrary<Integer> reserved = Arbitraries.frequency(net.jqwik.api.Tuple.of(40, 0),
                net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 4), net.jqwik.api.Tuple.of(1, 7));
        return Combinators.combine(fins, reserved, opcodes, lengths).as(Frame::new);
    }

    @Property(tries = 300)
    void framesReadInAnyPiecesAreReadAsWholeOnesUntilTheFirstThatBreaksARule(
            @ForAll("frameLists") List<Frame> frames, @ForAll @IntRange(min = 1, max = 5_000) int piece) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        frames.forEach(frame -> all.writeBytes(frame.bytes(true)));
        byte[] bytes = all.toByteArray();
        // what the rules say, frame by frame, as RFC 6455 words them: the first frame that breaks one
        WebSocketFrameHeads.Breach expected = null;
        long pings = 0;
        boolean inMessage = false;
        for (Frame frame : frames) {
            boolean control = frame.opcode() >= 0x8;
            if (frame.reserved() != 0) {
                expected = WebSocketFrameHeads.Breach.RESERVED_BITS;
            } else if (!List.of(0x0, 0x1, 0x2, 0x8, 0x9, 0xA).contains(frame.opcode())) {
                expected = WebSocketFrameHeads.Breach.UNKNOWN_OPCODE;
            } else if (control && (!frame.fin() || frame.length() > 125)) {
                expected = WebSocketFrameHeads.Breach.BROKEN_CONTROL;
            } else if (frame.opcode() == 0x8 && frame.length() == 1) {
                expected = WebSocketFrameHeads.Breach.CLOSE_PAYLOAD;
            } else if (frame.opcode() == 0x8 && frame.length() > 1) {
                // the payload's bytes, 0x89 each, unmask to the code 0x9BBD: none a peer may send
                expected = WebSocketFrameHeads.Breach.CLOSE_CODE;
            } else if (!control && (frame.opcode() == 0x0) != inMessage) {
                expected = WebSocketFrameHeads.Breach.FRAGMENTS_OUT_OF_ORDER;
            } else if (!control && frame.length() > WebSocketFrameHeads.MAX_DATA_FRAME) {
                expected = WebSocketFrameHeads.Breach.TOO_LARGE;
            } else if (frame.opcode() == 0x9 && ++pings > WebSocketFrameHeads.PING_BURST) {
                expected = WebSocketFrameHeads.Breach.TOO_MANY_PINGS;
            }
            if (expected != null) {
                break;
            }
            if (!control) {
                inMessage = !frame.fin();
            }
        }

        WebSocketFrameHeads heads = new WebSocketFrameHeads();
        WebSocketFrameHeads.Breach breach = null;
        for (int from = 0; from < bytes.length && breach == null; from += piece) {
            breach = heads.read(i -> bytes[i], from, Math.min(bytes.length, from + piece), 0);
        }
        assertEquals(expected, breach);
        assertEquals(pings, heads.pings());
    }

    @Test
    void anUnmaskedFrameBreaksTheRuleEvenWhenItsHeadComesAByteAtATime() {
        byte[] bytes = concat(new Frame(0x1, 300).bytes(true), new Frame(0x1, 5).bytes(false));
        WebSocketFrameHeads heads = new WebSocketFrameHeads();
        WebSocketFrameHeads.Breach breach = null;
        int at = 0;
        for (; at < bytes.length && breach == null; at++) {
            breach = heads.read(i -> bytes[i], at, at + 1, 0);
        }
        assertEquals(WebSocketFrameHeads.Breach.UNMASKED, breach);
        assertEquals(300 + 2 + 2 + 4 + 2, at, "known at the unmasked frame's second byte");
    }

    @Test
    void tenPingsAtOnceThenOneASecond() {
        byte[] ping = new Frame(0x9, 4).bytes(true);
        WebSocketFrameHeads heads = new WebSocketFrameHeads();
        long now = 1_000 * SECOND;
        for (int i = 0; i < 10; i++) {
            assertNull(heads.read(b -> ping[b], 0, ping.length, now), "ping " + (i + 1));
        }
        assertEquals(WebSocketFrameHeads.Breach.TOO_MANY_PINGS, heads.read(b -> ping[b], 0, ping.length, now));

        WebSocketFrameHeads later = new WebSocketFrameHeads();
        for (int i = 0; i < 10; i++) {
            assertNull(later.read(b -> ping[b], 0, ping.length, now));
        }
        assertNull(later.read(b -> ping[b], 0, ping.length, now + SECOND), "one more a second later");
        assertEquals(WebSocketFrameHeads.Breach.TOO_MANY_PINGS, later.read(b -> ping[b], 0, ping.length, now + SECOND));
        // a keep-alive ping every second, for an hour
        WebSocketFrameHeads steady = new WebSocketFrameHeads();
        for (int s = 0; s < 3_600; s++) {
            assertNull(steady.read(b -> ping[b], 0, ping.length, now + s * SECOND), "second " + s);
        }
        // ten seconds of quiet give the whole burst back
        for (int i = 0; i < 10; i++) {
            assertNull(steady.read(b -> ping[b], 0, ping.length, now + 3_610 * SECOND), "again " + (i + 1));
        }
    }

    @Test
    void aDataFrameOverTheBoundIsRefusedAtItsHead() {
        WebSocketFrameHeads heads = new WebSocketFrameHeads();
        byte[] largest = new Frame(0x1, (int) WebSocketFrameHeads.MAX_DATA_FRAME).bytes(true);
        assertNull(heads.read(i -> largest[i], 0, largest.length, 0), "a text frame of exactly the bound");
        byte[] head = java.util.Arrays.copyOf(new Frame(0x2, (int) WebSocketFrameHeads.MAX_DATA_FRAME + 1).bytes(true), 14);
        assertEquals(WebSocketFrameHeads.Breach.TOO_LARGE, heads.read(i -> head[i], 0, head.length, 0),
                "a binary frame one byte over, known from its head alone");
        // a 64-bit length with its top bit set, which RFC 6455 does not allow
        byte[] huge = {(byte) 0x81, (byte) 0xFF, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4};
        assertEquals(WebSocketFrameHeads.Breach.TOO_LARGE, new WebSocketFrameHeads().read(i -> huge[i], 0, huge.length, 0));
    }

    @Test
    void aMessageInFragmentsWithControlFramesBetweenIsReadAndEachBrokenOrderOrControlFrameIsRefused() {
        byte[] message = concat(concat(new Frame(false, 0, 0x1, 3).bytes(true), new Frame(0x9, 0).bytes(true)),
                concat(new Frame(false, 0, 0x0, 3).bytes(true), concat(new Frame(0xA, 125).bytes(true),
                        new Frame(true, 0, 0x0, 3).bytes(true))));
        WebSocketFrameHeads heads = new WebSocketFrameHeads();
        assertNull(heads.read(i -> message[i], 0, message.length, 0), "begun, a ping, continued, a pong, ended");
        byte[] next = new Frame(0x2, 10).bytes(true);
        assertNull(heads.read(i -> next[i], 0, next.length, 0), "a new message after the last ended");

        assertBreaks(WebSocketFrameHeads.Breach.FRAGMENTS_OUT_OF_ORDER, new Frame(0x0, 3), "a continuation of nothing");
        assertBreaks(WebSocketFrameHeads.Breach.FRAGMENTS_OUT_OF_ORDER, new Frame(false, 0, 0x1, 3), new Frame(0x1, 3));
        assertBreaks(WebSocketFrameHeads.Breach.BROKEN_CONTROL, new Frame(0x8, 126), "a close of 126 bytes");
        assertBreaks(WebSocketFrameHeads.Breach.BROKEN_CONTROL, new Frame(0x8, 70_000), "a close of 70,000 bytes");
        assertBreaks(WebSocketFrameHeads.Breach.BROKEN_CONTROL, new Frame(false, 0, 0x9, 2), "a ping in pieces");
        for (int opcode : new int[] {0x3, 0x7, 0xB, 0xF}) {
            assertBreaks(WebSocketFrameHeads.Breach.UNKNOWN_OPCODE, new Frame(opcode, 3), "opcode " + opcode);
        }
        for (int reserved = 1; reserved < 8; reserved++) {
            assertBreaks(WebSocketFrameHeads.Breach.RESERVED_BITS, new Frame(true, reserved, 0x1, 3), "bits " + reserved);
        }
    }

    @Test
    void aCloseFrameIsEmptyOrACodeAPeerMaySendAndAReasonInUtf8() {
        byte[] reason = "bye \u00fc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int code : new int[] {1000, 1001, 1002, 1003, 1007, 1011, 1012, 1014, 3000, 4999}) {
            assertNull(readWhole(close(code, reason)), "code " + code);
            assertNull(readWhole(close(code, new byte[0])), "code " + code + " without a reason");
        }
        assertNull(readWhole(close(new byte[0])), "an empty close");
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65_535}) {
            assertEquals(WebSocketFrameHeads.Breach.CLOSE_CODE, readWhole(close(code, reason)), "code " + code);
        }
        assertEquals(WebSocketFrameHeads.Breach.CLOSE_PAYLOAD, readWhole(close(new byte[] {0x03})));
        for (byte[] notUtf8 : new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}}) {
            assertEquals(WebSocketFrameHeads.Breach.CLOSE_REASON, readWhole(close(1000, notUtf8)));
        }
        // a byte at a time, after a text frame: known once the close's last byte has come
        byte[] bytes = concat(new Frame(0x1, 3).bytes(true), close(999, reason));
        WebSocketFrameHeads heads = new WebSocketFrameHeads();
        for (int at = 0; at < bytes.length - 1; at++) {
            assertNull(heads.read(i -> bytes[i], at, at + 1, 0), "byte " + at);
        }
        assertEquals(WebSocketFrameHeads.Breach.CLOSE_CODE, heads.read(i -> bytes[i], bytes.length - 1, bytes.length, 0));
        assertEquals(1007, WebSocketFrameHeads.Breach.CLOSE_REASON.code());
    }

    private static WebSocketFrameHeads.Breach readWhole(byte[] bytes) {
        return new WebSocketFrameHeads().read(i -> bytes[i], 0, bytes.length, 0);
    }

    /** A client's close frame with {@code code} and {@code reason}, masked. */
    private static byte[] close(int code, byte[] reason) {
        byte[] payload = new byte[2 + reason.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(reason, 0, payload, 2, reason.length);
        return close(payload);
    }

    /** A client's close frame carrying {@code payload} (at most 125 bytes), masked with a key that is not zeros. */
    private static byte[] close(byte[] payload) {
        byte[] key = {0x12, 0x34, 0x56, 0x78};
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x88;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(key, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ key[i & 3]);
        }
        return frame;
    }

    private static void assertBreaks(WebSocketFrameHeads.Breach expected, Frame first, Frame second) {
        byte[] bytes = concat(first.bytes(true), second.bytes(true));
        assertEquals(expected, new WebSocketFrameHeads().read(i -> bytes[i], 0, bytes.length, 0), first + ", " + second);
    }

    private static void assertBreaks(WebSocketFrameHeads.Breach expected, Frame frame, String what) {
        byte[] bytes = frame.bytes(true);
        assertEquals(expected, new WebSocketFrameHeads().read(i -> bytes[i], 0, bytes.length, 0), what);
    }

    @Test
    void theCloseFramesSayWhy() {
        assertArrayEquals(concat(new byte[] {(byte) 0x88, 16, 0x03, (byte) 0xF0}, "too many pings".getBytes()),
                WebSocketFrameHeads.Breach.TOO_MANY_PINGS.closeFrame());
        byte[] unmasked = WebSocketFrameHeads.Breach.UNMASKED.closeFrame();
        assertEquals(1002, ((unmasked[2] & 0xFF) << 8) | (unmasked[3] & 0xFF));
        assertEquals("frames from a client must be masked", new String(unmasked, 4, unmasked.length - 4));
        assertEquals(unmasked.length - 2, unmasked[1]);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
