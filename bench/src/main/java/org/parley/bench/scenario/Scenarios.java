package org.parley.bench.scenario;

import java.util.Map;
import java.util.function.Supplier;
import org.parley.bench.report.ScenarioResult;

/** The scenarios by name, and running one so that a failure becomes its result instead of ending the run. */
public final class Scenarios {

    private static final Map<String, Supplier<Scenario>> BY_NAME = Map.of(
            "startup", StartUp::new, "relay", Relay::new, "latency", Latency::new, "connections", Connections::new,
            "presence", PresenceApi::new, "fanout", FanOut::new, "soak", Soak::new, "desktop", Desktop::new);

    private Scenarios() {
    }

    public static ScenarioResult run(String name, Context context) {
        Scenario scenario = BY_NAME.get(name).get();
        Outcome outcome = new Outcome(name);
        try {
            scenario.run(context, outcome);
            return outcome.result(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome.result("interrupted");
        } catch (Exception e) {
            return outcome.result(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
