package org.parley.bench.scenario;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.parley.bench.run.Nginx;
import org.parley.bench.run.ProcStats;
import org.parley.bench.run.Programs;
import org.parley.bench.run.Scale;

/**
 * The Presence API: {@code GET /users/{CID}/presence} for a sharing member over C keep-alive
 * connections for T seconds; requests per second and latency percentiles. The load comes from
 * {@code wrk -t1} when it is on the PATH (or {@code --http wrk}), else from a Java HttpClient loop.
 * With wrk, and nginx installed, the same wrk command then measures nginx serving the same bytes
 * as a static file, and Parley's rate is given as a share of it (the target: half).
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
        HttpResponse<byte[]> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String firstText = new String(first.body(), StandardCharsets.UTF_8);
        if (first.statusCode() != 200 || !firstText.contains("\"code\":200")) {
            throw new IllegalStateException(url + " answered " + first.statusCode() + " " + firstText);
        }
        boolean wrk = switch (context.options().http()) {
            case "wrk" -> true;
            case "java" -> false;
            default -> Programs.installed("wrk").isPresent();
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
        if (wrk) {
            measureNginx(url, first.body(), scale.presenceConnections(), scale.presenceRun(), outcome, limit);
        }
    }

    /**
     * The reference on this machine: right after Parley, the same wrk command against nginx
     * serving the same bytes as a static file; Parley's requests per second are set against half of it.
     */
    private static void measureNginx(URI url, byte[] body, int connections, Duration run, Outcome outcome, Limit limit)
            throws Exception {
        Optional<Path> program = Nginx.installed();
        if (program.isEmpty()) {
            outcome.note("reference: nginx is not installed, so Parley is not set against it (apt-get install nginx)");
            return;
        }
        double parley = outcome.figures().stream().filter(f -> f.name().equals("requests")).findFirst()
                .orElseThrow().value();
        try (Nginx nginx = Nginx.serve(program.get(), url.getPath(), body)) {
            outcome.note("reference: " + program.get() + " serving the same " + body.length
                    + " bytes as a static file (worker_processes auto, access_log off)");
            WrkOutput reference = wrk(nginx.url(), connections, run, outcome, limit);
            outcome.add(Figure.of("nginx, same bytes as a static file", reference.requestsPerSecond(), "req/s"));
            outcome.add(Figure.of("nginx p99", reference.percentilesMs().getOrDefault("p99", Double.NaN), "ms"));
            outcome.add(Figure.of("requests, share of nginx's", 100 * parley / reference.requestsPerSecond(), "%",
                    Target.atLeast(50)));
        }
    }

    private static void loadWithWrk(URI url, int connections, Duration run, Outcome outcome, Limit limit)
            throws Exception {
        long self = ProcessHandle.current().pid();
        long childrenBefore = ProcStats.waitedChildrenCpuNanos(self);
        WrkOutput wrk = wrk(url, connections, run, outcome, limit);
        double wrkCpu = (ProcStats.waitedChildrenCpuNanos(self) - childrenBefore) / 1e9;
        outcome.add(Figure.of("requests", wrk.requestsPerSecond(), "req/s", Target.atLeast(45_000)));
        wrk.percentilesMs().forEach((p, ms) -> outcome.add(Figure.of(p, ms, "ms",
                p.equals("p99") ? Target.atMost(5) : null)));
        outcome.add(Figure.of("wrk CPU (besides the generator's)", wrkCpu, "s"));
    }

    /** Runs {@code wrk -t1} against {@code url}; what it counted as failures are the scenario's errors. */
    private static WrkOutput wrk(URI url, int connections, Duration run, Outcome outcome, Limit limit)
            throws Exception {
        List<String> command = List.of("wrk", "-t1", "-c" + connections, "-d" + run.toSeconds() + "s", "--latency",
                url.toString());
        outcome.note("load: " + String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(limit.remainingNanos(), TimeUnit.NANOSECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not end within the scenario's limit");
        }
        WrkOutput wrk = WrkOutput.parse(text);
        if (wrk.non2xx() + wrk.socketErrors() > 0) {
            outcome.tally().error("wrk counted " + wrk.non2xx() + " non-2xx answers and " + wrk.socketErrors()
                    + " socket errors from " + url);
        }
        return wrk;
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
}
