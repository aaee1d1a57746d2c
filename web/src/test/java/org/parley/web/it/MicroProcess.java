package org.parley.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parley started the way the README runs it: {@code java -jar payara-micro.jar --deploy parley.war},
 * on loopback, with the environment a test gives it. Stopping it is a normal shutdown.
 */
public final class MicroProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private MicroProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static MicroProcess start(Path workDir, Map<String, String> environment) {
        try {
            Files.createDirectories(workDir);
            int port = freePort();
            Path log = Files.createTempFile(workDir, "micro-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    System.getProperty("payara.microJar"),
                    "--deploy", System.getProperty("parley.war"), "--contextroot", "/",
                    "--port", String.valueOf(port),
                    "--nocluster", "--disablephonehome",
                    "--prebootcommandfile", System.getProperty("parley.preboot")));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("PARLEY_"));
            builder.environment().putAll(environment);
            return new MicroProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until Micro says it is ready (the application deployed or not); fails past the deadline. */
    public MicroProcess awaitReady(Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            if (log().contains("ready in")) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro exited:\n" + tail());
            }
            pause();
        }
        throw new AssertionError("Payara Micro not ready within " + deadline + ":\n" + tail());
    }

    /** Waits until the application answers its readiness check. */
    public URL awaitParley(Duration deadline) {
        awaitReady(deadline);
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create(base() + "health/ready");
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("database")) {
                    return URI.create(base()).toURL();
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new AssertionError("Parley did not become ready:\n" + tail());
    }

    public String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String tail() {
        String all = log();
        return all.substring(Math.max(0, all.length() - 6000));
    }

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
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
