package org.parley.httpguard.boundary;

import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.http.util.BufferChunk;
import org.glassfish.grizzly.http.util.ByteChunk;
import org.glassfish.grizzly.http.util.DataChunk;
import org.parley.httpguard.control.RequestTargets;

/**
 * A part of a request's head (target, query, a header's value) as text, one character per byte
 * (ISO-8859-1, as HTTP reads it). Grizzly's own {@code toString} goes through the JDK's per-thread
 * decoder cache on every call, which on the container's worker threads cost more than the rest of
 * the guard's reading of the request; this copies the bytes straight into the string.
 */
final class HeadText {

    private HeadText() {
    }

    /** The chunk's text, or {@code null} when it holds nothing (no query, no such header). */
    static String of(DataChunk chunk) {
        if (chunk == null || chunk.isNull()) {
            return null;
        }
        switch (chunk.getType()) {
            case Bytes -> {
                ByteChunk bytes = chunk.getByteChunk();
                return new String(bytes.getBuffer(), bytes.getStart(), bytes.getLength(), StandardCharsets.ISO_8859_1);
            }
            case Buffer -> {
                BufferChunk part = chunk.getBufferChunk();
                Buffer buffer = part.getBuffer();
                byte[] bytes = new byte[part.getLength()];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = buffer.get(part.getStart() + i);
                }
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
            default -> {
                return chunk.toString();
            }
        }
    }

    /** Whether the chunk is a token (a header's name, RFC 9110 §5.6.2): one or more bytes, each one a token may hold. */
    static boolean isToken(DataChunk chunk) {
        if (chunk == null || chunk.isNull() || chunk.getLength() == 0) {
            return false;
        }
        switch (chunk.getType()) {
            case Bytes -> {
                ByteChunk bytes = chunk.getByteChunk();
                byte[] buffer = bytes.getBuffer();
                for (int i = bytes.getStart(); i < bytes.getEnd(); i++) {
                    if (!RequestTargets.tokenByte(buffer[i] & 0xff)) {
                        return false;
                    }
                }
                return true;
            }
            case Buffer -> {
                BufferChunk part = chunk.getBufferChunk();
                Buffer buffer = part.getBuffer();
                for (int i = part.getStart(); i < part.getEnd(); i++) {
                    if (!RequestTargets.tokenByte(buffer.get(i) & 0xff)) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                String text = chunk.toString();
                return text.chars().allMatch(RequestTargets::tokenByte);
            }
        }
    }
}
