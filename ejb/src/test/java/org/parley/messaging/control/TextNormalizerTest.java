package org.parley.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void textIsTrimmedAndControlCharactersGo() {
        assertEquals(Optional.of("hello world"), TextNormalizer.message("  hello\u0000 wor\u0007ld \u001b "));
    }

    @Test
    void lineBreaksStayAsLineFeedsAndTabsBecomeSpaces() {
        assertEquals(Optional.of("one\ntwo\nthree four"), TextNormalizer.message("one\r\ntwo\rthree\tfour"));
    }

    @Test
    void bidirectionalOverridesAreRemoved() {
        assertEquals(Optional.of("invoice.pdf"), TextNormalizer.message("invoice\u202E.pdf\u2066"));
    }

    @Test
    void markupIsKeptAsText() {
        assertEquals(Optional.of("<img src=x onerror=alert(1)>"), TextNormalizer.message("<img src=x onerror=alert(1)>"));
    }

    @Test
    void aMessageHasOneTo2000Characters() {
        assertEquals(Optional.empty(), TextNormalizer.message("   \u0001  "));
        assertEquals(Optional.empty(), TextNormalizer.message(null));
        assertEquals(2000, TextNormalizer.message("x".repeat(2000)).orElseThrow().length());
        assertEquals(Optional.empty(), TextNormalizer.message("x".repeat(2001)));
        assertEquals(Optional.of("😀".repeat(2000)), TextNormalizer.message("😀".repeat(2000)), "characters, not UTF-16 units");
    }

    @Test
    void aMessageOrANicknameOfOnlyInvisibleCharactersIsNone() {
        String invisible = "\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E\u200F\u00A0\u3000\u3164\u115F\u2800\u180E";
        assertEquals(Optional.empty(), TextNormalizer.message(invisible), "zero-width, marks, blank letters, odd spaces");
        assertEquals(Optional.empty(), TextNormalizer.message(" \u200B\n\u200B "));
        assertEquals(Optional.empty(), TextNormalizer.nickname("\u3164\u3164"), "a name that draws as nobody");
        assertEquals(Optional.of("\u200Bhi\u200B"), TextNormalizer.message("\u200Bhi\u200B"), "one visible character is enough");
        assertEquals(Optional.of("\u0645\u0631\u062D\u0628\u0627"), TextNormalizer.nickname("\u0645\u0631\u062D\u0628\u0627"));
        assertEquals(Optional.of("\uD83D\uDE00"), TextNormalizer.message("\uD83D\uDE00"), "an emoji shows");
        assertEquals(Optional.of("\uFFFD"), TextNormalizer.message("\uD800"), "a lone surrogate shows as the replacement");
    }

    @Test
    void aNicknameIsOneLineOfOneTo40Characters() {
        assertEquals(Optional.of("Ada L."), TextNormalizer.nickname("  Ada\n  L.  "));
        assertEquals(Optional.empty(), TextNormalizer.nickname("x".repeat(41)));
        assertEquals(Optional.empty(), TextNormalizer.nickname(""));
    }

    @Test
    void aLoneSurrogateBecomesTheReplacementCharacterAndAPairStays() {
        assertEquals(Optional.of("\uFFFD broken"), TextNormalizer.message("\ud800 broken"));
        assertEquals(Optional.of("tail \uFFFD"), TextNormalizer.message("tail \udc00"));
        assertEquals(Optional.of("\uFFFD\uFFFD reversed"), TextNormalizer.message("\udc00\ud800 reversed"));
        assertEquals(Optional.of("pair \ud83d\ude00"), TextNormalizer.message("pair \ud83d\ude00"));
        assertEquals(Optional.of("Jo\uFFFDan"), TextNormalizer.nickname("Jo\udc00an"));
    }
}
