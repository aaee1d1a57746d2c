package org.parley.web.socket;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

/** The files this process may open and has open, where the JVM tells them (on Unix). */
final class ProcessFiles {

    private ProcessFiles() {
    }

    /** The most files the process may open (its open-files limit, {@code ulimit -n}); empty where the JVM does not tell. */
    static OptionalLong limit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? OptionalLong.of(unix.getMaxFileDescriptorCount()) : OptionalLong.empty();
    }

    /** The files the process has open now; empty where the JVM does not tell. */
    static OptionalLong open() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? OptionalLong.of(unix.getOpenFileDescriptorCount()) : OptionalLong.empty();
    }
}
