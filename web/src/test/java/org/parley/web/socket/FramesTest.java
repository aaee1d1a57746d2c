package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.Party;

class FramesTest {

    @Test
    void aFrameHasATypeAndMayHaveAnId() {
        Frames.Incoming frame = Frames.read("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"hi\"}");
        assertEquals("message", frame.type());
        assertEquals("m1", frame.id());
        assertEquals("hi", frame.text("text"));
        assertNull(Frames.read("{\"type\":\"typing\"}").id());
    }

    @Test
    void notJsonOrNotAnObjectOrNoTypeIsABadFrame() {
        for (String text : List.of("hello", "[1]", "\"x\"", "{}", "{\"type\":\"\"}", "{\"type\":7}", "{\"type\":\"a\"")) {
            assertEquals("bad_frame", assertThrows(FrameException.class, () -> Frames.read(text)).code(), text);
        }
    }

    @Test
    void theIdOfAFrameWithoutTypeIsStillTheRef() {
        assertEquals("x1", assertThrows(FrameException.class, () -> Frames.read("{\"id\":\"x1\"}")).ref());
    }

    @Test
    void anIdLongerThan64CharactersIsInvalid() {
        FrameException e = assertThrows(FrameException.class,
                () -> Frames.read("{\"type\":\"message\",\"id\":\"" + "i".repeat(65) + "\"}"));
        assertEquals("invalid", e.code());
    }

    @Test
    void wrongFieldsAreInvalidAndNameTheField() {
        Frames.Incoming frame = Frames.read("{\"type\":\"resume\",\"id\":\"r\",\"token\":5,\"lastSeq\":-1,\"state\":\"x\"}");
        FrameException token = assertThrows(FrameException.class, () -> frame.text("token"));
        assertEquals("invalid", token.code());
        assertTrue(token.getMessage().startsWith("token"));
        assertEquals("r", token.ref());
        assertTrue(assertThrows(FrameException.class, () -> frame.number("lastSeq")).getMessage().startsWith("lastSeq"));
        assertTrue(assertThrows(FrameException.class, frame::typingActive).getMessage().startsWith("state"));
        assertTrue(assertThrows(FrameException.class, () -> frame.text("missing")).getMessage().startsWith("missing"));
    }

    @Test
    void errorsAndAcksAreWrittenAsTheProtocolSays() {
        assertEquals("{\"type\":\"error\",\"code\":\"invalid\",\"message\":\"text: too long\",\"ref\":\"m\"}",
                Frames.error("invalid", "text: too long", "m"));
        assertEquals("{\"type\":\"error\",\"code\":\"rate_limited\",\"message\":\"slow\",\"retryAfter\":2}",
                Frames.rateLimited("slow", 2, null));
        ConversationMessage queued = new ConversationMessage(3, Instant.parse("2026-01-01T10:00:00.123456Z"),
                Party.VISITOR, "hi", true);
        assertEquals("{\"type\":\"ack\",\"id\":\"m\",\"seq\":3,\"at\":\"2026-01-01T10:00:00.123Z\",\"queued\":true}",
                Frames.ack("m", queued));
    }

    @Test
    void textIsCarriedAsJsonStringsNeverAsMarkup() {
        ConversationMessage message = new ConversationMessage(1, Instant.parse("2026-01-01T10:00:00Z"), Party.MEMBER,
                "<script>alert(\"x\")</script>", false);
        String frame = Frames.messageToVisitor(message);
        assertEquals("{\"type\":\"message\",\"seq\":1,\"at\":\"2026-01-01T10:00:00Z\",\"from\":\"invitee\","
                + "\"text\":\"<script>alert(\\\"x\\\")</script>\"}", frame);
    }

    @Test
    void nestingBeyondTheLimitIsABadFrameHoweverDeep() {
        String shallow = "{\"type\":\"x\",\"a\":" + "[".repeat(Frames.MAX_DEPTH - 1) + "]".repeat(Frames.MAX_DEPTH - 1) + "}";
        assertEquals("x", Frames.read(shallow).type());
        for (String deep : List.of("{\"type\":\"x\",\"a\":" + "[".repeat(Frames.MAX_DEPTH) + "]".repeat(Frames.MAX_DEPTH) + "}",
                "[".repeat(900) + "]".repeat(900), "{\"a\":".repeat(5000) + "1" + "}".repeat(5000), "[".repeat(16000))) {
            assertEquals("bad_frame", assertThrows(FrameException.class, () -> Frames.read(deep)).code());
        }
        assertEquals("x", Frames.read("{\"type\":\"x\",\"text\":\"" + "[".repeat(100) + "\\\"{\"}").type(),
                "brackets inside strings do not count");
    }

    @Test
    void anythingAfterTheObjectIsABadFrame() {
        for (String text : List.of("{\"type\":\"x\"}}", "{\"type\":\"x\"} {}", "{\"type\":\"x\"}]", "{\"type\":\"x\"}x")) {
            assertEquals("bad_frame", assertThrows(FrameException.class, () -> Frames.read(text)).code(), text);
        }
        assertEquals("x", Frames.read(" {\"type\":\"x\"} \n").type());
    }

    @Test
    void loneSurrogatesInTypeIdAndTextsComeOutReplaced() {
        Frames.Incoming frame = Frames.read("{\"type\":\"x\\ud800\",\"id\":\"\\udc00\",\"text\":\"a\\ud800b\","
                + "\"ids\":[\"\\udfff\",\"\\ud83d\\ude00\"]}");
        assertEquals("x\uFFFD", frame.type());
        assertEquals("\uFFFD", frame.id());
        assertEquals("a\uFFFDb", frame.text("text"));
        assertEquals(List.of("\uFFFD", "\ud83d\ude00"), frame.texts("ids", 2));
    }

    @Test
    void anErrorThatNamesAFieldWithALoneSurrogateSaysItInWellFormedText() {
        Frames.Incoming frame = Frames.read("{\"type\":\"x\",\"\\ud800name\":1}");
        FrameException refused = assertThrows(FrameException.class, () -> frame.optionalText("\ud800name"));
        assertEquals("{\"type\":\"error\",\"code\":\"invalid\",\"message\":\"\uFFFDname: a string.\"}",
                refused.toFrame());
    }

    /** A list of strings is refused, missing or too long, in words naming the bound of that frame's list. */
    @Test
    void aListIsRefusedNamingItsOwnBound() {
        Frames.Incoming three = Frames.read("{\"type\":\"watch\",\"ids\":[\"a\",\"b\",\"c\"]}");
        assertEquals(List.of("a", "b", "c"), three.texts("ids", 3));
        for (Frames.Incoming frame : List.of(three, Frames.read("{\"type\":\"watch\"}"), Frames.read("{\"type\":\"watch\",\"ids\":\"a\"}"))) {
            FrameException refused = assertThrows(FrameException.class, () -> frame.texts("ids", 2));
            assertEquals("{\"type\":\"error\",\"code\":\"invalid\",\"message\":\"ids: a list of at most 2 strings.\"}",
                    refused.toFrame());
        }
    }
}
