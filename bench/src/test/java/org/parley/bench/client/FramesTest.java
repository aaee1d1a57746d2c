package org.parley.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FramesTest {

    private static final String MESSAGE = "{\"seq\":17,\"at\":\"2026-12-02T10:00:00.000Z\",\"from\":\"visitor\","
            + "\"text\":\"relay 1 4 9\",\"type\":\"message\",\"conversation\":\"c-42\"}";

    @Test
    void readsTheFieldsOfAFlatFrameWithoutParsingIt() {
        assertEquals("relay 1 4 9", Frames.plainString(MESSAGE, "\"text\":\""));
        assertEquals("c-42", Frames.plainString(MESSAGE, "\"conversation\":\""));
        assertEquals(17, Frames.plainLong(MESSAGE, "\"seq\":"));
    }

    @Test
    void leavesEscapedOrMissingFieldsToTheParser() {
        String escaped = "{\"type\":\"message\",\"text\":\"say \\\"hi\\\"\",\"seq\":3}";
        assertNull(Frames.plainString(escaped, "\"text\":\""));
        assertEquals("say \"hi\"", Frames.parse(escaped).getString("text"));
        assertNull(Frames.plainString(MESSAGE, "\"id\":\""));
        assertEquals(-1, Frames.plainLong(MESSAGE, "\"queued\":"));
        assertEquals(-1, Frames.plainLong("{\"seq\":\"x\"}", "\"seq\":"));
    }

    @Test
    void aKeyInsideAStringIsNotAField() {
        String frame = "{\"type\":\"message\",\"text\":\"\\\"id\\\":\\\"forged\",\"id\":\"real\"}";
        assertEquals("real", Frames.plainString(frame, "\"id\":\""));
    }
}
