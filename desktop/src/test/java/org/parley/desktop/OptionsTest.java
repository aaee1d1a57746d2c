package org.parley.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void theTextModeSignsInWithACodeAndJsonImpliesTheTextMode() {
        Options options = Options.parse(List.of("--json", "--server", "http://parley.intranet:8080", "--idle-after", "0"));
        assertTrue(options.text() && options.json() && options.device());
        assertEquals(URI.create("http://parley.intranet:8080/"), options.server());
        assertEquals(Duration.ZERO, options.idleAfter());
    }

    @Test
    void mistakesAreOneSentenceThatSaysWhatIsWanted() {
        assertEquals("--server wants an address like http://parley.intranet:8080/, not ftp://x.",
                assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--server", "ftp://x"))).getMessage());
        assertEquals("--idle-after wants whole minutes, 0 or more, not soon.",
                assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--idle-after", "soon"))).getMessage());
        assertEquals("Unknown option --colour; --help lists the options.",
                assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--colour"))).getMessage());
        assertEquals("--config needs a value; --help lists the options.",
                assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--config"))).getMessage());
    }
}
