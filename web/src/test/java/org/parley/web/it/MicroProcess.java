package org.parley.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parley started the way the README runs it: {@code java -jar payara-micro.jar --deploy parley.war}
 * with the README's options, on loopback (HTTP and data grid), with the environment a test gives
 * it. Stopping it is a normal shutdown.
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
        return start(workDir, environment, 0);
    }

    /**
     * As {@link #start(Path, Map)}, with at most {@code openFiles} files open in the process (its open-files limit, soft
     * and hard, as {@code ulimit -n} sets it), or the machine's limit for 0.
     */
    public static MicroProcess start(Path workDir, Map<String, String> environment, int openFiles) {
        try {
            Files.createDirectories(workDir);
            int port = freePort();
            Path log = Files.createTempFile(workDir, "micro-", ".log");
            List<String> command = new ArrayList<>();
            if (openFiles > 0) {
                // the shell sets the limit and becomes the JVM (exec), which keeps the process and its pid
                command.addAll(List.of("/bin/sh", "-c", "ulimit -n " + openFiles + " && exec \"$@\"", "sh"));
            }
            command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    System.getProperty("payara.microJar"),
                    "--deploy", System.getProperty("parley.war"), "--contextroot", "/",
                    "--port", String.valueOf(port),
                    "--nohazelcast", "--disablephonehome",
                    "--prebootcommandfile", System.getProperty("parley.preboot"),
                    "--addlibs", System.getProperty("parley.httpguard")));
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

    /**
     * Waits until the application answers its readiness check, asking from the process's start, and
     * checks that it serves its pages from the moment it says UP (the sign-in page, at once): a load
     * balancer sends people to a node as soon as it is ready. (Payara's own check, "No Application
     * deployed", keeps it DOWN until the deployment has ended; this holds it to that.)
     */
    public URL awaitParley(Duration deadline) {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create(base() + "health/ready");
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro exited:\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("database")) {
                    HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base() + "signin")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (signIn.statusCode() != 200 || !signIn.body().contains("Sign in")) {
                        throw new AssertionError("/health/ready said UP (" + response.body() + ") while /signin answered "
                                + signIn.statusCode() + ":\n" + signIn.body() + "\n" + tail());
                    }
                    return URI.create(base()).toURL();
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(20); // ask again soon: a readiness that comes too early must be caught in the act
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

    /** Kills Parley as a power cut would (SIGKILL): nothing of it runs after this, not even its shutdown hooks. */
    public void crash() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** The port Parley's HTTP listener was given. */
    public int port() {
        return port;
    }

    /**
     * Every address this server process listens on (TCP) or receives at (unconnected UDP, such as
     * multicast discovery), read from the kernel's tables ({@code /proc/net/tcp}, {@code tcp6},
     * {@code udp}, {@code udp6}) for the sockets the process holds: what another machine could reach.
     */
    public List<InetSocketAddress> listening() {
        List<InetSocketAddress> found = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            String listenState = table.startsWith("tcp") ? "0A" : "07";
            socketsHeld(table).filter(f -> f[3].equals(listenState))
                    .filter(f -> table.startsWith("tcp") || f[2].replaceAll("[0:]", "").isEmpty())
                    .forEach(f -> found.add(socketAddress(f[1])));
        }
        return found;
    }

    /** Whether this server process still holds a TCP connection to the peer whose port (on this machine) is {@code peerPort}. */
    public boolean holdsConnectionFrom(int peerPort) {
        String remote = String.format(":%04X", peerPort);
        return Stream.of("tcp", "tcp6").flatMap(this::socketsHeld).anyMatch(f -> f[2].endsWith(remote));
    }

    /**
     * The rows of one of the kernel's socket tables ({@code /proc/net/tcp}, …) for the sockets this process holds,
     * split into fields: local address, remote address, state, …, inode ({@code [9]}).
     */
    private Stream<String[]> socketsHeld(String table) {
        Set<String> inodes = socketInodes();
        try (Stream<String> lines = Files.lines(Path.of("/proc/net", table))) {
            return lines.skip(1).map(String::trim).map(line -> line.split("\\s+")).filter(f -> inodes.contains(f[9]))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> socketInodes() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return ""; // closed while we looked
                }
            }).filter(link -> link.startsWith("socket:[")).map(link -> link.substring(8, link.length() - 1))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 0100007F:1F90} (IPv4) or 32 hex digits (IPv6), each 32-bit word in the kernel's byte order. */
    private static InetSocketAddress socketAddress(String hex) {
        String[] parts = hex.split(":");
        byte[] raw = HexFormat.of().parseHex(parts[0]);
        byte[] address = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = raw[word + 3 - i];
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), Integer.parseInt(parts[1], 16));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void pause() {
        pause(250);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
