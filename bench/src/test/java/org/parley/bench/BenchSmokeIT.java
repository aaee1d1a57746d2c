package org.parley.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.bench.report.Figure;
import org.parley.bench.report.Report;
import org.parley.bench.report.ScenarioResult;
import org.parley.bench.run.Nginx;
import org.parley.bench.run.Options;
import org.parley.bench.run.Scale;

/**
 * Every default scenario at smoke scale against one Parley the bench starts itself, so the bench
 * cannot rot: each produced its figures with no error and no lost message. Speed is never asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchSmokeIT {

    private Report report;
    private Path json;

    @BeforeAll
    void runTheBenchOnce() throws Exception {
        json = Files.createTempFile(Path.of(System.getProperty("parley.bench.home")), "bench-smoke-", ".json");
        report = Bench.run(Options.parse("--scale", "smoke", "--out", json.toString()), System.out);
    }

    @Test
    void everyDefaultScenarioRanToItsEndWithoutErrorsOrLostMessages() {
        assertEquals(Options.DEFAULT_SCENARIOS, report.results().stream().map(ScenarioResult::scenario).toList());
        assertAll(report.results().stream().map(result -> () -> {
            assertFalse(result.failed(), result.scenario() + " failed: " + result.failure());
            assertEquals(0, result.errors(), result.scenario() + " counted errors: " + result.notes());
            assertEquals(0, result.lost(), result.scenario() + " lost messages");
            assertFalse(result.figures().isEmpty(), result.scenario() + " has no figures");
        }));
    }

    @Test
    void eachScenarioMeasuredWhatItIsFor() {
        assertAll(
                () -> assertMeasured("startup", "process start to /health/ready UP"),
                () -> assertMeasured("relay", "delivered"),
                () -> assertMeasured("relay", "server CPU per message"),
                () -> assertMeasured("latency", "p99"),
                () -> assertMeasured("latency", "warm-up round (" + Scale.SMOKE.latencyRate()
                        * Scale.SMOKE.latencyWarmUpRound().toMillis() / 1000 + " messages), p99"),
                () -> assertMeasured("connections", "set-up"),
                () -> assertMeasured("connections", "RSS per connection"),
                () -> assertMeasured("connections", "live heap per connection (after full GC)"),
                () -> assertMeasured("presence", "requests"),
                () -> assertMeasured("presence", "p99"),
                () -> assertMeasured("fanout", "watchers p99"));
        assertTrue(result("latency").figure("messages measured (after warm-up)").value() > 0);
        assertTrue(result("presence").figure("requests").value() > 0);
    }

    /** CI installs nginx and wrk (.ci/run); elsewhere the report says that nginx is missing instead. */
    @Test
    void thePresenceApiIsSetAgainstNginxServingTheSameBytes() {
        ScenarioResult presence = result("presence");
        if (Nginx.installed().isPresent() && presence.notes().stream().anyMatch(n -> n.startsWith("load: wrk"))) {
            assertTrue(presence.figure("nginx, same bytes as a static file").value() > 0, presence.notes().toString());
            Figure share = presence.figure("requests, share of nginx's");
            assertEquals(100 * presence.figure("requests").value()
                    / presence.figure("nginx, same bytes as a static file").value(), share.value(), 1e-9);
            assertEquals("≥ 50 %", share.targetText());
        } else {
            assertTrue(presence.notes().stream().anyMatch(n -> n.startsWith("reference: nginx is not installed"))
                    || presence.notes().stream().noneMatch(n -> n.startsWith("load: wrk")), presence.notes().toString());
        }
    }

    @Test
    void everyFanOutSocketSawEveryStatusChange() {
        Figure saw = result("fanout").figure("sockets that saw every change");
        assertEquals("of " + (int) saw.value(), saw.unit(), "every control and watcher saw every change");
    }

    @Test
    void theJsonReportNamesTheMachineTheCommitAndTheCommand() throws Exception {
        String written = Files.readString(json);
        assertAll(List.of("\"nproc\"", "\"commit\"", "\"command\"", "\"jvmFlags\"", "\"javaVersion\"", "\"relay\"",
                "\"fanout\"").stream().map(key -> () -> assertTrue(written.contains(key), key + " in " + json)));
        assertTrue(report.commit().matches("[0-9a-f]{40}|unknown"), report.commit());
    }

    private void assertMeasured(String scenario, String figure) {
        double value = result(scenario).figure(figure).value();
        assertFalse(Double.isNaN(value), scenario + " did not measure " + figure);
    }

    private ScenarioResult result(String scenario) {
        return report.results().stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElseThrow();
    }
}
