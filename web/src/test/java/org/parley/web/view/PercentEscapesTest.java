package org.parley.web.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentEscapesTest {

    @Test
    void everyPercentSignStartsTwoHexDigits() {
        for (String good : List.of("", "a=b", "invitee=3F2A%40parley&mkt=en-US", "x=%e2%80%ae%41", "%20%2F%2f")) {
            assertTrue(PercentEscapes.wellFormed(good), good);
        }
        assertTrue(PercentEscapes.wellFormed(null));
        for (String bad : List.of("%zz", "a=%", "a=%4", "a=%4g", "%%41", "a=b%2", "x=%\u0663\u0663", "x=%\uff11\uff11")) {
            assertFalse(PercentEscapes.wellFormed(bad), bad);
        }
    }
}
