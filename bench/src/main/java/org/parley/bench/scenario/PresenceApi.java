package org.parley.bench.scenario;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.parley.bench.report.Figure;
import org.parley.bench.report.Target;
import org.parley.bench.report.WrkOutput;
import org.parley.bench.run.ProcStats;
import org.parley.bench.run.Scale;

/**
 * The Presence API: {@code GET /users/{CID}/presence} for a sharing member over C keep-alive
 * connections for T seconds; requests per second and latency percentiles. The load comes from
 * {@code wrk -t1} when it is on the PATH (or {@code --http wrk}), else from a Java HttpClient loop.
 */
final class PresenceApi implements Scenario {

    @Override
    public String name() {
        return "presence";
    }

    @Override
    public void run(Context context, Outcome outcome) throws Exception {
        Scale scale = context.scale();
        Limit limit = new Limit(scale.scenarioLimit());
        URI url = context.parley().base().resolve("users/" + context.members(1).get(0).member().cid() + "/presence");
        HttpResponse<String> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200 || !first.body().contains("\"code\":200")) {
            throw new IllegalStateException(url + " answered " + first.statusCode() + " " + first.body());
        }
        boolean wrk = switch (context.options().http()) {
            case "wrk" -> true;
            case "java" -> false;
            default -> onPath("wrk");
        };
        // the warm-up: the same load, whose figures are dropped
        Outcome warmUp = outcome.aside();
        if (wrk) {
            loadWithWrk(url, scale.presenceConnections(), scale.presenceWarmUp(), warmUp, limit);
        } else {
            loadWithJava(url, scale.presenceConnections(), scale.presenceWarmUp(), warmUp, limit);
        }
        warmUp.figures().stream().filter(f -> f.name().equals("requests")).findFirst().ifPresent(f ->
                outcome.add(Figure.of("warm-up (" + scale.presenceWarmUp().toSeconds() + " s)", f.value(), "req/s")));
        Usage start = context.usage();
        if (wrk) {
            loadWithWrk(url, scale.presenceConnections(), scale.presenceRun(), outcome, limit);
        } else {
            loadWithJava(url, scale.presenceConnections(), scale.presenceRun(), outcome, limit);
        }
        Usage end = context.usage();
        outcome.addAll(end.figuresSince(start));
    }

    private static void loadWithWrk(URI url, int connections, Duration run, Outcome outcome, Limit limit)
            throws Exception {
        List<String> command = List.of("wrk", "-t1", "-c" + connections, "-d" + run.toSeconds() + "s", "--latency",
                url.toString());
        outcome.note("load: " + String.join(" ", command));
        long self = ProcessHandle.current().pid();
        long childrenBefore = ProcStats.waitedChildrenCpuNanos(self);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(limit.remainingNanos(), TimeUnit.NANOSECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not end within the scenario's limit");
        }
        double wrkCpu = (ProcStats.waitedChildrenCpuNanos(self) - childrenBefore) / 1e9;
        WrkOutput wrk = WrkOutput.parse(text);
        if (wrk.non2xx() + wrk.socketErrors() > 0) {
            outcome.tally().error("wrk counted " + wrk.non2xx() + " non-2xx answers and " + wrk.socketErrors()
                    + " socket errors");
        }
        outcome.add(Figure.of("requests", wrk.requestsPerSecond(), "req/s", Target.atLeast(45_000)));
        wrk.percentilesMs().forEach((p, ms) -> outcome.add(Figure.of(p, ms, "ms",
                p.equals("p99") ? Target.atMost(5) : null)));
        outcome.add(Figure.of("wrk CPU (besides the generator's)", wrkCpu, "s"));
    }

    /** One thread per connection, each sending its next request as soon as the last one was answered, as wrk does. */
    private static void loadWithJava(URI url, int connections, Duration run, Outcome outcome, Limit limit)
            throws Exception {
        outcome.note("load: Java HttpClient, " + connections + " threads on keep-alive connections for "
                + run.toSeconds() + " s (wrk is not on the PATH)");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build();
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(1), 3);
        AtomicLong failures = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        long begin = System.nanoTime();
        long end = begin + run.toNanos();
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                loops.add(threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        latency.recordValue(System.nanoTime() - sent);
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get(limit.remainingNanos(), TimeUnit.NANOSECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (failures.get() > 0) {
            outcome.tally().error(failures.get() + " presence requests failed or were not 200");
        }
        outcome.add(Figure.of("requests", latency.getTotalCount() / seconds, "req/s", Target.atLeast(45_000)));
        for (int p : new int[] {50, 75, 90}) {
            outcome.add(Latency.ms("p" + p, latency.getValueAtPercentile(p), null));
        }
        outcome.add(Latency.ms("p99", latency.getValueAtPercentile(99), Target.atMost(5)));
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
