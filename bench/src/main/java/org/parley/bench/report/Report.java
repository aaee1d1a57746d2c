package org.parley.bench.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One run of the bench: where and what it ran, and every scenario's result. */
public record Report(Instant startedAt, Map<String, String> machine, String commit, String command,
                     String parleyUrl, String jvmFlags, String javaVersion, String scale,
                     List<ScenarioResult> results) {

    /** Whether every scenario ran to its end with no error and no lost message. */
    public boolean clean() {
        return results.stream().noneMatch(r -> r.failed() || r.errors() > 0 || r.lost() > 0);
    }
}
