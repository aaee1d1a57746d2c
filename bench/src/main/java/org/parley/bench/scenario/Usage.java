package org.parley.bench.scenario;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.OptionalLong;
import org.parley.bench.report.Figure;
import org.parley.bench.run.ProcStats;

/**
 * What the server and the generator spent between two moments: the Parley process's CPU
 * ({@code /proc/PID/stat}) and resident memory, and the bench's own CPU time.
 */
record Usage(long wallNanos, long serverCpuNanos, long serverRssKiB, long generatorCpuNanos) {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static Usage now(OptionalLong pid) {
        return new Usage(System.nanoTime(), pid.isPresent() ? ProcStats.cpuNanos(pid.getAsLong()) : -1,
                pid.isPresent() ? ProcStats.rssKiB(pid.getAsLong()) : -1, OS.getProcessCpuTime());
    }

    /** Server CPU spent since {@code start}, in ns; NaN when the server's process is unknown. */
    double serverCpuSince(Usage start) {
        return serverCpuNanos < 0 || start.serverCpuNanos < 0 ? Double.NaN : serverCpuNanos - start.serverCpuNanos;
    }

    double generatorCpuSince(Usage start) {
        return generatorCpuNanos - start.generatorCpuNanos;
    }

    double secondsSince(Usage start) {
        return (wallNanos - start.wallNanos) / 1e9;
    }

    /** The figures every scenario reports about the whole of its run. */
    List<Figure> figuresSince(Usage start) {
        double seconds = secondsSince(start);
        double server = serverCpuSince(start) / 1e9;
        double generator = generatorCpuSince(start) / 1e9;
        return List.of(
                Figure.of("server CPU (whole scenario)", server, "s"),
                Figure.of("server CPU, share of one core", 100 * server / seconds, "%"),
                Figure.of("server RSS at end", serverRssKiB < 0 ? Double.NaN : serverRssKiB / 1024.0, "MiB"),
                Figure.of("generator CPU (whole scenario)", generator, "s"),
                Figure.of("generator CPU, share of one core", 100 * generator / seconds, "%"),
                Figure.of("duration", seconds, "s"));
    }
}
