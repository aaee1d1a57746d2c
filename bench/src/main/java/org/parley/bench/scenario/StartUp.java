package org.parley.bench.scenario;

import org.parley.bench.report.Figure;
import org.parley.bench.report.Target;

/** Start-up: from starting the Parley process to its {@code /health/ready} answering UP (measured when the bench starts it). */
final class StartUp implements Scenario {

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public void run(Context context, Outcome outcome) {
        double millis = context.parley().startUpMillis();
        outcome.add(Figure.of("process start to /health/ready UP", millis / 1000, "s", Target.atMost(12)));
        if (Double.isNaN(millis)) {
            outcome.note("not measured: the bench did not start this Parley (--url)");
        }
        Usage now = context.usage();
        outcome.add(Figure.of("server RSS when ready", now.serverRssKiB() < 0 ? Double.NaN : now.serverRssKiB() / 1024.0,
                "MiB"));
        outcome.add(Figure.of("server CPU to get ready", now.serverCpuNanos() < 0 ? Double.NaN
                : now.serverCpuNanos() / 1e9, "s"));
    }
}
