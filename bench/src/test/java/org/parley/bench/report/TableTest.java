package org.parley.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

    private static Report report(ScenarioResult... results) {
        return new Report(Instant.parse("2026-12-01T10:00:00Z"), Map.of("nproc", "2"), "abc123",
                "java -jar parley-bench.jar", "http://127.0.0.1:1234/", "-Xmx1g", "OpenJDK 17", "smoke",
                List.of(results));
    }

    @Test
    void eachFigureIsARowWithItsTargetAndWhetherItWasMet() {
        String table = Table.of(report(new ScenarioResult("relay", List.of(
                Figure.of("delivered", 2617, "msg/s", Target.atLeast(14_000)),
                Figure.of("p99", 1.25, "ms", Target.atMost(1.5))), 0, 0, List.of(), null)));
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).matches("scenario +figure +value +target +met"), lines.get(0));
        assertTrue(lines.get(2).matches("relay +delivered +2,617 msg/s +≥ 14,000 msg/s +no"), lines.get(2));
        assertTrue(lines.get(3).matches("relay +p99 +1.25 ms +≤ 1.50 ms +yes"), lines.get(3));
        assertTrue(lines.get(4).matches("relay +errors / lost messages +0 / 0 +0 / 0 +yes"), lines.get(4));
    }

    @Test
    void aFailedScenarioSaysWhy() {
        String table = Table.of(report(new ScenarioResult("latency", List.of(), 2, 1, List.of(),
                "over its time limit of 60 s: delivering 60 messages (1 still outstanding)")));
        assertTrue(table.contains("latency   errors / lost messages  2 / 1"), table);
        assertTrue(table.contains("latency   FAILED                  (see below)"), table);
        assertTrue(table.endsWith("latency FAILED: over its time limit of 60 s: delivering 60 messages (1 still outstanding)\n"),
                table);
    }

    @Test
    void theJsonHoldsTheMachineTheCommitTheCommandAndEveryFigure() {
        String json = JsonReport.of(report(new ScenarioResult("presence", List.of(
                Figure.of("requests", 1160.5, "req/s", Target.atLeast(45_000)),
                Figure.of("server RSS at end", Double.NaN, "MiB")), 0, 0, List.of("load: wrk"), null)));
        var parsed = jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
        assertEquals("abc123", parsed.getString("commit"));
        assertEquals("java -jar parley-bench.jar", parsed.getString("command"));
        assertEquals("2", parsed.getJsonObject("machine").getString("nproc"));
        var figures = parsed.getJsonArray("scenarios").getJsonObject(0).getJsonArray("figures");
        assertEquals(1160.5, figures.getJsonObject(0).getJsonNumber("value").doubleValue(), 1e-9);
        assertEquals(45_000, figures.getJsonObject(0).getJsonObject("target").getInt("atLeast"));
        assertEquals(false, figures.getJsonObject(0).getBoolean("met"));
        assertTrue(figures.getJsonObject(1).isNull("value"));
    }
}
