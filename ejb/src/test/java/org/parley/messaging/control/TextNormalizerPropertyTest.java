package org.parley.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.parley.account.entity.PlainText;

/** The text rules hold for any string a client can send, however broken. */
class TextNormalizerPropertyTest {

    /** Lone and paired surrogates, controls, bidi controls, noncharacters, combining marks, markup. */
    private static final String HOSTILE = "\ud800\udbff\udc00\udfff\u0000\u0007\u0008\u001b\u007f\u0085\u009f\r\n\t "
            + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\ufeff\ufffe\uffff\u0301<>\"&";

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.chars().map(String::valueOf)),
                Tuple.of(4, Arbitraries.of(HOSTILE.chars().mapToObj(c -> String.valueOf((char) c)).toList())),
                Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("\ud83d\ude00", "\ud83d\udc4d\ud83c\udffd", "\r\n", "e\u0301", "</script>")));
        return piece.list().ofMaxSize(80).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 1500)
    void cleanTextHasNoLoneSurrogateNoControlOrBidiCharacterAndIsTrimmed(@ForAll("hostileText") String text) {
        String clean = PlainText.clean(text);
        assertEncodesAsUtf8(clean);
        assertTrue(clean.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL && c != '\n'), visible(clean));
        assertTrue(clean.chars().noneMatch(c -> c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069), visible(clean));
        assertEquals(clean.strip(), clean);
        assertEquals(clean, PlainText.clean(clean), "cleaning twice changes nothing");
    }

    @Property
    void aMessageAndANicknameAreCleanOneLineWhereTheyMustBeAndWithinTheirLengths(@ForAll("hostileText") String text) {
        TextNormalizer.message(text).ifPresent(message -> {
            assertEncodesAsUtf8(message);
            int length = message.codePointCount(0, message.length());
            assertTrue(length >= 1 && length <= TextNormalizer.MESSAGE_MAX, visible(message));
            assertTrue(PlainText.shows(message), "something in it shows: " + visible(message));
        });
        TextNormalizer.nickname(text).ifPresent(name -> {
            assertEncodesAsUtf8(name);
            assertTrue(name.indexOf('\n') < 0 && !name.contains("  "), visible(name));
            int length = name.codePointCount(0, name.length());
            assertTrue(length >= 1 && length <= TextNormalizer.NAME_MAX, visible(name));
            assertTrue(PlainText.shows(name), "something in it shows: " + visible(name));
        });
    }

    @Property
    void wellFormedReplacesExactlyTheLoneSurrogates(@ForAll("hostileText") String text) {
        String wellFormed = PlainText.wellFormed(text);
        assertEncodesAsUtf8(wellFormed);
        assertEquals(text.length(), wellFormed.length(), "one replacement character for each lone surrogate");
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != wellFormed.charAt(i)) {
                assertTrue(Character.isSurrogate(text.charAt(i)), "only surrogates change: " + visible(text));
                assertEquals(PlainText.REPLACEMENT, wellFormed.charAt(i));
            }
        }
        assertEquals(wellFormed, PlainText.wellFormed(wellFormed));
    }

    @Property(tries = 300)
    void textThatIsWellFormedAlreadyIsTheSameObject(@ForAll("hostileText") String text) {
        String wellFormed = PlainText.wellFormed(text);
        assertTrue(PlainText.wellFormed(wellFormed) == wellFormed, "no copy on the hot path");
    }

    static void assertEncodesAsUtf8(String text) {
        try {
            StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new AssertionError("not encodable as UTF-8: " + visible(text), e);
        }
    }

    private static String visible(String text) {
        return text.chars().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
    }
}
