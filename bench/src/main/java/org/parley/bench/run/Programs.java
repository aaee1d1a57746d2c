package org.parley.bench.run;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** What the bench needs from the machine to run the programs it measures: where a program is, and a free loopback port. */
public final class Programs {

    private Programs() {
    }

    /** {@code program} on the PATH, or in /usr/sbin (where Debian puts servers such as nginx), if installed. */
    public static Optional<Path> installed(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
        return Arrays.stream(path.split(File.pathSeparator)).filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
    }

    /** A port on 127.0.0.1 that nothing listens on now. */
    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
