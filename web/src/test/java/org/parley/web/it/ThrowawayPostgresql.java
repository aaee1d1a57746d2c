package org.parley.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * A PostgreSQL server of its own for the integration tests that run against PostgreSQL (web/pom.xml's execution
 * {@code postgresql}, which sets {@value #PORT} and points Parley at it through {@code PARLEY_DB_URL}): a new cluster in
 * a temporary folder, listening on 127.0.0.1 at that port only, with the database {@code parley} of the user
 * {@code parley}; started before the first test runs (and so before Arquillian starts Parley), stopped and removed when
 * the test JVM ends. A run without {@value #PORT}, or whose plan holds no test, starts nothing. Needs Debian's
 * {@code postgresql} package (its server under {@code /usr/lib/postgresql/<version>/bin}); as root, the server runs as
 * the package's {@code postgres} user, since {@code initdb} refuses root.
 */
public final class ThrowawayPostgresql implements TestExecutionListener {

    static final String PORT = "parley.it.postgresql.port";
    private static final Path SERVERS = Path.of("/usr/lib/postgresql");

    private static Path folder;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        String port = System.getProperty(PORT);
        if (port == null || plan.countTestIdentifiers(TestIdentifier::isTest) == 0) {
            return;
        }
        start(Integer.parseInt(port));
    }

    private static synchronized void start(int port) {
        if (folder != null) {
            return;
        }
        Path bin = serverBin().orElseThrow(() -> new IllegalStateException("These tests run Parley against PostgreSQL, whose"
                + " server is not installed under " + SERVERS + ": apt-get install postgresql"));
        try {
            folder = Files.createTempDirectory("parley-it-postgresql-");
            if (root()) {
                UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(folder, postgres);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path data = folder.resolve("data");
        run(bin.resolve("initdb"), "-D", data.toString(), "-U", "parley", "--auth=trust", "-E", "UTF8", "--no-sync");
        run(bin.resolve("pg_ctl"), "-D", data.toString(), "-l", folder.resolve("server.log").toString(), "-w", "-o",
                "-h 127.0.0.1 -p " + port + " -k " + folder + " -c fsync=off", "start");
        run(bin.resolve("createdb"), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "parley", "parley");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, data), "stop the tests' PostgreSQL"));
    }

    private static void stop(Path bin, Path data) {
        run(bin.resolve("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "stop");
        Folders.delete(folder);
    }

    /** The newest installed server's programs. */
    private static Optional<Path> serverBin() {
        if (!Files.isDirectory(SERVERS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(SERVERS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().split("\\.")[0])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs {@code program} (as the {@code postgres} user when this is root) and fails with its output unless it succeeds. */
    private static void run(Path program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (root()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(program.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
