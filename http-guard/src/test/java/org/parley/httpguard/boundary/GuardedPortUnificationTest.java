package org.parley.httpguard.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerFilterConfiguration;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.portunif.ProtocolFinder;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.httpguard.control.RequestTargets;
import org.parley.httpguard.control.WebSocketHandshakes;

/**
 * The guard in a Grizzly server built the way Payara builds its HTTP listener under port
 * unification: transport, then the port-unification filter, whose HTTP protocol is the codec and
 * the HTTP server filter that hands requests to the container (here a handler that echoes the path).
 */
class GuardedPortUnificationTest {

    private final List<String> handled = new CopyOnWriteArrayList<>();
    /** The WebSocket handshakes the container was handed. */
    private final BlockingQueue<String> upgrades = new LinkedBlockingQueue<>();
    private final CountDownLatch inHandler = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    /** The server's worker threads, which hand requests to the handler and write its answers. */
    private static final int WORKERS = 4;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private DelayedExecutor delayed;
    private TCPNIOTransport transport;
    private int port;
    private AutoCloseable registration;

    @BeforeEach
    void start() throws IOException {
        delayed = new DelayedExecutor(threads);
        delayed.start();
        org.glassfish.grizzly.http.server.HttpServerFilter container =
                new org.glassfish.grizzly.http.server.HttpServerFilter(new ServerFilterConfiguration(), delayed);
        container.setHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws Exception {
                if (request.getRequestURI().equals("/medium")) {
                    // 4 MiB: more than the kernel takes in for a peer that reads nothing (~2 MiB here), less than twice
                    // what Grizzly queues before a worker waits for room (four times the socket's send buffer)
                    response.setContentType("application/octet-stream");
                    response.setContentLength(4 * 1024 * 1024);
                    response.getOutputStream().write(new byte[4 * 1024 * 1024]);
                    return;
                }
                if (request.getRequestURI().equals("/large")) {
                    // 64 MiB, far more than a peer that reads nothing takes in (its window and the kernel's send buffer)
                    response.setContentType("application/octet-stream");
                    byte[] part = new byte[64 * 1024];
                    for (int i = 0; i < 1024; i++) {
                        response.getOutputStream().write(part);
                    }
                    return;
                }
                if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
                    // where the container would answer 101; such a request's body has no end, so none is read
                    upgrades.add(request.getRequestURI() + " with Connection: " + request.getHeader("Connection"));
                    return;
                }
                handled.add(request.getRequestURI());
                inHandler.countDown();
                if (request.getRequestURI().equals("/wait")) {
                    // a request the application takes its time over (a long computation, a slow database)
                    assertTrue(released.await(10, TimeUnit.SECONDS));
                }
                String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                response.setContentType("text/plain");
                response.getWriter().write("page " + request.getDecodedRequestURI() + (body.isEmpty() ? "" : " body " + body));
            }
        });
        GuardedPortUnification unification = new GuardedPortUnification();
        FilterChain http = unification.getPUFilterChainBuilder()
                .add(new org.glassfish.grizzly.http.HttpServerFilter(true,
                        org.glassfish.grizzly.http.HttpServerFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE, new KeepAlive(), delayed))
                .add(container)
                .build();
        unification.register(new RequestLineFinder(), http);
        transport = TCPNIOTransportBuilder.newInstance()
                .setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig().setCorePoolSize(WORKERS).setMaxPoolSize(WORKERS))
                .setProcessor(FilterChainBuilder.stateless().add(new TransportFilter()).add(unification).build())
                .build();
        port = ((InetSocketAddress) transport.bind("127.0.0.1", 0).getLocalAddress()).getPort();
        transport.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (registration != null) {
            registration.close();
        }
        transport.shutdownNow();
        delayed.stop();
        delayed.destroy();
        threads.shutdownNow();
    }

    @Test
    void aMalformedEscapeInThePathGets400InTheEndpointsFormatAndNeverReachesTheContainer() {
        String presence = exchange("GET /users/%zz/presence HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(presence.startsWith("HTTP/1.1 400 Bad Request\r\n"), presence);
        assertTrue(header(presence, "content-type").startsWith("application/json"), presence);
        assertEquals("*", header(presence, "access-control-allow-origin"));
        assertEquals("close", header(presence, "connection"));
        assertTrue(presence.endsWith("{\"result\":{\"code\":400,\"response\":\"Bad request: the address has a malformed"
                + " percent-escape (a % must be followed by two hex digits).\"}}"), presence);

        String page = exchange("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(page.startsWith("HTTP/1.1 400 Bad Request\r\n"), page);
        assertTrue(page.endsWith("\r\n\r\nBad request: the address has a malformed percent-escape (a % must be followed by"
                + " two hex digits).\n"), page);
        assertEquals(List.of(), handled);
    }

    @Test
    void aRequestWithAnEmptyOrForgedHostOrTwoHostsGets400InTheEndpointsFormatAndNeverReachesTheContainer() {
        for (String hosts : List.of("Host: \r\n", "Host: x@evil.example\r\n", "Host: a b\r\n", "Host: x\r\nhost: evil.example\r\n")) {
            String problem = hosts.contains("host:") ? RequestTargets.HOSTS : RequestTargets.HOST;
            String presence = exchange("GET /users/ada/presence HTTP/1.1\r\n" + hosts + "\r\n");
            assertTrue(presence.startsWith("HTTP/1.1 400 Bad Request\r\n"), presence);
            assertEquals("application/json;charset=UTF-8", header(presence, "content-type"));
            assertTrue(presence.endsWith("{\"result\":{\"code\":400,\"response\":\"Bad request: " + problem + ".\"}}"), presence);
            String page = exchange("GET /signin HTTP/1.1\r\n" + hosts + "\r\n");
            assertTrue(page.startsWith("HTTP/1.1 400 Bad Request\r\n") && page.endsWith("\r\n\r\nBad request: " + problem + ".\n"),
                    page);
        }
        // a host with a port, an IP literal, a name with an underscore are served
        for (String host : List.of("127.0.0.1:8080", "[::1]:8080", "my_host.corp")) {
            assertTrue(exchange("GET /fine HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").endsWith("page /fine"), host);
        }
        assertEquals(List.of("/fine", "/fine", "/fine"), List.copyOf(handled), "handed on");

        // two credentials: which one a reader takes is up to it (found by attacking from outside: the first was taken)
        String two = exchange("GET /ws/client HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer one\r\nauthorization: Bearer two"
                + "\r\n\r\n");
        assertTrue(two.startsWith("HTTP/1.1 400 Bad Request\r\n") && two.endsWith("\r\n\r\nBad request: "
                + RequestTargets.AUTHORIZATIONS + ".\n"), two);
        assertEquals(List.of("/fine", "/fine", "/fine"), List.copyOf(handled), "not handed on");
    }

    @Test
    void aWebSocketHandshakeThatBreaksTheProtocolsRulesGets400Or426AndNeverReachesTheContainer() throws Exception {
        String key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        String version = "Sec-WebSocket-Version: 13\r\n";
        String upgrade = "Upgrade: websocket\r\n";
        Map<String, String> bad = new LinkedHashMap<>();
        // Tyrus answered the first three 500
        bad.put("GET /ws/a HTTP/1.1\r\nHost: x\r\n" + upgrade + key + version + "\r\n", WebSocketHandshakes.NO_CONNECTION_UPGRADE);
        bad.put("GET /ws/b HTTP/1.1\r\nHost: x\r\n" + upgrade + "Connection: keep-alive, upgraded\r\n" + key + version + "\r\n",
                WebSocketHandshakes.NO_CONNECTION_UPGRADE);
        bad.put("GET /ws/c HTTP/1.0\r\n" + upgrade + "Connection: Upgrade\r\n" + key + version + "\r\n", WebSocketHandshakes.NOT_GET);
        bad.put("POST /ws/d HTTP/1.1\r\nHost: x\r\n" + upgrade + "Connection: Upgrade\r\n" + key + version
                + "Content-Length: 0\r\n\r\n", WebSocketHandshakes.NOT_GET);
        bad.put("GET /ws/e HTTP/1.1\r\nHost: x\r\n" + upgrade + "Connection: Upgrade\r\n" + version + "\r\n", WebSocketHandshakes.KEY);
        bad.put("GET /ws/f HTTP/1.1\r\nHost: x\r\n" + upgrade + "Connection: Upgrade\r\nSec-WebSocket-Key: abc\r\n" + version
                + "\r\n", WebSocketHandshakes.KEY);
        bad.put("GET /ws/g HTTP/1.1\r\nHost: x\r\n" + upgrade + "Connection: Upgrade\r\n" + key + key + version + "\r\n",
                WebSocketHandshakes.KEY);
        bad.put("GET /ws/h HTTP/1.1\r\nHost: x\r\n" + upgrade + "Connection: Upgrade\r\n" + key + version
                + "Origin: http://x\r\nOrigin: http://evil.example\r\n\r\n", WebSocketHandshakes.ORIGINS);
        bad.forEach((asked, problem) -> {
            String answer = exchange(asked);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), asked + " answered " + answer);
            assertEquals("close", header(answer, "connection"), answer);
            assertTrue(answer.endsWith("\r\n\r\nBad request: " + problem + ".\n"), answer);
        });
        for (String versions : List.of("Sec-WebSocket-Version: 8\r\n", "", "Sec-WebSocket-Version: 13, 8\r\n",
                version + "Sec-WebSocket-Version: 8\r\n")) {
            String answer = exchange("GET /ws/v HTTP/1.1\r\nHost: x\r\n" + upgrade + "Connection: Upgrade\r\n" + key + versions
                    + "\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 426 Upgrade Required\r\n"), versions + " answered " + answer);
            assertEquals("13", header(answer, "sec-websocket-version"), answer);
            assertTrue(answer.endsWith("Parley speaks WebSocket version 13 (RFC 6455); the handshake asked for another or none"
                    + " (Sec-WebSocket-Version).\n"), answer);
        }
        assertEquals(List.of(), List.copyOf(handled), "handed on");
        assertEquals(List.of(), List.copyOf(upgrades), "handshakes handed on");

        // what browsers send (Firefox: Connection: keep-alive, Upgrade) is handed on
        for (String connection : List.of("Upgrade", "keep-alive, Upgrade", "upgrade")) {
            try (Socket peer = new Socket("127.0.0.1", port)) {
                peer.getOutputStream().write(("GET /ws/ok HTTP/1.1\r\nHost: x\r\n" + upgrade + "Connection: " + connection + "\r\n"
                        + key + version + "Origin: http://x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("/ws/ok with Connection: " + connection, upgrades.poll(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void bytesWithAHandshakesHeadGet400AndAreNeverTakenForFrames() throws Exception {
        // the frame checks took a request pipelined after an upgrade header for frames: the peer got a WebSocket close
        // frame, 1002, on a connection never upgraded, and no answer
        String handshake = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        for (String after : List.of("GET /next HTTP/1.1\r\nHost: x\r\n\r\n", "\u0081\u0002hi", "\u0081\u0082abcdef")) {
            String answer = exchange("GET /ws/plain HTTP/1.1\r\nHost: x\r\n" + handshake + after);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), after + " answered " + answer);
            assertEquals("close", header(answer, "connection"), answer);
            assertTrue(answer.endsWith("\r\n\r\nBad request: " + WebSocketHandshakes.SENT_BEFORE_THE_ANSWER + ".\n"), answer);
        }
        assertEquals(List.of(), List.copyOf(upgrades), "handshakes handed on");
        assertEquals(List.of(), List.copyOf(handled), "what came after the head handed on");
    }

    @Test
    void whatIsNoHttpRequestGets400AtOnceAndAMethodParleyImplementsNowhere501() {
        // Grizzly closed the first ones without a word; HTTP/0.9's line waited for the sweep; FOO never reached the guard
        for (String asked : List.of("get / HTTP/1.1\r\nHost: x\r\n\r\n", "GET /\r\n", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000",
                "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")) {
            String answer = exchange(asked);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), asked + " answered " + answer);
            assertEquals("close", header(answer, "connection"), answer);
            assertTrue(answer.endsWith("\r\n\r\nBad request: Parley speaks HTTP/1.1 on this port, and what came does not start as a"
                    + " request does (a method in capitals, a space, the address, a space, HTTP/1.1, within 8 KiB).\n"), answer);
        }
        for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE", "FOO", "MKCOL")) {
            String answer = exchange(method + " /users/ada/presence HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 501 Not Implemented\r\n"), method + " answered " + answer);
            assertEquals("", header(answer, "allow"), answer);
            assertTrue(answer.endsWith("{\"result\":{\"code\":501,\"response\":\"Parley does not implement the method " + method
                    + "; it serves GET, HEAD, POST and OPTIONS.\"}}"), answer);
        }
        // also at the application server's own endpoints, where PUT was told POST is taken
        String put = exchange("PUT /health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        assertTrue(put.startsWith("HTTP/1.1 501 Not Implemented\r\n") && put.endsWith("\r\n\r\nParley does not implement the method"
                + " PUT; it serves GET, HEAD, POST and OPTIONS.\n"), put);
        assertEquals(List.of(), List.copyOf(handled), "handed on");
        assertTrue(exchange("OPTIONS /fine HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").endsWith("page /fine"));
    }

    @Test
    void aPostToTheServersOwnEndpointsGets405WithWhatTheyTakeHoweverItIsSpelledAndOptionsThereSaysTheSame() {
        // Payara's health servlet ran its checks for a POST as for a GET (also at /health;x, /%68ealth, //health);
        // /openapi and /metrics answered their HTML page (a PUT there, as anywhere, is 501: the test above)
        for (String asked : List.of("POST /openapi", "POST /openapi/", "POST /health", "POST /health/ready", "POST /metrics",
                "POST /health;x", "POST /%68ealth", "POST //health")) {
            String answer = exchange(asked + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), asked + " answered " + answer);
            assertEquals("GET, HEAD, OPTIONS", header(answer, "allow"), answer);
            assertEquals("close", header(answer, "connection"), answer);
            assertTrue(answer.endsWith("\r\n\r\nThis endpoint does not take this method.\n"), answer);
        }
        // OPTIONS there names the same methods: Payara's health servlet listed POST, and /metrics answered 405 without Allow
        for (String asked : List.of("OPTIONS /health", "OPTIONS /health/ready", "OPTIONS /metrics", "OPTIONS /openapi")) {
            String answer = exchange(asked + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), asked + " answered " + answer);
            assertEquals("GET, HEAD, OPTIONS", header(answer, "allow"), answer);
            assertEquals("0", header(answer, "content-length"), answer);
        }
        // ... also with a body and a request pipelined behind it: one answer, the connection closed, nothing handed on
        for (String body : List.of("Content-Length: 5\r\n\r\nhello", "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")) {
            String answer = exchange("OPTIONS /health HTTP/1.1\r\nHost: x\r\n" + body + "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), body + " answered " + answer);
            assertEquals("GET, HEAD, OPTIONS", header(answer, "allow"), answer);
            assertEquals("close", header(answer, "connection"), answer);
            assertEquals(1, answer.split("HTTP/1.1 ").length - 1, "one answer: " + answer);
        }
        assertEquals(List.of(), List.copyOf(handled), "handed on");
        assertTrue(exchange("GET /health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").endsWith("page /health/ready"));
        assertTrue(exchange("POST /healthy HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                .endsWith("page /healthy"));
    }

    @Test
    void anExpectationParleyDoesNotMeetGets417InWordsAnd100ContinueGoesOn() {
        // the container answered 417 with no word for a page, and the Presence API answered as if nothing were expected
        String says = "Parley meets no expectation but 100-continue (the request's Expect).";
        for (String[] asked : new String[][] {
                {"GET /signin", "foo", "\r\n\r\n" + says + "\n"},
                {"GET /users/ada/presence", "100-continue, foo", "{\"result\":{\"code\":417,\"response\":\"" + says + "\"}}"},
                {"POST /oauth/token", "bar=1", "\"error_description\":\"" + says + "\"}"}}) {
            String body = asked[0].startsWith("POST") ? "Content-Length: 3\r\n\r\nx=y" : "\r\n";
            String answer = exchange(asked[0] + " HTTP/1.1\r\nHost: x\r\nExpect: " + asked[1] + "\r\n" + body
                    + "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 417 Expectation Failed\r\n"), asked[0] + " answered " + answer);
            assertEquals("close", header(answer, "connection"), answer);
            assertTrue(answer.endsWith(asked[2]), answer);
            assertEquals(1, answer.split("HTTP/1.1 ").length - 1, "one answer: " + answer);
        }
        assertEquals(List.of(), List.copyOf(handled), "handed on");
        String continued = exchange("POST /form HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n"
                + "Content-Length: 3\r\n\r\nx=y");
        assertTrue(continued.endsWith("page /form body x=y"), continued);
    }

    @Test
    void aGetBelowTheServersOwnEndpointsAtNoneOfTheirAddressesGets404AndTheirAddressesAreHandedOn() {
        // Payara answered /openapi/application.wadl (also with ;x, a slash after it or ?detail=true) with Jersey's WADL,
        // its base address the request's Host, and any other address below /health with its whole report, database included
        String openApi = "There is nothing at this address; the OpenAPI description is at /openapi.\n";
        String health = "There is nothing at this address; the health checks are at /health, /health/live, /health/ready and"
                + " /health/started.\n";
        Map<String, String> asked = new LinkedHashMap<>();
        for (String target : List.of("/openapi/application.wadl", "/openapi/application.wadl;x", "/openapi/application.wadl/",
                "/openapi/application.wadl?detail=true", "/openapi/application.wadl/xsd0.xsd", "/%6fpenapi/application.wadl",
                "//openapi//application.wadl", "/openapi;v=1/anything")) {
            asked.put("GET " + target, openApi);
        }
        for (String target : List.of("/health/live/", "/health;x/ready", "/health/READY", "/health/anything", "/health/ready;x",
                "/%68ealth/ready", "/health/live/x")) {
            asked.put("GET " + target, health);
        }
        asked.put("HEAD /openapi/application.wadl", "");
        asked.put("HEAD /health/anything", "");
        asked.forEach((request, says) -> {
            String answer = exchange(request + " HTTP/1.1\r\nHost: evil.example\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 404 Not Found\r\n"), request + " answered " + answer);
            assertEquals("text/plain;charset=UTF-8", header(answer, "content-type"), answer);
            assertEquals("close", header(answer, "connection"), answer);
            assertTrue(answer.endsWith("\r\n\r\n" + says), answer);
            assertFalse(answer.contains("evil.example"), answer);
        });
        assertEquals(List.of(), List.copyOf(handled), "handed on");
        // what is there, spelled as Payara answers it, goes on; a POST below them is told what they take, as before
        for (String there : List.of("/openapi", "/openapi/", "/openapi/?format=json", "/health", "/health/", "/health/live",
                "/health/ready", "/health/ready?x=1", "/health/started", "/openapiary/x", "/users/openapi/presence")) {
            assertTrue(exchange("GET " + there + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .endsWith("page " + there.replaceAll("\\?.*", "")), there);
        }
        String post = exchange("POST /openapi/application.wadl HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        assertTrue(post.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), post);
        assertEquals("GET, HEAD, OPTIONS", header(post, "allow"), post);
    }

    @Test
    void aBodyWhoseEndCannotBeToldGets400AndOneInATransferCodingParleyDoesNotDecode501AndNeitherIsHandedOn() {
        // Payara's codec reads chunks only when the header starts with chunked: it took gzip, or gzip, chunked, for a
        // request without a body and read the body as the next request, and chunked, gzip as chunked alone
        String after = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
        String unframed = "\"error_description\":\"Bad request: where the body ends cannot be told: a Transfer-Encoding must"
                + " end with chunked, once.\"}";
        String notDecoded = "\"error_description\":\"Parley reads a request's body sent whole (Content-Length) or in chunks"
                + " (Transfer-Encoding: chunked), in no other transfer coding.\"}";
        for (String[] asked : new String[][] {
                {"gzip", "x=y" + after, "HTTP/1.1 400 Bad Request\r\n", unframed},
                {"chunked, gzip", "3\r\nx=y\r\n0\r\n\r\n" + after, "HTTP/1.1 400 Bad Request\r\n", unframed},
                {"chunked, chunked", "3\r\nx=y\r\n0\r\n\r\n" + after, "HTTP/1.1 400 Bad Request\r\n", unframed},
                {"x-custom", "x=y" + after, "HTTP/1.1 400 Bad Request\r\n", unframed},
                {"gzip, chunked", "3\r\nx=y\r\n0\r\n\r\n" + after, "HTTP/1.1 501 Not Implemented\r\n", notDecoded}}) {
            String answer = exchange("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nTransfer-Encoding: " + asked[0] + "\r\n\r\n" + asked[1]);
            assertTrue(answer.startsWith(asked[2]), asked[0] + " answered " + answer);
            assertEquals("close", header(answer, "connection"), answer);
            assertTrue(answer.endsWith(asked[3]), answer);
            assertEquals(1, answer.split("HTTP/1.1 ").length - 1, "one answer: " + answer);
        }
        // HTTP/1.0 has no transfer codings (RFC 9112 §6.1): the codec took the body of one kept alive for the next request
        String old = exchange("POST /oauth/token HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked"
                + "\r\n\r\n" + after.length() + "\r\n" + after + "\r\n0\r\n\r\n" + after);
        assertTrue(old.startsWith("HTTP/1.1 400 Bad Request\r\n"), old);
        assertTrue(old.endsWith(unframed), old);
        assertEquals(1, old.split("HTTP/1.1 ").length - 1, "one answer: " + old);
        String twice = exchange("POST /people/ada HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked"
                + "\r\n\r\n0\r\n\r\n");
        assertTrue(twice.startsWith("HTTP/1.1 501 Not Implemented\r\n"), twice);
        assertTrue(twice.endsWith("\r\n\r\nParley reads a request's body sent whole (Content-Length) or in chunks"
                + " (Transfer-Encoding: chunked), in no other transfer coding.\n"), twice);
        assertEquals(List.of(), List.copyOf(handled), "handed on");
        for (String codings : List.of("Chunked", "chunked,")) {
            String chunked = exchange("POST /form HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: " + codings
                    + "\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
            assertTrue(chunked.endsWith("page /form body abc"), codings + " answered " + chunked);
        }
    }

    @Test
    void aBodyFramedTwiceOrATransferCodingFoldedOverTwoLinesGets400AndNothingAfterItIsRead() {
        // found by attacking from outside: Content-Length before Transfer-Encoding was served (the codec read the chunks)
        // and kept the connection open, so a proxy going by the length would have sent the rest as the next request;
        // "Transfer-Encoding:" with its value folded onto the next line (obs-fold) was read as no coding, and the body
        // served as a request of its own
        String after = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
        String framedTwice = "Bad request: where the body ends cannot be told: a request gives its length by Content-Length"
                + " or by Transfer-Encoding, not both.";
        String folded = "Bad request: where the body ends cannot be told: the Transfer-Encoding header does not say chunked"
                + " on its own line.";
        for (String[] asked : new String[][] {
                {"Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG" + after, framedTwice},
                {"Transfer-Encoding: chunked\r\nContent-Length: 6\r\n\r\n0\r\n\r\nG" + after, framedTwice},
                {"content-length: 0\r\nTRANSFER-ENCODING: chunked\r\n\r\n0\r\n\r\n" + after, framedTwice},
                {"Transfer-Encoding:\r\n chunked\r\n\r\n" + after, folded},
                {"Transfer-Encoding:\r\n\tchunked\r\n\r\n0\r\n\r\n" + after, folded}}) {
            for (String path : List.of("/people/ada", "/users/C/presence")) {
                String answer = exchange("POST " + path + " HTTP/1.1\r\nHost: x\r\n" + asked[0]);
                assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), asked[0] + " answered " + answer);
                assertEquals("close", header(answer, "connection"), answer);
                assertTrue(answer.contains(asked[1]), answer);
                assertEquals(1, answer.split("HTTP/1.1 ").length - 1, "one answer: " + answer);
            }
        }
        String getFolded = exchange("GET /users/C/presence HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:\r\n chunked\r\n\r\n"
                + after);
        assertTrue(getFolded.startsWith("HTTP/1.1 400 Bad Request\r\n"), getFolded);
        assertEquals(List.of(), List.copyOf(handled), "handed on");
        // another header folded is joined with spaces, as RFC 9112 §5.2 lets a server do; a header named like one of the
        // two inside another's value is no second framing
        String joined = exchange("POST /form HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Note: one\r\n two\r\n"
                + "X-Quoted: Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc");
        assertTrue(joined.endsWith("page /form body abc"), joined);
    }

    @Test
    void moreHeaderFieldsThanTheCodecReadsGet431AndAHandshakeThatExpectsSomething400() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < MimeHeaders.MAX_NUM_HEADERS_DEFAULT; i++) {
            many.append("X-Field-").append(i).append(": ").append(i).append("\r\n");
        }
        for (String path : List.of("/people/ada", "/users/C/presence")) {
            String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + many + "\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"), answer);
            assertTrue(answer.contains("The request has more header fields than Parley takes (100)."), answer);
        }
        // as many as it reads, the Host among them, are served
        String fewer = exchange("GET /people/ada HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + many.substring(many.indexOf("X-Field-2:")) + "\r\n");
        assertTrue(fewer.startsWith("HTTP/1.1 200 OK\r\n"), fewer);

        // the container answered 100 Continue and then a 101 saying Connection: close, which a client must fail
        String expecting = exchange("GET /ws/presence HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nExpect: 100-continue\r\n\r\n");
        assertTrue(expecting.startsWith("HTTP/1.1 400 Bad Request\r\n"), expecting);
        assertTrue(expecting.endsWith("Bad request: a WebSocket handshake has no body and expects nothing; send it without"
                + " Expect.\n"), expecting);
        assertTrue(upgrades.isEmpty(), "not handed on: " + upgrades);
    }

    /** Found by attacking from outside: websocket among other protocols went to the pages and was answered "Not found". */
    @Test
    void aHandshakeNamingWebSocketAmongOtherProtocolsGets400InWords() {
        for (String upgrade : List.of("h2c, websocket", "WebSocket,foo")) {
            String answer = exchange("GET /ws/presence HTTP/1.1\r\nHost: x\r\nUpgrade: " + upgrade + "\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), upgrade + ": " + answer);
            assertTrue(answer.endsWith("Bad request: a WebSocket handshake names websocket alone in Upgrade.\n"), answer);
        }
        assertTrue(upgrades.isEmpty(), "not handed on: " + upgrades);
    }

    @Test
    void aPresenceRequestWithATransferCodingIsNotAnsweredInFrontButRefused() {
        // the codec holds such a body as one without end, so the answer in front of the container never takes it for a
        // whole request, and the request after it is never read
        registration = DirectAnswers.register("", "/users/", request -> new DirectAnswers.Answer(200,
                "application/json;charset=utf-8", Map.of(), "{}".getBytes(StandardCharsets.UTF_8)));
        String answer = exchange("GET /users/C/presence HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"
                + "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
        assertEquals(1, answer.split("HTTP/1.1 ").length - 1, "one answer: " + answer);
        assertTrue(answer.endsWith("{\"result\":{\"code\":400,\"response\":\"Bad request: where the body ends cannot be told: a"
                + " Transfer-Encoding must end with chunked, once.\"}}"), answer);
        assertEquals(List.of(), List.copyOf(handled), "handed on");
    }

    @Test
    void aBodyInAContentCodingGets415AndIsNeverHandedOn() {
        // the container read a gzip form's compressed bytes as a form without fields
        String compressed = exchange("POST /users/3F2A/presence HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\n"
                + "Content-Length: 3\r\n\r\nabc");
        assertTrue(compressed.startsWith("HTTP/1.1 415 Unsupported Media Type\r\n"), compressed);
        assertEquals("identity", header(compressed, "accept-encoding"), compressed);
        assertEquals("close", header(compressed, "connection"), compressed);
        assertTrue(compressed.endsWith("{\"result\":{\"code\":415,\"response\":\"Parley reads a request's body as it is, in no"
                + " content coding (Content-Encoding).\"}}"), compressed);
        String inChunks = exchange("POST /signin HTTP/1.1\r\nHost: x\r\nContent-Encoding: br\r\nTransfer-Encoding: chunked"
                + "\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
        assertTrue(inChunks.startsWith("HTTP/1.1 415 Unsupported Media Type\r\n"), inChunks);
        assertEquals(List.of(), List.copyOf(handled), "handed on");
        assertTrue(exchange("POST /form HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Encoding: identity\r\n"
                + "Content-Length: 3\r\n\r\nabc").endsWith("page /form body abc"));
        assertTrue(exchange("GET /page HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Encoding: gzip\r\n\r\n")
                .endsWith("page /page"), "a request without a body is not refused for the header");
    }

    @Test
    void aProxysConnectAndTheStartOfHttp2InClearTextAreAnsweredAtOnceAndNothingAfterThemIsHandedOn() throws Exception {
        // the codec held both for a body without end: no answer until the sweep closed the connection as too slow
        for (String[] asked : new String[][] {
                {"CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n", "HTTP/1.1 405 Method Not Allowed\r\n",
                    "Parley is not a proxy: it does not serve CONNECT.\n"},
                {"CONNECT /page HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", "HTTP/1.1 405 Method Not Allowed\r\n",
                    "Parley is not a proxy: it does not serve CONNECT.\n"},
                {"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "HTTP/1.1 505 HTTP Version Not Supported\r\n",
                    "Parley speaks HTTP/1.1 on this port, not HTTP/2 in clear text.\n"}}) {
            try (Socket peer = new Socket("127.0.0.1", port)) {
                peer.setSoTimeout(10_000);
                peer.getOutputStream().write(asked[0].getBytes(StandardCharsets.ISO_8859_1));
                // and what a tunnel or HTTP/2 would send next, with a request in it
                peer.getOutputStream().write("GET /tunnelled HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith(asked[1]), asked[0] + " answered " + answer);
                assertEquals("close", header(answer, "connection"), answer);
                assertTrue(answer.endsWith("\r\n\r\n" + asked[2]), answer);
            }
        }
        assertEquals("page /after", exchange("GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .split("\r\n\r\n", 2)[1]);
        assertEquals(List.of("/after"), List.copyOf(handled), "handed on");
    }

    @Test
    void aGoodRequestPassesAndTheConnectionStaysOpenUntilABadOneClosesIt() {
        String both = exchange("GET /users/3F2A%40intranet/presence HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /console/%e0%80 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /never HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(both.startsWith("HTTP/1.1 200 OK\r\n"), both);
        assertTrue(both.contains("page /users/3F2A@intranet/presence"), both);
        assertTrue(both.contains("HTTP/1.1 400 Bad Request\r\n"), both);
        assertTrue(both.endsWith("Bad request: the address's percent-escapes are not UTF-8.\n"), both);
        assertEquals(List.of("/users/3F2A%40intranet/presence"), handled, "the request after the refused one was not read");
    }

    @Test
    void aRefusedRequestsBodyIsNeverHandedOn() {
        String body = "token=" + "x".repeat(200_000);
        String answer = exchange("POST /oauth/revoke%%41 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
        assertTrue(answer.endsWith("{\"error\":\"invalid_request\",\"error_description\":\"Bad request: the address has a"
                + " malformed percent-escape (a % must be followed by two hex digits).\"}"), answer);
        assertEquals("no-store", header(answer, "cache-control"));
        assertEquals(List.of(), handled);
    }

    @Test
    void aBodyThatComesAfterItsHeadIsHandedOnWholeSoNoThreadWaitsForIt() throws Exception {
        postWithTheBodyLater("Connection: close\r\n");
    }

    /** Java's HttpClient asks a new server to upgrade to HTTP/2 (h2c) on its first request, and writes the body after the head. */
    @Test
    void javasHttpClientPostsAFormOnItsFirstRequest() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth/token"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(HttpClient.Version.HTTP_1_1, answer.version(), "no HTTP/2 here");
        assertEquals("text/plain;charset=ISO-8859-1", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals("page /oauth/token body grant_type=refresh_token", answer.body());
        HttpResponse<String> bad = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/users/%25zz/presence"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bad.statusCode(), "a well-formed escape passes: " + bad.body());
    }

    @Test
    void aRequestToUpgradeWithMoreThanAMebibyteIsRefused() {
        String answer = exchange("POST /oauth/token HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c"
                + "\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\nContent-Length: 2000000\r\n\r\ngrant_type=");
        assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
        assertTrue(answer.contains("at most 1 MiB"), answer);
        assertTrue(header(answer, "content-type").startsWith("application/json"), answer);
        assertEquals(List.of(), handled);
    }

    @Test
    void aPlainGetForARegisteredAnswerIsAnsweredInFrontOfTheContainerOnTheSameConnection() {
        List<DirectAnswers.Request> asked = new CopyOnWriteArrayList<>();
        registration = DirectAnswers.register("", "/users/", request -> {
            asked.add(request);
            return new DirectAnswers.Answer(200, "application/json;charset=utf-8", Map.of("ETag", "\"t1\""),
                    ("{\"path\":\"" + request.path() + "\"}").getBytes(StandardCharsets.UTF_8));
        });
        String answers = exchange("GET /users/A%2FB/presence?mkt=de-DE HTTP/1.1\r\nHost: intranet:8080\r\nIf-None-Match: \"t0\"\r\n\r\n"
                + "GET /users/C/presence HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /directory HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(answers.startsWith("HTTP/1.1 200 OK\r\n"), answers);
        assertTrue(answers.contains("{\"path\":\"/users/A%2FB/presence\"}HTTP/1.1 200 OK\r\n"), answers);
        assertTrue(answers.contains("{\"path\":\"/users/C/presence\"}HTTP/1.1 200 OK\r\n"), answers);
        assertTrue(answers.endsWith("page /directory"), answers);
        assertEquals("\"t1\"", header(answers, "etag"));
        assertEquals(List.of("/directory"), handled, "the container saw only the page");
        assertEquals(new DirectAnswers.Request("/users/A%2FB/presence", "mkt=de-DE", "http", "intranet:8080", "\"t0\""), asked.get(0));
        assertEquals(2, asked.size());
    }

    @Test
    void whatTheAnswererDeclinesOrFailsOnAndEveryRequestWithACredentialGoesToTheContainer() {
        registration = DirectAnswers.register("", "/users/", request -> switch (request.path()) {
            case "/users/declined/presence" -> null;
            case "/users/failing/presence" -> throw new IllegalStateException("the directory is starting");
            default -> new DirectAnswers.Answer(304, null, Map.of(), new byte[0]);
        });
        String answers = exchange("GET /users/declined/presence HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /users/failing/presence HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /users/mine/presence HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer abc\r\n\r\n"
                + "POST /users/posted/presence HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab"
                + "GET /users/unchanged/presence HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(List.of("/users/declined/presence", "/users/failing/presence", "/users/mine/presence", "/users/posted/presence"),
                handled);
        String notModified = answers.substring(answers.indexOf("HTTP/1.1 304 Not Modified\r\n"));
        assertTrue(notModified.endsWith("\r\n\r\n"), "a 304 has no body: " + answers);
        assertEquals("close", header(notModified, "connection"));
    }

    @Test
    void aConnectionWhosePeerStoppedReadingIsResetOnceItsBytesStopMovingAndNoOtherIs() throws Exception {
        try (Socket kept = new Socket("127.0.0.1", port); Socket stuck = new Socket()) {
            // a keep-alive connection that was answered: nothing waits for it
            kept.setSoTimeout(10_000);
            assertTrue(keptAlive(kept, "/first").endsWith("page /first"));
            // a peer that asks for 64 MiB and reads none of it, through a small window
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new InetSocketAddress("127.0.0.1", port));
            stuck.getOutputStream().write("GET /large HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

            assertEquals(List.of(), ConnectionWatch.sweep(Long.MAX_VALUE), "nothing is ended before its time");
            // what an application's periodic sweep does, with a short stall time: the bytes for the stuck peer wait, the
            // kept connection's do not (the other tests' connections, closing meanwhile, may be there too)
            String stuckPeer = "127.0.0.1:" + stuck.getLocalPort();
            String keptPeer = "127.0.0.1:" + kept.getLocalPort();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<String> ended = List.of();
            while (!ended.contains(stuckPeer) && System.nanoTime() < deadline) {
                Thread.sleep(100); // the sweep's period
                ended = ConnectionWatch.sweep(TimeUnit.MILLISECONDS.toNanos(500));
                assertFalse(ended.contains(keptPeer), "the kept connection is not ended");
            }
            assertTrue(ended.contains(stuckPeer), "the stuck peer's connection is ended: " + ended);

            // the stuck peer, reading again, finds the end of its connection (a reset, after what its window held)
            stuck.setSoTimeout(10_000);
            try {
                stuck.getInputStream().readAllBytes();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the connection of the peer that stopped reading is still open", e);
            } catch (SocketException reset) {
                assertTrue(reset.getMessage().toLowerCase(Locale.ROOT).contains("reset"), reset.toString());
            }
            // and the other connection is still served
            assertTrue(keptAlive(kept, "/second").endsWith("page /second"));
            // nothing waits for it: two sweeps with the short stall time, one stall time apart, do not end it
            assertFalse(ConnectionWatch.sweep(TimeUnit.MILLISECONDS.toNanos(500)).contains(keptPeer));
            Thread.sleep(600); // more than the stall time
            assertFalse(ConnectionWatch.sweep(TimeUnit.MILLISECONDS.toNanos(500)).contains(keptPeer),
                    "nothing waits for the kept connection");
        }
    }

    @Test
    void peersThatPipelineRequestsAndReadNoAnswerHoldNoWorkerAndAreReadNoFurther() throws Exception {
        List<Socket> stuck = new java.util.ArrayList<>();
        try (Socket kept = new Socket("127.0.0.1", port)) {
            kept.setSoTimeout(10_000);
            // twice as many peers as the server has workers, each asking for 4 MiB twenty times and reading none of it;
            // a worker writing an answer past what Grizzly queues would wait for room up to the write timeout (30 s);
            // from another address than the one asking below (what waits for an address is bounded too)
            for (int i = 0; i < 2 * WORKERS; i++) {
                Socket peer = connectFrom("127.0.0.5", 4096);
                stuck.add(peer);
                peer.getOutputStream().write("GET /medium HTTP/1.1\r\nHost: x\r\n\r\n".repeat(20)
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            // someone else is answered at once (the socket reads for 10 s at most)
            assertTrue(keptAlive(kept, "/first").endsWith("page /first"));
            assertTrue(keptAlive(kept, "/second").endsWith("page /second"));
            // each stuck peer, reading again, gets the answers that waited for it (or the refusal of its address), and
            // then the end of its connection
            for (Socket peer : stuck) {
                peer.setSoTimeout(10_000);
                String waited = new String(peer.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                int answers = waited.split("HTTP/1.1 200 OK\r\n", -1).length - 1;
                boolean refused = waited.contains("HTTP/1.1 429 Too Many Requests\r\n");
                assertTrue(answers < 20 && (answers >= 1 || refused), answers + " answers, refused: " + refused);
            }
        } finally {
            closeAll(stuck);
        }
    }

    @Test
    void anAddressWhoseConnectionsLeaveTooManyAnswersWaitingIsRefusedWith429AndAnotherIsServed() throws Exception {
        List<Socket> stuck = new java.util.ArrayList<>();
        try (Socket kept = new Socket("127.0.0.1", port)) {
            kept.setSoTimeout(10_000);
            // a hundred connections from 127.0.0.3, each asking once for 4 MiB and reading none of it: ~200 MiB would wait
            for (int i = 0; i < 100; i++) {
                Socket peer = connectFrom("127.0.0.3", 4096);
                stuck.add(peer);
                peer.getOutputStream().write("GET /medium HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            // a further request from that address, once its answers wait, is refused in words, on a connection that reads
            String refused = askUntilRefused("127.0.0.3");
            assertTrue(refused.startsWith("HTTP/1.1 429 Too Many Requests\r\n"), refused);
            assertEquals("60", header(refused, "retry-after"));
            assertTrue(refused.endsWith("Too many answers are waiting for your address to take them; try again in a minute.\n"),
                    refused);
            // another address is served as always
            assertTrue(keptAlive(kept, "/second").endsWith("page /second"));
            // what waits for 127.0.0.3 stayed near the bound: most of its hundred connections were refused, not answered
            int answered = 0;
            for (Socket peer : stuck) {
                peer.setSoTimeout(10_000);
                byte[] status = peer.getInputStream().readNBytes(12);
                String line = new String(status, StandardCharsets.ISO_8859_1);
                assertTrue(line.equals("HTTP/1.1 200") || line.equals("HTTP/1.1 429"), line);
                answered += line.equals("HTTP/1.1 200") ? 1 : 0;
            }
            assertTrue(answered < 50, "answered " + answered + " of 100: what waited stayed near 16 MiB, not ~200 MiB");
        } finally {
            closeAll(stuck);
        }
    }

    @Test
    void connectionsBeyondWhatAnAddressMayHoldAreAnswered429AtTheirAcceptAndClosedAndEveryoneElseIsServed() throws Exception {
        ConnectionWatch.limitConnections(5, Integer.MAX_VALUE, Set.of("127.0.0.5"));
        List<Socket> held = new java.util.ArrayList<>();
        try {
            // five connections from 127.0.0.3, each served once and kept open: as many as one address may hold (each
            // answered before the next opens, as Grizzly's selectors take new connections in no fixed order)
            for (int i = 0; i < 5; i++) {
                held.add(servedFrom("127.0.0.3"));
            }
            String refusal = "Too many connections from your address: Parley takes at most 5 open at once from one address;"
                    + " close some and try again.\n";
            // a sixth is answered at once, before it asks, and closed; so is one whose request came with it
            try (Socket silent = connectFrom("127.0.0.3", 0); Socket asking = connectFrom("127.0.0.3", 0)) {
                asking.getOutputStream().write("GET /asked HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                for (Socket refused : List.of(silent, asking)) {
                    refused.setSoTimeout(10_000);
                    String answer = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(answer.startsWith("HTTP/1.1 429 Too Many Requests\r\n"), answer);
                    assertEquals("10", header(answer, "retry-after"));
                    assertEquals("text/plain;charset=UTF-8", header(answer, "content-type"));
                    assertTrue(answer.endsWith("\r\n\r\n" + refusal), answer);
                }
            }
            assertFalse(handled.contains("/asked"), "a refused connection's request never reaches the container");
            // the five it holds are still served, and so is another address, and an exempt one beyond the number
            for (Socket kept : held) {
                assertTrue(keptAlive(kept, "/still").endsWith("page /still"));
            }
            for (int i = 0; i < 8; i++) {
                held.add(servedFrom("127.0.0.5"));
            }
            servedFrom("127.0.0.1").close();
            // once one of its connections closes, the address may open one again (the close is seen a moment later)
            held.remove(0).close();
            assertServedAgainFrom("127.0.0.3");
        } finally {
            ConnectionWatch.limitConnections(ConnectionWatch.CONNECTIONS_PER_ADDRESS, Integer.MAX_VALUE, Set.of());
            closeAll(held);
        }
    }

    @Test
    void connectionsBeyondWhatTheServerTakesAreAnswered503AtTheirAcceptAndClosedAndTheOpenOnesAreServed() throws Exception {
        ConnectionWatch.limitConnections(ConnectionWatch.CONNECTIONS_PER_ADDRESS, 6, Set.of());
        List<Socket> held = new java.util.ArrayList<>();
        try {
            // six connections from three addresses, each served once and kept open: as many as the server takes (what
            // earlier tests opened has closed, or this would be refused already)
            for (int i = 0; i < 6; i++) {
                held.add(servedFrom("127.0.0." + (3 + i % 3)));
            }
            // a seventh, from an address that holds none, is answered at once, before it asks, and closed
            try (Socket seventh = connectFrom("127.0.0.9", 0)) {
                seventh.setSoTimeout(10_000);
                String answer = new String(seventh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), answer);
                assertEquals("10", header(answer, "retry-after"));
                assertTrue(answer.endsWith("\r\n\r\nParley has as many connections open as it takes (6); try again in a"
                        + " moment.\n"), answer);
            }
            // the six are still served
            for (Socket kept : held) {
                assertTrue(keptAlive(kept, "/still").endsWith("page /still"));
            }
            // once one closes, a new connection is served (the close is seen a moment later)
            held.remove(0).close();
            assertServedAgainFrom("127.0.0.9");
        } finally {
            ConnectionWatch.limitConnections(ConnectionWatch.CONNECTIONS_PER_ADDRESS, Integer.MAX_VALUE, Set.of());
            closeAll(held);
        }
    }

    @Test
    void connectionsThatSendNoWholeRequestHeadAreClosedBySweepAndOneThatAskedIsNot() throws Exception {
        try (Socket silent = new Socket("127.0.0.1", port); Socket partial = new Socket("127.0.0.1", port);
                Socket asked = new Socket("127.0.0.1", port)) {
            partial.getOutputStream().write("GET /first HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
            asked.setSoTimeout(10_000);
            assertTrue(keptAlive(asked, "/first").endsWith("page /first"));
            String silentPeer = "127.0.0.1:" + silent.getLocalPort();
            String partialPeer = "127.0.0.1:" + partial.getLocalPort();
            String askedPeer = "127.0.0.1:" + asked.getLocalPort();
            assertTrue(ConnectionWatch.sweepSilent(Long.MAX_VALUE).isEmpty(), "nothing is closed before its time");

            // the two that never asked are closed
            List<String> closed = sweepSilentUntilClosed(silentPeer, partialPeer);
            assertTrue(closed.containsAll(List.of(silentPeer, partialPeer)), "closed: " + closed);
            assertFalse(closed.contains(askedPeer), "a kept-alive connection that sent nothing more is not named");
            // the one that sent part of a head is told why; the others had asked for nothing
            assertTooSlowThenClosed(partial, "text/plain;charset=UTF-8", "The request did not come in time: Parley takes a"
                    + " request's head within 500 ms and its body at 500 bytes a second or faster.\n");
            silent.setSoTimeout(10_000);
            assertEquals(-1, silent.getInputStream().read(), "the peer finds its connection closed without a word");
            // the kept-alive one, silent since its answer, is closed without a word once its own time has come (a sweep
            // every 100 ms, as the application's), and never named: what a keep-alive timeout ends anyway
            asked.setSoTimeout(100);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int read = 0;
            while (read == 0 && System.nanoTime() < deadline) {
                assertFalse(ConnectionWatch.sweepSilent(TimeUnit.MILLISECONDS.toNanos(500)).contains(askedPeer));
                try {
                    read = asked.getInputStream().read() < 0 ? -1 : 1;
                } catch (java.net.SocketTimeoutException notYet) {
                    read = 0;
                }
            }
            assertEquals(-1, read, "the kept-alive peer finds its connection closed without a word");
        }
    }

    @Test
    void aKeptAliveConnectionThatSendsHalfItsNextHeadIsClosedBySweepAndOneWithARequestInHandIsNot() throws Exception {
        try (Socket half = new Socket("127.0.0.1", port); Socket pipelined = new Socket("127.0.0.1", port);
                Socket waiting = new Socket("127.0.0.1", port)) {
            for (Socket peer : List.of(half, pipelined, waiting)) {
                peer.setSoTimeout(10_000);
            }
            // answered, then half of the next head (the container's keep-alive stops timing it at its first byte)
            assertTrue(keptAlive(half, "/first").endsWith("page /first"));
            half.getOutputStream().write("GET /second HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
            // a whole request and half of the next in one write: the half is left over after the answer, with no new read,
            // so the connection looks like an idle kept-alive one to the guard (closed alike, not named)
            pipelined.getOutputStream().write("GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost:"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(readAnswer(pipelined).endsWith("page /one"));
            // a request the application is still answering
            waiting.getOutputStream().write("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(inHandler.await(10, TimeUnit.SECONDS));
            String halfPeer = "127.0.0.1:" + half.getLocalPort();

            List<String> closed = sweepSilentUntilClosed(halfPeer);
            assertEquals(List.of(halfPeer), closed, "closed and named: the half next head; left alone: the request in hand");
            assertTooSlowThenClosed(half, "text/plain;charset=UTF-8", "The request did not come in time");
            assertEquals(-1, pipelined.getInputStream().read(), "the peer finds its connection closed");
            // the request in hand was not cut: its answer comes once the application has it
            released.countDown();
            assertTrue(readAnswer(waiting).endsWith("page /wait"));
        }
    }

    @Test
    void aBodySentSlowerThanTheSlowestRateIsClosedBySweepAndAFasterOneIsNot() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", port); Socket slowUpgrade = new Socket("127.0.0.1", port);
                Socket fast = new Socket("127.0.0.1", port)) {
            fast.setSoTimeout(10_000);
            slow.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\ngr")
                    .getBytes(StandardCharsets.ISO_8859_1));
            // 100,000 bytes of its body so far: 200 s of the slowest rate on top of the time for a head
            fast.getOutputStream().write(("POST /upload HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Length: 200000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            fast.getOutputStream().write("a".repeat(100_000).getBytes(StandardCharsets.ISO_8859_1));
            // and one asking to upgrade to HTTP/2, whose body the guard gathers for an answer in HTTP/1.1
            slowUpgrade.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings"
                    + "\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nContent-Length: 100\r\n\r\ngr")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String slowPeer = "127.0.0.1:" + slow.getLocalPort();
            String slowUpgradePeer = "127.0.0.1:" + slowUpgrade.getLocalPort();

            List<String> closed = sweepSilentUntilClosed(slowPeer, slowUpgradePeer);
            assertEquals(java.util.Set.of(slowPeer, slowUpgradePeer), java.util.Set.copyOf(closed),
                    "closed and named: the slow bodies; left alone: the one coming fast");
            // each is told why, in the format of the endpoint it asked for (OAuth's error JSON)
            for (Socket peer : List.of(slow, slowUpgrade)) {
                assertTooSlowThenClosed(peer, "application/json;charset=UTF-8", "{\"error\":\"invalid_request\","
                        + "\"error_description\":\"The request did not come in time: Parley takes a request's head within 500 ms"
                        + " and its body at 500 bytes a second or faster.\"}");
            }
            fast.getOutputStream().write("b".repeat(100_000).getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(fast.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n") && answer.contains("page /upload body aaaa")
                    && answer.contains("bbbb"), answer.substring(0, Math.min(300, answer.length())));
        }
    }

    @Test
    void peersThatSendABodyAByteAtATimeHoldNoWorkerAndTheirRequestsAreAnsweredOnceTheBodiesCame() throws Exception {
        List<Socket> slow = new java.util.ArrayList<>();
        try (Socket kept = new Socket("127.0.0.1", port)) {
            kept.setSoTimeout(10_000);
            // twice as many peers as the server has workers, each sending a form's head and then its body a byte at a time
            for (int i = 0; i < 2 * WORKERS; i++) {
                Socket peer = new Socket("127.0.0.1", port);
                slow.add(peer);
                peer.setSoTimeout(10_000);
                peer.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                        + "\r\nContent-Length: 6\r\n\r\nslo").getBytes(StandardCharsets.ISO_8859_1));
            }
            for (int b = 0; b < 2; b++) {
                // someone else is answered at once while the bodies trickle in (the socket reads for 10 s at most)
                assertTrue(keptAlive(kept, "/during-" + b).endsWith("page /during-" + b));
                for (Socket peer : slow) {
                    peer.getOutputStream().write('w');
                }
            }
            for (Socket peer : slow) {
                peer.getOutputStream().write('!');
            }
            // each request is answered with its whole body
            for (Socket peer : slow) {
                String answer = readAnswer(peer);
                assertTrue(answer.endsWith("page /oauth/token body sloww!"), answer);
            }
        } finally {
            closeAll(slow);
        }
    }

    @Test
    void unfinishedBodiesCountAgainstWhatMayWaitForAnAddressAndPastItItsRequestsAreRefused() throws Exception {
        List<Socket> slow = new java.util.ArrayList<>();
        try (Socket kept = new Socket("127.0.0.1", port)) {
            kept.setSoTimeout(10_000);
            // connections from 127.0.0.4, each sending 4 MiB of a 5 MiB body and then nothing
            byte[] part = new byte[4 * 1024 * 1024];
            java.util.Arrays.fill(part, (byte) 'x');
            String refused = "";
            while (!refused.startsWith("HTTP/1.1 429") && slow.size() < 10) {
                Socket peer = connectFrom("127.0.0.4", 0);
                slow.add(peer);
                try {
                    peer.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Length: "
                            + 5 * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    peer.getOutputStream().write(part);
                } catch (SocketException refusedMeanwhile) {
                    // the server answered 429 and closed the connection while the body was still being written
                }
                if (slow.size() <= 3) {
                    // 12 MiB held at most: below the bound, the address is served
                    try (Socket again = connectFrom("127.0.0.4", 0)) {
                        again.setSoTimeout(10_000);
                        assertTrue(keptAlive(again, "/below").endsWith("page /below"));
                    }
                } else {
                    // once the bodies held reach 16 MiB, a further request from the address is refused in words; the
                    // next connection fills the bound again where two bodies crossing it together were both refused
                    refused = askUntilRefused("127.0.0.4", 2);
                }
            }
            assertTrue(refused.startsWith("HTTP/1.1 429 Too Many Requests\r\n"), slow.size() + " bodies: " + refused);
            // another address is served as always, and no handler saw any of the unfinished bodies
            assertTrue(keptAlive(kept, "/other").endsWith("page /other"));
            assertFalse(handled.contains("/oauth/token"), "handed on: " + handled);
        } finally {
            closeAll(slow);
        }
    }

    @Test
    void unfinishedBodiesOfUpgradesToHttp2CountAgainstWhatMayWaitForAnAddress() throws Exception {
        // twenty connections from 127.0.0.5 asking to upgrade to HTTP/2, each sending all but a byte of a 1 MiB body:
        // ~20 MiB, of which the guard holds about 16 before it refuses the address's further parts (which connection
        // crosses the bound, and whether the address stays at it, depends on how the parts interleave)
        List<Socket> peers = new java.util.ArrayList<>();
        byte[] part = new byte[CleartextUpgradeFilter.MAX_BODY - 1];
        java.util.Arrays.fill(part, (byte) 'x');
        try (Socket kept = new Socket("127.0.0.1", port)) {
            kept.setSoTimeout(10_000);
            for (int i = 0; i < 20; i++) {
                Socket peer = connectFrom("127.0.0.5", 0);
                peers.add(peer);
                try {
                    peer.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings"
                            + "\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nContent-Length: "
                            + CleartextUpgradeFilter.MAX_BODY + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    peer.getOutputStream().write(part);
                } catch (SocketException refusedMeanwhile) {
                    // the server answered 429 and closed the connection while the body was still being written
                }
            }
            // at least two were refused in words or had their connection closed: at most 18 MiB held, not all 20
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<Socket> held = new java.util.ArrayList<>(peers);
            while (held.size() > 18 && System.nanoTime() < deadline) {
                held.removeIf(GuardedPortUnificationTest::refusedOrClosed);
            }
            assertTrue(held.size() <= 18, "still held: " + held.size() + " of 20 unfinished bodies");
            // another address is served as always, and no handler saw any of the unfinished bodies
            assertTrue(keptAlive(kept, "/other").endsWith("page /other"));
            assertFalse(handled.contains("/oauth/token"), "handed on: " + handled);
        } finally {
            closeAll(peers);
        }
    }

    /**
     * Reads what the server sends {@code peer} until it closes the connection: a {@code 408} answer of {@code contentType}
     * whose body starts with {@code body}, and nothing after it.
     */
    private static void assertTooSlowThenClosed(Socket peer, String contentType, String body) throws IOException {
        peer.setSoTimeout(10_000);
        String answer = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer);
        assertEquals(contentType, header(answer, "content-type"), answer);
        assertEquals("close", header(answer, "connection"), answer);
        String content = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertEquals(content.getBytes(StandardCharsets.UTF_8).length, Integer.parseInt(header(answer, "content-length")),
                answer);
        assertTrue(content.startsWith(body), answer);
    }

    /** Whether the server answered {@code peer} with 429 or closed its connection, reading for 100 ms at most. */
    private static boolean refusedOrClosed(Socket peer) {
        try {
            peer.setSoTimeout(100);
            byte[] status = peer.getInputStream().readNBytes(12);
            String line = new String(status, StandardCharsets.ISO_8859_1);
            assertTrue(line.isEmpty() || line.equals("HTTP/1.1 429"), line);
            return true;
        } catch (SocketTimeoutException stillHeld) {
            return false;
        } catch (IOException reset) {
            return true; // closed with the rest of the body unread: the kernel reset it, and its answer with it
        }
    }

    @Test
    void aBodyLargerThanTheContainerTakesIsRefusedWith413BeforeItIsRead() {
        String answer = exchange("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + (WholeBodyFilter.MOST + 1) + "\r\n\r\ngrant_type=");
        assertTrue(answer.startsWith("HTTP/1.1 413 Content Too Large\r\n"), answer);
        assertTrue(answer.endsWith("\"error_description\":\"The request is larger than Parley takes (5 MiB).\"}"), answer);
        assertEquals(List.of(), handled);
    }

    @Test
    void aHeaderLineThatIsNoHeaderGets400AndARequestLineOfHttp2Gets505AndNeitherIsHandedOn() {
        // the codec read a line without a colon and the line after it as one header's name, so it never saw the
        // "Connection: close" below (nor a Transfer-Encoding a proxy in front would have seen), and served the rest;
        // it served HTTP/2.0 as HTTP/1.1
        for (String line : List.of("Foo bar", "Fo o: bar", "Foo : bar", ": bar", "Foo\u0001: bar", "Transfer-Encoding : chunked")) {
            String answer = exchange("GET /users/ada/presence HTTP/1.1\r\nHost: x\r\n" + line + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), line + " answered " + answer);
            assertEquals("close", header(answer, "connection"), answer);
            assertTrue(answer.endsWith("{\"result\":{\"code\":400,\"response\":\"Bad request: a header line has no name before"
                    + " its colon, or a name with a space or another character a name may not hold, or no colon at all.\"}}"), answer);
        }
        String version = exchange("GET /signin HTTP/2.0\r\nHost: x\r\n\r\n");
        assertTrue(version.startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n"), version);
        assertTrue(version.endsWith("\r\n\r\nParley speaks HTTP/1.1 on this port, not HTTP/2 in clear text.\n"), version);
        assertEquals("close", header(version, "connection"), version);
        assertEquals(List.of(), List.copyOf(handled), "handed on");
        assertTrue(exchange("GET /fine HTTP/1.1\r\nHost: x\r\nX-Fine_1!#$%&'*+-.^`|~: yes\r\nConnection: close\r\n\r\n")
                .endsWith("page /fine"), "every character a name may hold");
        assertTrue(exchange("GET /old HTTP/1.0\r\n\r\n").endsWith("page /old"), "HTTP/1.0");
    }

    @Test
    void whatTheCodecCannotReadIsAnsweredInWordsNotWithABare400() {
        String large = exchange("GET /signin HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: " + "a".repeat(20 * 1024)
                + "\r\n\r\n");
        assertTrue(large.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"), large);
        assertTrue(large.endsWith("The request's headers are larger than Parley takes (its cookies, most likely: clear this"
                + " site's cookies in the browser).\n"), large);
        assertEquals("close", header(large, "connection"));

        // (Payara's own build of the codec also refuses control characters in a header; HostileInputIT has those)
        String length = exchange("POST /users/3F2A%40intranet/presence HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Length: abc\r\n\r\n");
        assertTrue(length.startsWith("HTTP/1.1 400 Bad Request\r\n"), length);
        assertTrue(length.endsWith("{\"result\":{\"code\":400,\"response\":\"Bad request: the request's headers cannot be read"
                + " as HTTP/1.1.\"}}"), length);

        String chunks = exchange("POST /oauth/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\ngrant_type=x\r\n0\r\n\r\n");
        assertTrue(chunks.startsWith("HTTP/1.1 400 Bad Request\r\n"), chunks);
        assertTrue(chunks.endsWith("\"error_description\":\"Bad request: the request's body cannot be read (its chunks or its"
                + " length).\"}"), chunks);
        assertEquals(1, chunks.split("HTTP/1.1 ").length - 1, "one answer, not the codec's after it: " + chunks);
        assertEquals(List.of(), List.copyOf(handled));
    }

    @Test
    void aFormWithMoreFieldsThanTheContainerReadsIsRefusedAndOneWithAsManyIsHandedOn() {
        // 2 fields in the query, 9,998 in the body (empty parts between & are no fields): as many as the container reads
        String fields = "&&" + "f=1&".repeat(WholeBodyFilter.MOST_FIELDS - 3) + "last=1&";
        String fine = exchange("POST /signin?a=1&b=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=UTF-8\r\nContent-Length: " + fields.length()
                + "\r\n\r\n" + fields);
        assertTrue(fine.startsWith("HTTP/1.1 200 OK\r\n"), fine.lines().findFirst().orElse(""));
        assertEquals(List.of("/signin"), List.copyOf(handled));

        String oneMore = fields + "z";
        String answer = exchange("POST /signin?a=1&b=2 HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: Application/X-WWW-Form-Urlencoded\r\nContent-Length: " + oneMore.length() + "\r\n\r\n" + oneMore);
        assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
        assertTrue(answer.endsWith("Bad request: the form has more than 10,000 fields, with those of the query.\n"), answer);
        String api = exchange("POST /oauth/token?a=1&b=2 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + oneMore.length() + "\r\n\r\n" + oneMore);
        assertTrue(api.endsWith("{\"error\":\"invalid_request\",\"error_description\":\"Bad request: the form has more than"
                + " 10,000 fields, with those of the query.\"}"), api);
        String other = exchange("POST /oauth/token?a=1&b=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain"
                + "\r\nContent-Length: " + oneMore.length() + "\r\n\r\n" + oneMore);
        assertTrue(other.startsWith("HTTP/1.1 200 OK\r\n"), "not a form: " + other.lines().findFirst().orElse(""));
        assertEquals(List.of("/signin", "/oauth/token"), List.copyOf(handled));
    }

    @Test
    void aFormLargerThanTheContainerReadsIsRefused413InWordsWhateverItsFramingAndOneAsLargeIsHandedOn() {
        String fits = "a=" + "b".repeat(WholeBodyFilter.MOST_FORM - 2);
        String fine = exchange("POST /signin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + fits.length() + "\r\n\r\n" + fits);
        assertTrue(fine.startsWith("HTTP/1.1 200 OK\r\n"), fine.lines().findFirst().orElse(""));
        assertEquals(List.of("/signin"), List.copyOf(handled));

        String tooLarge = fits + "c";
        String answer = exchange("POST /signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + tooLarge.length() + "\r\n\r\n" + tooLarge);
        assertTrue(answer.startsWith("HTTP/1.1 413 Request Entity Too Large\r\n") || answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.endsWith("The request is larger than Parley takes (2 MiB).\n"), answer);
        String chunked = exchange("POST /oauth/token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
                + Integer.toHexString(tooLarge.length()) + "\r\n" + tooLarge + "\r\n0\r\n\r\n");
        assertTrue(chunked.startsWith("HTTP/1.1 413 "), chunked.lines().findFirst().orElse(""));
        assertTrue(chunked.endsWith("{\"error\":\"invalid_request\",\"error_description\":\"The request is larger than"
                + " Parley takes (2 MiB).\"}"), chunked);
        String other = exchange("POST /oauth/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain"
                + "\r\nContent-Length: " + tooLarge.length() + "\r\n\r\n" + tooLarge);
        assertTrue(other.startsWith("HTTP/1.1 200 OK\r\n"), "not a form: " + other.lines().findFirst().orElse(""));
        assertEquals(List.of("/signin", "/oauth/token"), List.copyOf(handled));
    }

    @Test
    void aPeerThatAsksToBeToldToGoOnIsToldAndItsBodyIsHandedOnWhole() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Connection: close\r\nContent-Length: 11\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] goOn = socket.getInputStream().readNBytes(25);
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(goOn, StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write("grant_type=".getBytes(StandardCharsets.ISO_8859_1));
            // the container may say go on once more (any number of interim answers may come), then answers
            String rest = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(rest.contains("HTTP/1.1 200 OK\r\n"), rest);
            assertTrue(rest.contains("page /oauth/token body grant_type="), rest);
        }
    }

    @Test
    void aPeerThatReadsSlowlyButKeepsReadingIsNeverEndedAndGetsEveryByte() throws Exception {
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.setSoTimeout(10_000);
            slow.connect(new InetSocketAddress("127.0.0.1", port));
            slow.getOutputStream().write("GET /large HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = slow.getInputStream();
            byte[] part = new byte[1024 * 1024];
            long taken = 0;
            // for 3 s it takes 1 MiB, then nothing for 200 ms, while the sweep (every 100 ms) ends what stood still 500 ms
            long slowUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < slowUntil) {
                int read = in.readNBytes(part, 0, part.length);
                assertEquals(part.length, read, "the answer goes on while the peer reads");
                taken += read;
                for (int sweep = 0; sweep < 2; sweep++) {
                    Thread.sleep(100); // the sweep's period
                    assertEquals(List.of(), ConnectionWatch.sweep(TimeUnit.MILLISECONDS.toNanos(500)),
                            "a peer that keeps reading is not ended (" + taken + " bytes taken)");
                }
            }
            // then the rest at full speed: all 64 MiB (and the chunks' framing) came, and the answer ended as it should
            String end = "";
            for (int read = in.read(part); read >= 0; read = in.read(part)) {
                taken += read;
                end = (end + new String(part, Math.max(0, read - 7), Math.min(read, 7), StandardCharsets.ISO_8859_1));
                end = end.substring(Math.max(0, end.length() - 7));
            }
            assertTrue(taken > 64L * 1024 * 1024, "every byte of the answer came: " + taken);
            assertEquals("\r\n0\r\n\r\n", end, "the answer ended with its last chunk");
        }
    }

    /**
     * A connection to the server from {@code address} (another loopback address stands for another machine), with a
     * receive window of {@code window} bytes when above zero (a peer that reads nothing takes no more than that).
     */
    private Socket connectFrom(String address, int window) throws IOException {
        Socket socket = new Socket();
        if (window > 0) {
            socket.setReceiveBufferSize(window);
        }
        socket.bind(new InetSocketAddress(address, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        return socket;
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /**
     * What an application's periodic sweep does, with a short time (500 ms): sweeps until the {@code peers} are closed,
     * for 10 s at most; answers the peers of every connection it closed and named.
     */
    private static List<String> sweepSilentUntilClosed(String... peers) throws InterruptedException {
        List<String> closed = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!closed.containsAll(List.of(peers)) && System.nanoTime() < deadline) {
            Thread.sleep(100); // the sweep's period
            closed.addAll(ConnectionWatch.sweepSilent(TimeUnit.MILLISECONDS.toNanos(500)));
        }
        return closed;
    }

    /** A new connection from {@code address}, asked on once and answered, and kept open (the caller closes it). */
    private Socket servedFrom(String address) throws IOException {
        Socket kept = connectFrom(address, 0);
        kept.setSoTimeout(10_000);
        assertTrue(keptAlive(kept, "/held").endsWith("page /held"), "served from " + address);
        return kept;
    }

    /**
     * Asks from {@code address} on a new connection each time until it is served, for 10 s at most (a closed connection
     * stops counting against the bounds a moment after its peer closed it); fails if it never is.
     */
    private void assertServedAgainFrom(String address) {
        String again = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!again.endsWith("page /again") && System.nanoTime() < deadline) {
            try (Socket next = connectFrom(address, 0)) {
                next.setSoTimeout(10_000);
                again = keptAlive(next, "/again");
            } catch (IOException refusedMeanwhile) {
                again = refusedMeanwhile.toString();
            }
        }
        assertTrue(again.endsWith("page /again"), again);
    }

    /** Asks from {@code address} on a new connection each time until the answer is a 429, for 10 s at most; answers the last. */
    private String askUntilRefused(String address) throws IOException {
        return askUntilRefused(address, 10);
    }

    /** Asks from {@code address} on a new connection each time until the answer is a 429, for {@code seconds} at most. */
    private String askUntilRefused(String address, int seconds) throws IOException {
        String answer = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!answer.startsWith("HTTP/1.1 429") && System.nanoTime() < deadline) {
            try (Socket again = connectFrom(address, 0)) {
                again.setSoTimeout(10_000);
                answer = keptAlive(again, "/again");
            }
        }
        return answer;
    }

    /** Asks for {@code path} on a connection kept alive and reads one answer (headers and its Content-Length of body). */
    private static String keptAlive(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return readAnswer(socket);
    }

    /** Reads one final answer (headers and its Content-Length of body), past any interim ones ({@code 100 Continue}). */
    private static String readAnswer(Socket socket) throws IOException {
        String answer;
        do {
            answer = readOneAnswer(socket);
        } while (answer.startsWith("HTTP/1.1 100 "));
        return answer;
    }

    private static String readOneAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertTrue(b >= 0, "the answer ends in its headers: " + head);
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        if (headers.startsWith("HTTP/1.1 1")) {
            return headers; // an interim answer has no body
        }
        byte[] body = in.readNBytes(Integer.parseInt(header(headers, "content-length")));
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    private void postWithTheBodyLater(String headers) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /oauth/token HTTP/1.1\r\nHost: x\r\n" + headers + "Content-Length: 11\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertFalse(inHandler.await(500, TimeUnit.MILLISECONDS), "the handler does not start before the body came");
            out.write("grant_type=".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
            assertTrue(answer.endsWith("page /oauth/token body grant_type="), answer);
        }
    }

    /** Writes {@code request} as it is, reads until the server closes the connection. */
    private String exchange(String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(String answer, String name) {
        for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }
}
