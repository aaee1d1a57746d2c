package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.parley.account.entity.PlainText;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.Party;

/**
 * The frame codec against whatever a client can put in a text frame: any JSON shape (deep
 * nesting too), broken JSON, escaped and raw lone surrogates. It answers a frame or a
 * {@link FrameException}, never anything else, and everything it hands on can be sent back.
 */
class FramesPropertyTest {

    private static final List<String> FIELDS = List.of("type", "id", "text", "name", "ids", "status",
            "personalMessage", "conversation", "token", "lastSeq", "state", "a", "");

    @Provide
    Arbitrary<String> frames() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, frameObject()),
                Tuple.of(2, json(4)),
                Tuple.of(2, deeplyNested()),
                Tuple.of(2, frameObject().flatMap(FramesPropertyTest::mangled)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
    }

    /** A JSON object with the protocol's field names and values of any kind. */
    private static Arbitrary<String> frameObject() {
        Arbitrary<String> member = Combinators.combine(Arbitraries.of(FIELDS).map(FramesPropertyTest::quoted), json(3))
                .as((name, value) -> name + ":" + value);
        return member.list().ofMaxSize(6).map(members -> "{" + String.join(",", members) + "}");
    }

    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(jsonString(),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "-0", "1e400", "-1.5E-7", "123456789012345678901234567890",
                        "\"message\"", "\"presence\"", "\"watch\"", "\"active\""));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> array = json(depth - 1).list().ofMaxSize(4).map(values -> "[" + String.join(",", values) + "]");
        Arbitrary<String> object = Combinators.combine(jsonString(), json(depth - 1)).as((k, v) -> k + ":" + v)
                .list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(Tuple.of(4, leaf), Tuple.of(1, array), Tuple.of(1, object));
    }

    /** A JSON string of hostile characters, each written raw or as a {@code \\u} escape. */
    private static Arbitrary<String> jsonString() {
        Arbitrary<Character> hostile = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.chars().range(' ', '~')),
                Tuple.of(2, Arbitraries.chars().range('\ud800', '\udfff')),
                Tuple.of(1, Arbitraries.of('\u0000', '\u001b', '\u007f', '\u202e', '\u2066', '\ufeff', '\uffff', '\n')),
                Tuple.of(1, Arbitraries.chars()));
        Arbitrary<String> piece = Combinators.combine(hostile, Arbitraries.of(true, false))
                .as((c, escaped) -> escaped || c == '"' || c == '\\' || c < ' ' ? String.format("\\u%04x", (int) c)
                        : String.valueOf(c));
        return piece.list().ofMaxSize(20).map(pieces -> "\"" + String.join("", pieces) + "\"");
    }

    /** Brackets nested up to far beyond the limit, closed or not, bare or inside a frame. */
    private static Arbitrary<String> deeplyNested() {
        return Combinators.combine(Arbitraries.integers().between(1, 6000), Arbitraries.of("[", "{\"a\":", "{\"type\":\"x\",\"t\":["),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((depth, open, closed, wrapped) -> {
                    String close = open.startsWith("{\"a\"") ? "}" : open.length() > 1 ? "]}" : "]";
                    String inner = open.repeat(depth) + (open.startsWith("{\"a\"") ? "1" : "") + (closed ? close.repeat(depth) : "");
                    return wrapped ? "{\"type\":\"message\",\"text\":" + inner + "}" : inner;
                });
    }

    /** The text cut short, or with a character put in or taken out somewhere. */
    private static Arbitrary<String> mangled(String text) {
        if (text.isEmpty()) {
            return Arbitraries.just(text);
        }
        Arbitrary<Integer> at = Arbitraries.integers().between(0, text.length() - 1);
        return Arbitraries.oneOf(
                at.map(i -> text.substring(0, i)),
                at.map(i -> text.substring(0, i) + text.substring(i + 1)),
                Combinators.combine(at, Arbitraries.of('{', '}', '[', ']', '"', '\\', ',', ':', '\ud800'))
                        .as((i, c) -> text.substring(0, i) + c + text.substring(i)));
    }

    @Property(tries = 2000)
    void readAnswersAFrameOrAFrameExceptionAndEverythingItHandsOnCanBeSent(@ForAll("frames") String text) {
        try {
            Frames.Incoming frame = Frames.read(text);
            assertNotNull(frame.type());
            assertSendable(frame.type());
            assertSendable(Frames.ack(frame.id()));
            for (String name : frame.fields().keySet()) {
                readEveryWay(frame, name);
            }
            try {
                frame.typingActive();
            } catch (FrameException refused) {
                assertSendable(refused.toFrame());
            }
        } catch (FrameException refused) {
            assertTrue(Set.of("bad_frame", "invalid").contains(refused.code()), refused.code());
            assertSendable(refused.toFrame());
        }
    }

    /** Each accessor either answers sendable text or refuses with a {@link FrameException}. */
    private static void readEveryWay(Frames.Incoming frame, String name) {
        try {
            frame.optionalText(name).ifPresent(FramesPropertyTest::assertSendable);
        } catch (FrameException refused) {
            assertSendable(refused.toFrame());
        }
        try {
            frame.texts(name, 500).forEach(FramesPropertyTest::assertSendable);
        } catch (FrameException refused) {
            assertSendable(refused.toFrame());
        }
        try {
            frame.number(name);
        } catch (FrameException refused) {
            assertSendable(refused.toFrame());
        }
    }

    @Property(tries = 1000)
    void aMessageWhoseTextWasCleanedCanAlwaysBeSent(@ForAll("frames") String text) {
        String anyText = text.length() > 40 ? text.substring(0, 40) : text;
        String clean = PlainText.clean(anyText);
        ConversationMessage message = new ConversationMessage(1, Instant.EPOCH, Party.VISITOR, clean, false);
        assertSendable(Frames.messageToVisitor(message));
        assertSendable(Frames.messageToMember("c", message));
    }

    /** What Tyrus does before sending a text frame: encode it as UTF-8, refusing what cannot be. */
    private static void assertSendable(String text) {
        try {
            StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new AssertionError("cannot be sent as a text frame: " + text.chars()
                    .mapToObj(c -> c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c))
                    .collect(Collectors.joining()), e);
        }
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
