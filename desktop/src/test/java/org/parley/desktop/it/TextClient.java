package org.parley.desktop.it;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.parley.desktop.protocol.ServerFrames;

/** {@code java -jar parley-desktop.jar --text --json} as a script runs it: commands in, one JSON event per line out. */
final class TextClient implements AutoCloseable {

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<Thread> readers = new CopyOnWriteArrayList<>();

    private TextClient(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        read(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true);
        read(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false);
    }

    static TextClient start(URI server, Path config) {
        try {
            return new TextClient(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx96m", "-jar", System.getProperty("parley.desktopJar"), "--text", "--json",
                    "--server", server.toString(), "--config", config.toString()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the client with no kept sign-in and approves its device code as {@code member}; answers it signed in. */
    static TextClient signedIn(URI server, Path config, MemberPages member) {
        TextClient client = start(server, config);
        JsonObject code = client.await(e -> e.getString("event").equals("device_code"), "a device code");
        if (!code.getString("verification_uri").equals(server.resolve("device").toString())) {
            throw new AssertionError("the client shows the wrong page: " + code);
        }
        member.approve(code.getString("user_code"));
        client.await(e -> e.getString("event").equals("signed_in"), "signed in");
        return client;
    }

    private void read(BufferedReader lines, boolean json) {
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (json) {
                        seen.add(line);
                        try (var parser = ServerFrames.JSON.createReader(new java.io.StringReader(line))) {
                            events.add(parser.readObject());
                        } catch (RuntimeException e) {
                            throw new AssertionError("not one JSON object per line: " + line, e);
                        }
                    } else {
                        errors.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "text client output");
        reader.setDaemon(true);
        readers.add(reader);
        reader.start();
    }

    void command(String line) {
        try {
            commands.write(line + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next event that matches (others are passed over); fails after 60 s with what was seen. */
    JsonObject await(Predicate<JsonObject> wanted, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try {
            while (true) {
                JsonObject event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("the text client did not say " + what + " within 60 s; it said:\n"
                            + String.join("\n", seen) + "\nstderr:\n" + String.join("\n", errors));
                }
                if (wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonObject awaitEvent(String event, Predicate<JsonObject> wanted) {
        return await(e -> e.getString("event").equals(event) && wanted.test(e), event);
    }

    /** Waits for the process to end and for all it printed to be read; answers its exit status. */
    int exit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the text client did not exit; it said:\n" + String.join("\n", seen));
            }
            for (Thread reader : readers) {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<String> errors() {
        return errors;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
