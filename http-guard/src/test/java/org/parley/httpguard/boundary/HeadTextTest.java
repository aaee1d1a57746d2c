package org.parley.httpguard.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.HeapMemoryManager;
import org.junit.jupiter.api.Test;

/** A part of the head reads one character per byte, whichever way Grizzly holds it. */
class HeadTextTest {

    private static final byte[] HEAD = "GET /users/0123456789ABCDEF/presence?cb=x&mkt=de-DE HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void bytesBufferAndStringAreReadAlikeFromTheirOffsets() {
        DataChunk bytes = DataChunk.newInstance();
        bytes.setBytes(HEAD, 4, 36);
        assertEquals("/users/0123456789ABCDEF/presence", HeadText.of(bytes));

        DataChunk buffer = DataChunk.newInstance();
        buffer.setBuffer(Buffers.wrap(new HeapMemoryManager(), HEAD), 37, 51);
        assertEquals("cb=x&mkt=de-DE", HeadText.of(buffer));

        DataChunk text = DataChunk.newInstance();
        text.setString("intranet:8080");
        assertEquals("intranet:8080", HeadText.of(text));
    }

    @Test
    void everyByteIsOneCharacterAndNothingIsNull() {
        DataChunk high = DataChunk.newInstance();
        high.setBytes(new byte[] {'a', (byte) 0xE9, (byte) 0xFF, 0});
        assertEquals("a\u00e9\u00ff\u0000", HeadText.of(high), "no byte is dropped or replaced, whatever it is");
        assertNull(HeadText.of(null));
        assertNull(HeadText.of(DataChunk.newInstance()));
    }
}
