package org.parley.httpguard.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.portunif.ProtocolFinder.Result;
import org.junit.jupiter.api.Test;

class RequestLineFinderTest {

    @Test
    void aRequestLineOfAnyMethodInCapitalsIsHttp() {
        for (String line : List.of("GET / HTTP/1.1\r\n", "POST /oauth/token HTTP/1.1", "FOO /x HTTP/1.1", "PATCH /a HTTP/1.0",
                "PRI * HTTP/2.0\r\n\r\nSM", "CONNECT evil.example:443 HTTP/1.1", "GET / HTTP/")) {
            assertEquals(Result.FOUND, classify(line), line);
        }
    }

    @Test
    void whatMayStillBecomeARequestLineWaitsForMoreEvenPastTwoKibibytes() {
        // Payara's finder gave up at 2 KiB without HTTP/: a long target split over TCP segments was closed unanswered
        for (String start : List.of("", "G", "GET", "GET ", "GET /users", "GET / ", "GET / HTT",
                "GET /api/presence?ids=" + "3F2A9C41D07B55E1%40intranet,".repeat(200))) {
            assertEquals(Result.NEED_MORE_DATA, classify(start), start);
        }
    }

    @Test
    void whatCannotBecomeAnHttp11RequestLineIsNotHttpAtOnce() {
        for (String line : List.of("get / HTTP/1.1", "GET /\r\n", "GET /\n", "GET / http/1.1", "GET / FOO/1.1", " GET / HTTP/1.1",
                "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u00fc\u0003\u0003", "SSH-2.0-OpenSSH_9.2", "G\u00c9T / HTTP/1.1",
                "GET /" + "a".repeat(RequestLineFinder.MOST_BYTES))) {
            assertEquals(Result.NOT_FOUND, classify(line), line);
        }
    }

    private static Result classify(String bytes) {
        return RequestLineFinder.classify(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER,
                bytes.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
