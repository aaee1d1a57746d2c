package org.parley.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WrkOutputTest {

    private static final String RUN = """
            Running 10s test @ http://127.0.0.1:8080/users/3F2A9C41D07B55E1/presence
              1 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    55.12ms   40.31ms 460.00ms   88.50%
                Req/Sec     1.17k   120.33     1.40k    70.00%
              Latency Distribution
                 50%   48.20ms
                 75%  612.00us
                 90%   90.10ms
                 99%    1.20s
              11634 requests in 10.02s, 5.13MB read
              Socket errors: connect 0, read 2, write 0, timeout 3
              Non-2xx or 3xx responses: 7
            Requests/sec:   1161.08
            Transfer/sec:    524.33KB
            """;

    @Test
    void readsTheRateThePercentilesInMillisecondsAndTheFailures() {
        WrkOutput wrk = WrkOutput.parse(RUN);
        assertEquals(1161.08, wrk.requestsPerSecond(), 1e-9);
        assertEquals(11634, wrk.requests());
        assertEquals(48.2, wrk.percentilesMs().get("p50"), 1e-9);
        assertEquals(0.612, wrk.percentilesMs().get("p75"), 1e-9);
        assertEquals(1200, wrk.percentilesMs().get("p99"), 1e-9);
        assertEquals(7, wrk.non2xx());
        assertEquals(5, wrk.socketErrors());
    }

    @Test
    void aCleanRunHasNoFailures() {
        WrkOutput wrk = WrkOutput.parse(RUN.replace("  Socket errors: connect 0, read 2, write 0, timeout 3\n", "")
                .replace("  Non-2xx or 3xx responses: 7\n", ""));
        assertEquals(0, wrk.non2xx());
        assertEquals(0, wrk.socketErrors());
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WrkOutput.parse("wrk: command not found"));
    }
}
