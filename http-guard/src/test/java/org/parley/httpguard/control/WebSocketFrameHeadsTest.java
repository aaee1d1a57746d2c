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

    /** A frame as a client sends it: FIN, its opcode, masked, its length in the shortest form, a mask, the payload. */
    record Frame(int opcode, int length) {

        byte[] bytes(boolean masked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0x80 | opcode);
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
        Arbitrary<Integer> opcodes = Arbitraries.of(0x0, 0x1, 0x2, 0x8, 0x9, 0xA);
        Arbitrary<Integer> lengths = Arbitraries.oneOf(Arbitraries.integers().between(0, 125),
                Arbitraries.integers().between(126, 65_535), Arbitraries.integers().between(65_536, 70_000),
                Arbitraries.of(125, 126, 127, 65_535, 65_536));
        return Combinators.combine(opcodes, lengths).as(Frame::new);
    }

    @Property(tries = 300)
    void framesReadInAnyPiecesAreReadAsWholeOnesUntilTheFirstThatBreaksARule(
            @ForAll("frameLists") List<Frame> frames, @ForAll @IntRange(min = 1, max = 5_000) int piece) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        frames.forEach(frame -> all.writeBytes(frame.bytes(true)));
        byte[] bytes = all.toByteArray();
        // what the rules say, frame by frame: the first data frame over the bound, or the eleventh ping at once
        WebSocketFrameHeads.Breach expected = null;
        long pings = 0;
        for (Frame frame : frames) {
            if (frame.opcode() <= 0x2 && frame.length() > WebSocketFrameHeads.MAX_DATA_FRAME) {
                expected = WebSocketFrameHeads.Breach.TOO_LARGE;
                break;
            }
            if (frame.opcode() == 0x9 && ++pings > WebSocketFrameHeads.PING_BURST) {
                expected = WebSocketFrameHeads.Breach.TOO_MANY_PINGS;
                break;
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
    void aDataFrameOverTheBoundIsRefusedAtItsHeadAndAControlFrameIsLeftToTheContainer() {
        WebSocketFrameHeads heads = new WebSocketFrameHeads();
        byte[] largest = new Frame(0x1, (int) WebSocketFrameHeads.MAX_DATA_FRAME).bytes(true);
        assertNull(heads.read(i -> largest[i], 0, largest.length, 0), "a text frame of exactly the bound");
        byte[] head = java.util.Arrays.copyOf(new Frame(0x2, (int) WebSocketFrameHeads.MAX_DATA_FRAME + 1).bytes(true), 14);
        assertEquals(WebSocketFrameHeads.Breach.TOO_LARGE, heads.read(i -> head[i], 0, head.length, 0),
                "a binary frame one byte over, known from its head alone");
        // a 64-bit length with its top bit set, which RFC 6455 does not allow
        byte[] huge = {(byte) 0x80, (byte) 0xFF, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4};
        assertEquals(WebSocketFrameHeads.Breach.TOO_LARGE, new WebSocketFrameHeads().read(i -> huge[i], 0, huge.length, 0));
        // a control frame over 125 bytes is the container's to refuse (1002); the guard only counts it if it is a ping
        WebSocketFrameHeads control = new WebSocketFrameHeads();
        byte[] longClose = new Frame(0x8, 70_000).bytes(true);
        assertNull(control.read(i -> longClose[i], 0, longClose.length, 0));
        assertEquals(0, control.pings());
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
