package org.parley.bench.run;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The live heap of a JVM after a full collection: {@code jcmd PID GC.run}, then {@code jstat -gc PID}
 * (the used sizes of every space, whatever the collector). -1 when the tools cannot attach.
 */
public final class Heap {

    private Heap() {
    }

    public static long liveKiB(long pid) {
        try {
            run("jcmd", String.valueOf(pid), "GC.run");
            return usedKiB(run("jstat", "-gc", String.valueOf(pid)));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** S0U + S1U + EU + OU of {@code jstat -gc}'s two lines (header, values), in KiB. */
    static long usedKiB(String jstat) {
        String[] lines = jstat.strip().split("\n");
        String[] header = lines[0].trim().split("\\s+");
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        double used = 0;
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals("S0U") || header[i].equals("S1U") || header[i].equals("EU") || header[i].equals("OU")) {
                used += Double.parseDouble(values[i]);
            }
        }
        return Math.round(used);
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }
}
