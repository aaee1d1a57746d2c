package org.parley.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** What Linux's {@code /proc} says about a process: CPU time, resident memory, and who listens on a port. */
public final class ProcStats {

    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private ProcStats() {
    }

    /** utime + stime of the process, in nanoseconds; NaN-free: -1 when it cannot be read. */
    public static long cpuNanos(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "stat"))
                .map(stat -> cpuTicks(stat) * 1_000_000_000L / CLOCK_TICKS_PER_SECOND).orElse(-1L);
    }

    /** CPU time of the children this process has waited for (cutime + cstime), in nanoseconds, or -1. */
    public static long waitedChildrenCpuNanos(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "stat"))
                .map(stat -> childrenCpuTicks(stat) * 1_000_000_000L / CLOCK_TICKS_PER_SECOND).orElse(-1L);
    }

    /** VmRSS of the process in KiB, or -1. */
    public static long rssKiB(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "status")).map(ProcStats::vmRssKiB).orElse(-1L);
    }

    /** utime (field 14) + stime (15) of a {@code /proc/PID/stat} line; the command (field 2) may hold spaces. */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** cutime (field 16) + cstime (17) of a {@code /proc/PID/stat} line. */
    static long childrenCpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    static long vmRssKiB(String status) {
        return status.lines().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
    }

    /** The process that holds a TCP socket listening on {@code port} (IPv4 or IPv6), from /proc/net and /proc/*&#47;fd. */
    public static OptionalLong listening(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            read(Path.of(table)).ifPresent(text -> inodes.addAll(listeningInodes(text, port)));
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> holdsAny(p.resolve("fd"), inodes))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Inodes of the sockets in a /proc/net/tcp table that listen (state 0A) on the port. */
    static Set<String> listeningInodes(String table, int port) {
        Set<String> inodes = new HashSet<>();
        table.lines().skip(1).map(String::trim).map(l -> l.split("\\s+")).filter(f -> f.length > 9)
                .filter(f -> f[3].equals("0A") && Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port)
                .forEach(f -> inodes.add(f[9]));
        return inodes;
    }

    private static boolean holdsAny(Path fds, Set<String> inodes) {
        try (Stream<Path> links = Files.list(fds)) {
            return links.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException e) {
                    return false; // closed while we looked
                }
            });
        } catch (IOException | SecurityException e) {
            return false; // another user's process, or gone
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
