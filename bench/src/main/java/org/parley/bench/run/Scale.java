package org.parley.bench.run;

import java.time.Duration;

/**
 * How big each scenario is. {@link #FULL} has issue 10's counts; {@link #SMOKE} runs the same code
 * with tiny counts, so CI notices when the bench rots. Every scenario also has a time limit. The
 * relay, the latency at a fixed rate and the Presence API are measured after a warm-up of the same
 * load (not reported as the figure), so they show a server whose JIT compiled the path, as one that
 * runs all day.
 */
public record Scale(String name,
                    int relayPairs, int relayMessages, int relayWindow, int relayWarmUp,
                    int latencyPairs, int latencyRate, Duration latencyRun, Duration latencyWarmUp, Duration latencyWarmUpRound,
                    int connections, int connectConcurrency, Duration idle, int idleWindows,
                    int presenceConnections, Duration presenceRun, Duration presenceWarmUp,
                    int fanOutControls, int fanOutWatchers, int fanOutChanges,
                    int soakPairs, int soakRate, Duration soakRun, int soakMessagesPerVisitor, Duration soakSample,
                    Duration scenarioLimit, Duration soakLimit) {

    public static final Scale FULL = new Scale("full",
            100, 500, 20, 3_000, // the warm-up round: 300,000 messages, about as many as the JIT needs here
            100, 1_000, Duration.ofSeconds(20), Duration.ofSeconds(2),
            Duration.ofSeconds(10), // the warm-up round: the JIT compiles this rate's path for 3-7 s after the relay
            10_000, 64, Duration.ofSeconds(60), 3, // each idle window holds two of the server's 30 s sweeps, one that pings an idle socket and one that sends it a heartbeat; the last is the figure
            64, Duration.ofSeconds(10), Duration.ofSeconds(120), // this path needs minutes of load before C2 has compiled it
            1_000, 1_000, 3,
            100, 1_000, Duration.ofMinutes(30), 200, Duration.ofMinutes(1),
            Duration.ofMinutes(6), Duration.ofMinutes(35));

    public static final Scale SMOKE = new Scale("smoke",
            3, 20, 5, 5,
            3, 30, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(500),
            40, 8, Duration.ofSeconds(1), 2,
            4, Duration.ofSeconds(1), Duration.ofSeconds(1),
            10, 10, 3,
            3, 30, Duration.ofSeconds(10), 20, Duration.ofSeconds(5),
            Duration.ofSeconds(60), Duration.ofSeconds(60));

    public static Scale named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "smoke" -> SMOKE;
            default -> throw new IllegalArgumentException("--scale is full or smoke, not " + name);
        };
    }

    /** Members the scenarios need at once: one per pair, and the fan-out's member is the first of them. */
    public int members() {
        return Math.max(Math.max(relayPairs, latencyPairs), Math.max(soakPairs, 1));
    }
}
