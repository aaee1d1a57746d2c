package org.parley.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Parley started the README's way, {@code java FLAGS -jar payara-micro.jar --deploy parley.war …},
 * on a free loopback port with a fresh data folder, a random admin password, the lowest password
 * hashing cost Jakarta Security accepts and the visitor limits raised so the load is not refused.
 * Stopped with a normal shutdown.
 */
public final class MicroParley implements Parley {

    /** The load test's environment: what it raises above Parley's defaults, and why. */
    static final Map<String, String> LOAD_SETTINGS = loadSettings();

    private final Process process;
    private final URI base;
    private final Path log;
    private final String adminPassword;
    private final double startUpMillis;

    private MicroParley(Process process, URI base, Path log, String adminPassword, double startUpMillis) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.adminPassword = adminPassword;
        this.startUpMillis = startUpMillis;
    }

    private static Map<String, String> loadSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("PARLEY_PASSWORD_ITERATIONS", "1024"); // Soteria's minimum: setting up members is not the test
        settings.put("PARLEY_LIMITS_VISITOR_MESSAGES_PER_SECOND", "1000000");
        settings.put("PARLEY_LIMITS_VISITOR_MESSAGE_BURST", "1000000");
        settings.put("PARLEY_LIMITS_CONVERSATIONS_PER_MINUTE", "1000000");
        settings.put("PARLEY_LIMITS_ADDRESS_MESSAGES_PER_SECOND", "1000000"); // every visitor comes from 127.0.0.1
        settings.put("PARLEY_LIMITS_ADDRESS_MESSAGE_BURST", "1000000");
        settings.put("PARLEY_LIMITS_SOCKETS_PER_ADDRESS", "1000000");
        settings.put("PARLEY_LIMITS_PRESENCE_SOCKETS_PER_ADDRESS", "1000000"); // the fan-out's directory pages
        settings.put("PARLEY_HTTP_CONNECTIONS_PER_ADDRESS", "1000000"); // the 10,000 idle sockets, all from 127.0.0.1
        settings.put("PARLEY_LIMITS_PRESENCE_WATCHES_PER_SECOND", "1000000");
        settings.put("PARLEY_LIMITS_PRESENCE_WATCH_BURST", "1000000");
        return settings;
    }

    /** Starts Parley from {@code home} (payara-micro.jar, parley.war, parley-http-guard.jar, payara/) and waits for it to be ready. */
    public static MicroParley start(Path home, String jvmFlags, Duration limit) {
        try {
            Path work = Files.createTempDirectory("parley-bench-");
            Path log = work.resolve("parley.log");
            int port = Programs.freeLoopbackPort();
            String adminPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.stream(jvmFlags.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList());
            command.addAll(List.of("-jar", existing(home.resolve("payara-micro.jar")),
                    "--deploy", existing(home.resolve("parley.war")), "--contextroot", "/",
                    "--port", String.valueOf(port), "--nohazelcast", "--disablephonehome",
                    "--prebootcommandfile", existing(home.resolve("payara/loopback.asadmin")),
                    "--addlibs", existing(home.resolve("parley-http-guard.jar"))));
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("PARLEY_"));
            builder.environment().put("PARLEY_DATA_DIR", work.resolve("data").toString());
            builder.environment().put("PARLEY_ADMIN_PASSWORD", adminPassword);
            builder.environment().putAll(LOAD_SETTINGS);
            long started = System.nanoTime();
            Process process = builder.start();
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            return new MicroParley(process, base, log, adminPassword, awaitReady(process, base, log, started, limit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code /health/ready} until it says UP; answers the milliseconds since {@code started}. */
    private static double awaitReady(Process process, URI base, Path log, long started, Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = started + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Parley exited before it was ready; its log: " + log);
            }
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                    return (System.nanoTime() - started) / 1e6;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50); // a poll with a deadline: Parley has no readiness event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Parley was not ready within " + limit + "; its log: " + log);
    }

    private static String existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build it with mvn -pl web,bench -am -DskipTests package");
        }
        return file.toString();
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }

    @Override
    public double startUpMillis() {
        return startUpMillis;
    }

    @Override
    public String adminPassword() {
        return adminPassword;
    }

    @Override
    public List<String> raisedSettings() {
        return LOAD_SETTINGS.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    public Path log() {
        return log;
    }

    /**
     * A normal shutdown (SIGTERM, Payara's shutdown hook); forced only if it does not end within a
     * minute. The data folder goes with it; the log stays for a look afterwards.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(log.resolveSibling("data"));
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it up eventually
        }
    }
}
