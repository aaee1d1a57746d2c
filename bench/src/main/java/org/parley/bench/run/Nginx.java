package org.parley.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx serving given bytes as a static file on a free loopback port: the Presence API's reference
 * on the same machine (issue 10 sets its target as half of what nginx answers serving the same bytes).
 * Debian's nginx, as installed, with its worker per core; no access log, so the reference is as fast
 * as nginx goes. {@link #close()} stops it and removes its folder.
 */
public final class Nginx implements AutoCloseable {

    private static final Duration READY_LIMIT = Duration.ofSeconds(10);

    private final Process process;
    private final Path folder;
    private final URI url;

    private Nginx(Process process, Path folder, URI url) {
        this.process = process;
        this.folder = folder;
        this.url = url;
    }

    /** The nginx program on the PATH (or in /usr/sbin, where Debian puts it), if installed. */
    public static Optional<Path> installed() {
        return Programs.installed("nginx");
    }

    /** Starts {@code program} serving {@code body} at {@code path} (such as {@code /users/X/presence}) and waits until it answers. */
    public static Nginx serve(Path program, String path, byte[] body) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("parley-bench-nginx-");
            Path file = folder.resolve("www" + path);
            Files.createDirectories(file.getParent());
            Files.write(file, body);
            Files.createDirectories(folder.resolve("temp"));
            // nginx's workers run as nobody when the bench runs as root: they must be able to read the file
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path each : all.toList()) {
                    Files.setPosixFilePermissions(each, PosixFilePermissions.fromString(
                            Files.isDirectory(each) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            int port = Programs.freeLoopbackPort();
            Files.writeString(folder.resolve("nginx.conf"), configuration(folder, port));
            Process process = new ProcessBuilder(program.toString(), "-p", folder.toString(),
                    "-c", folder.resolve("nginx.conf").toString(), "-e", folder.resolve("error.log").toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
            Nginx nginx = new Nginx(process, folder, URI.create("http://127.0.0.1:" + port + path));
            nginx.awaitAnswer(body.length);
            return nginx;
        } catch (IOException e) {
            delete(folder);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    static String configuration(Path folder, int port) {
        String temp = folder.resolve("temp").toString();
        return """
                daemon off;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    sendfile on;
                    default_type application/json;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    server {
                        listen 127.0.0.1:%3$d;
                        root %1$s/www;
                    }
                }
                """.formatted(folder, temp, port);
    }

    /** Where the bytes are served. */
    public URI url() {
        return url;
    }

    private void awaitAnswer(int length) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited at start: " + log());
            }
            try {
                HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() == 200 && answer.body().length == length) {
                    return;
                }
                throw new IllegalStateException("nginx answered " + answer.statusCode() + " for " + url + ": " + log());
            } catch (IOException e) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while nginx started", e);
            }
        }
        throw new IllegalStateException("nginx did not answer within " + READY_LIMIT.toSeconds() + " s: " + log());
    }

    private static void pause() {
        try {
            Thread.sleep(50); // polling a process that gives no other sign of being ready
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String log() {
        try {
            return Files.readString(folder.resolve("nginx.out")) + (Files.exists(folder.resolve("error.log"))
                    ? Files.readString(folder.resolve("error.log")) : "");
        } catch (IOException e) {
            return "(its log could not be read: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's master stops its workers
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delete(folder);
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
