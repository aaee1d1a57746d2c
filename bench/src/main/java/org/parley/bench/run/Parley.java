package org.parley.bench.run;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Parley under load: its base address, its process (for {@code /proc} figures, when known),
 * and, when the bench started it, how long it took to be ready and the admin password it was given.
 */
public interface Parley extends AutoCloseable {

    URI base();

    OptionalLong pid();

    /** Process start to {@code /health/ready} UP, in ms; NaN when the bench did not start it. */
    double startUpMillis();

    String adminPassword();

    /** What the bench set in Parley's environment for the load test, for the report. */
    List<String> raisedSettings();

    @Override
    void close();

    /** A Parley somebody else runs, at {@code url}; its process is {@code pid}, or the one listening on the URL's port. */
    static Parley attach(String url, Long pid, String adminPassword) {
        URI base = URI.create(url);
        OptionalLong process = pid != null ? OptionalLong.of(pid)
                : ProcStats.listening(base.getPort() == -1 ? 80 : base.getPort());
        return new Parley() {
            public URI base() {
                return base;
            }

            public OptionalLong pid() {
                return process;
            }

            public double startUpMillis() {
                return Double.NaN;
            }

            public String adminPassword() {
                return adminPassword;
            }

            public List<String> raisedSettings() {
                return List.of();
            }

            public void close() {
                // not ours to stop
            }
        };
    }
}
