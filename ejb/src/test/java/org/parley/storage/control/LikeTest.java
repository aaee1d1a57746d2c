package org.parley.storage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LikeTest {

    @Test
    void wildcardsAndTheEscapeMatchOnlyThemselves() {
        assertEquals("%50!% off!_now!!%", Like.contains(" 50% OFF_now! "));
        assertEquals("%o'brien \"x\"%", Like.contains("O'Brien \"x\""));
    }

    @Test
    void nothingToLookForIsNull() {
        assertNull(Like.contains(null));
        assertNull(Like.contains("  "));
        assertNull(Like.contains("\u0000\u0007"));
    }

    @Test
    void controlCharactersAreDroppedAndAHugeTextIsCut() {
        assertEquals("%ab%", Like.contains("a\u0000b"));
        assertEquals(Like.MAX + 2, Like.contains("x".repeat(10_000)).length());
    }
}
