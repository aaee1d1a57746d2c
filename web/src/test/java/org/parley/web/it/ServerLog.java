package org.parley.web.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log of the Payara Micro a test runs against, from the moment {@link #capture()} is called
 * until {@link #close()}. Arquillian's Payara Micro container reads the server's output line by
 * line and prints each to this JVM's {@code System.out} (its {@code outputToConsole}, on by
 * default), so a tee on {@code System.out} sees every line the server writes; the test's own
 * output keeps going where it went.
 * <p>
 * Payara writes one record per log call, starting {@code [time] [product] [LEVEL] [id] [logger] …};
 * a record's further lines (a stack trace) follow it. Tests here run one at a time, so what is
 * captured is what the test caused, plus whatever the server does on its own meanwhile.
 */
final class ServerLog implements AutoCloseable {

    /** The colours Payara puts around a level on a console ({@code ESC[1;92mINFO ESC[0m}). */
    private static final Pattern COLOUR = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern RECORD = Pattern.compile("^\\[\\d{4}-\\d\\d-\\d\\dT[^\\]]*\\] \\[[^\\]]*\\] \\[([A-Z]+)\\]");

    private final PrintStream original;
    private final List<String> lines = new ArrayList<>();

    private ServerLog(PrintStream original) {
        this.original = original;
    }

    static ServerLog capture() {
        ServerLog log = new ServerLog(System.out);
        System.setOut(new PrintStream(log.new Tee(), true, StandardCharsets.UTF_8));
        return log;
    }

    /** Waits until {@code count} records matching {@code record} were logged; fails past {@code deadline}. */
    synchronized void await(int count, Predicate<String> record, Duration deadline, String what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (records().stream().filter(record).count() < count) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the server did not log " + what + " within " + deadline + "; it logged:\n"
                        + String.join("\n", records()));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The records logged at SEVERE or WARNING since the capture began, each with its stack trace. */
    synchronized List<String> problems() {
        return records().stream().filter(r -> {
            Matcher level = RECORD.matcher(r);
            return level.find() && (level.group(1).equals("SEVERE") || level.group(1).equals("WARNING"));
        }).toList();
    }

    /** Every record since the capture began: a record's first line and the lines that continue it. */
    synchronized List<String> records() {
        List<String> records = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            if (RECORD.matcher(line).find()) {
                if (current != null) {
                    records.add(current.toString());
                }
                current = new StringBuilder(line);
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            records.add(current.toString());
        }
        return records;
    }

    private synchronized void line(String line) {
        lines.add(COLOUR.matcher(line).replaceAll(""));
        notifyAll();
    }

    @Override
    public void close() {
        System.setOut(original);
    }

    /** Passes everything on to the original stream and keeps each completed line. */
    private final class Tee extends OutputStream {

        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            original.write(b);
            if (b == '\n') {
                String line = pending.toString(StandardCharsets.UTF_8);
                pending.reset();
                line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            } else {
                pending.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
