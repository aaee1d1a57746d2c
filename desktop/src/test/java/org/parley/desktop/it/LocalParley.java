package org.parley.desktop.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Parley for all the desktop ITs, started the README's way ({@code java -jar
 * payara-micro.jar --deploy parley.war} with the loopback pre-boot commands, the HTTP guard,
 * {@code --nohazelcast --disablephonehome}) on a free loopback port, stopped when the test run
 * ends. {@link #restart()} stops it and starts it again on the same port and data, as an admin would.
 * A test gets it as a parameter ({@code @ExtendWith(LocalParley.Shared.class)}).
 */
final class LocalParley implements ExtensionContext.Store.CloseableResource {

    static final String ADMIN_PASSWORD = "desktop-it-admin";
    private static final Duration START = Duration.ofMinutes(3);

    private final Path work;
    private final int port;
    private Process process;
    private int starts;

    private LocalParley(Path work, int port) {
        this.work = work;
        this.port = port;
    }

    /** Resolves {@link LocalParley} parameters with the one server of this test run. */
    static final class Shared implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == LocalParley.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(LocalParley.class, key -> LocalParley.start(), LocalParley.class);
        }
    }

    private static LocalParley start() {
        try {
            Path work = Files.createDirectories(Path.of(System.getProperty("parley.it.work"))).resolve("parley-" + System.nanoTime());
            Files.createDirectories(work);
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            LocalParley parley = new LocalParley(work, port);
            parley.boot();
            // a test JVM that dies without closing its store must not leave Parley running
            Runtime.getRuntime().addShutdownHook(new Thread(() -> parley.process.destroy(), "stop Parley"));
            return parley;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Stops Parley (a normal shutdown) and starts it again on the same port with the same database. */
    void restart() {
        stop();
        boot();
    }

    /** Stops Parley; {@link #boot()} starts it again. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void boot() {
        Path home = Path.of(System.getProperty("parley.home"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-jar", home.resolve("payara-micro.jar").toString(),
                "--deploy", home.resolve("parley.war").toString(), "--contextroot", "/", "--port", String.valueOf(port),
                "--nohazelcast", "--disablephonehome", "--prebootcommandfile", System.getProperty("parley.preboot"),
                "--addlibs", home.resolve("parley-http-guard.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("parley-" + (++starts) + ".log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("PARLEY_"));
        builder.environment().put("PARLEY_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("PARLEY_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("PARLEY_PASSWORD_ITERATIONS", "1024"); // Soteria's minimum: members are set up, not tested, here
        builder.environment().put("PARLEY_TOKEN_DEVICE_POLL_INTERVAL", "PT1S");
        builder.environment().put("PARLEY_PRESENCE_GRACE", "PT2S");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(base().resolve("health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Parley exited before it was ready; see " + work);
            }
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Waiting.pause(); // a poll with a deadline: Parley has no readiness event to wait on
        }
        throw new IllegalStateException("Parley was not ready within " + START + "; see " + work);
    }

    Path work() {
        return work;
    }

    @Override
    public void close() {
        stop();
    }
}
