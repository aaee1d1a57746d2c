package org.parley.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.parley.bench.report.JsonReport;
import org.parley.bench.report.Report;
import org.parley.bench.report.ScenarioResult;
import org.parley.bench.report.Table;
import org.parley.bench.run.Machine;
import org.parley.bench.run.MicroParley;
import org.parley.bench.run.Options;
import org.parley.bench.run.Parley;
import org.parley.bench.scenario.Context;
import org.parley.bench.scenario.Scenarios;

/**
 * Parley's load generator: starts a Parley (or takes {@code --url}), sets up members through its
 * pages, runs the chosen scenarios on loopback, prints one table and writes the JSON report.
 * Exits 1 if a scenario failed, or counted an error or a lost message.
 */
public final class Bench {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private Bench() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options, System.out);
        System.exit(report.clean() ? 0 : 1);
    }

    /** Runs the bench, telling {@code log} what it does; answers the report it printed and wrote. */
    public static Report run(Options options, PrintStream log) {
        Instant startedAt = Instant.now();
        String command = ProcessHandle.current().info().commandLine().orElse("parley-bench " + options.commandLine());
        log.println("parley-bench: " + command);
        log.println("scale " + options.scale().name() + ", scenarios " + String.join(",", options.scenarios()));
        List<ScenarioResult> results = new ArrayList<>();
        String jvm;
        String url;
        try (Parley parley = parley(options, log); Context context = new Context(parley, options)) {
            url = parley.base().toString();
            jvm = options.url() == null ? options.jvmFlags() : "unknown (--url)";
            log.println("Parley at " + url + ", pid " + (parley.pid().isPresent() ? parley.pid().getAsLong() : "unknown"));
            for (String name : options.scenarios()) {
                log.println("-- " + name);
                long began = System.nanoTime();
                ScenarioResult result = Scenarios.run(name, context);
                results.add(result);
                result.notes().forEach(note -> log.println("   " + note));
                log.println(result.failed() ? "   FAILED: " + result.failure()
                        : "   done: " + result.figures().size() + " figures, " + result.errors() + " errors, "
                        + result.lost() + " lost");
                log.printf("   (%.1f s with its set-up)%n", (System.nanoTime() - began) / 1e9);
            }
            log.println("stopping Parley");
        }
        Report report = new Report(startedAt, Machine.describe(), Machine.commit(options.home().toAbsolutePath()), command,
                url, jvm, System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                options.scale().name(), results);
        log.println();
        log.print(Table.of(report));
        Path out = options.out() != null ? options.out() : options.home().resolve("bench-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(startedAt) + ".json");
        try {
            Files.writeString(out, JsonReport.of(report));
            log.println("JSON report: " + out);
        } catch (IOException e) {
            log.println("could not write the JSON report " + out + ": " + e);
        }
        return report;
    }

    private static Parley parley(Options options, PrintStream log) {
        if (options.url() != null) {
            String password = System.getenv("PARLEY_ADMIN_PASSWORD");
            if (password == null) {
                throw new IllegalArgumentException("with --url, give the admin's password in PARLEY_ADMIN_PASSWORD");
            }
            return Parley.attach(options.url(), options.pid(), password);
        }
        log.println("starting Parley: java " + options.jvmFlags() + " -jar " + options.home().resolve("payara-micro.jar")
                + " --deploy parley.war …");
        MicroParley parley = MicroParley.start(options.home(), options.jvmFlags(), START_LIMIT);
        log.println("raised for the load test: " + String.join(" ", parley.raisedSettings()));
        log.println("Parley's log: " + parley.log());
        return parley;
    }
}
