package org.parley.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void withoutOptionsTheBenchStartsParleyAndRunsEveryDefaultScenarioAtFullScale() {
        Options options = Options.parse();
        assertNull(options.url());
        assertEquals(Scale.FULL, options.scale());
        assertEquals(List.of("startup", "relay", "latency", "connections", "presence", "fanout"), options.scenarios());
    }

    @Test
    void scenariosRunInTheirOwnOrderAndSoakOnlyWhenNamed() {
        Options options = Options.parse("--scenarios", "soak,relay", "--scale", "smoke", "--url", "http://127.0.0.1:9/");
        assertEquals(List.of("relay", "soak"), options.scenarios());
        assertEquals(Scale.SMOKE, options.scale());
        assertEquals("http://127.0.0.1:9/", options.url());
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse("--scenarios", "relay,fast"));
        assertEquals("unknown scenario fast; known: startup,relay,latency,connections,presence,fanout,soak,desktop", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--scale", "huge"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--url"));
    }
}
