package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Parley told the address people reach it at ({@code parley.public-url}), here as behind a reverse proxy that ends TLS:
 * {@code https://parley.test}, reached over plain HTTP on 127.0.0.1 with {@code Host: parley.test}. A request naming
 * any other host — a foreign site whose name was made to resolve to Parley's address (DNS rebinding), or Parley's own
 * numeric address — is refused {@code 421} in its endpoint's format, sockets included; the addresses Parley writes out
 * start with the public URL; a page's {@code Origin} is Parley's own only when it is that origin.
 */
@ExtendWith(ArquillianExtension.class)
class PublicAddressIT {

    private static final String PUBLIC = "https://parley.test";
    private static final String MISDIRECTED = "Misdirected request: this server answers as https://parley.test only;"
            + " the request names another host.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.parley(Map.of("parley.public-url", PUBLIC + "/"));
    }

    @ArquillianResource
    URL deployed;

    URL base;

    @BeforeEach
    void onLoopback() {
        base = Deployments.onLoopback(deployed);
    }

    @Test
    void requestsNamingAnotherHostAreRefusedInTheirEndpointsFormatAndParleysOwnAreServed() {
        String numeric = base.getHost() + ":" + base.getPort();
        try (ServerLog log = ServerLog.capture()) {
            for (String other : List.of("evil.example", "parley.test.evil.example", numeric, "localhost:" + base.getPort(),
                    "parley.test:8443")) {
                RawHttpAnswer page = get("/signin", other);
                assertEquals(421, page.status(), other + ": " + page);
                assertTrue(page.header("Content-Type").startsWith("text/plain"), page.head());
                assertEquals(MISDIRECTED, page.body().trim(), other);

                RawHttpAnswer presence = get("/users/1234/presence", other);
                assertEquals(421, presence.status(), other + ": " + presence);
                assertEquals("*", presence.header("Access-Control-Allow-Origin"), "the Presence API's refusal is readable");
                assertEquals(421, json(presence.body()).getJsonObject("result").getInt("code"));

                RawHttpAnswer token = post("/oauth/token", other, "grant_type=client_credentials");
                assertEquals(421, token.status(), other + ": " + token);
                assertEquals(MISDIRECTED, json(token.body()).getString("error_description"));

                for (String socket : List.of("/ws/control?invitee=nobody", "/ws/presence")) {
                    RawHttpAnswer handshake = handshake(socket, other, "http://" + other);
                    assertEquals(421, handshake.status(), socket + " from a page of " + other + ": " + handshake);
                }
            }
            RawHttpAnswer noHost = send("GET /signin HTTP/1.0\r\n\r\n");
            assertEquals(421, noHost.status(), "a request naming no host: " + noHost);
            log.await(1, line -> line.contains("naming another host than parley.public-url (421; the last named"),
                    Socket.WAIT, "the refusals said in the log once");
            assertEquals(List.of(), log.problems(), "nothing above INFO");
        }

        RawHttpAnswer signIn = get("/signin", "parley.test");
        assertEquals(200, signIn.status(), "Parley's own name is served: " + signIn.head());
        assertTrue(signIn.body().contains("<form"), "the sign-in page");
        assertEquals(200, get("/signin", "PARLEY.test:443").status(), "its name in any case, its default port written");
    }

    @Test
    void theAddressesParleyWritesOutStartWithThePublicUrl() {
        Browser admin = new Browser(base, Map.of("Host", "parley.test"));
        Browser.Page signedIn = admin.signIn("admin", Deployments.ADMIN_PASSWORD);
        assertEquals("/settings", signedIn.path(), signedIn.text());
        String username = Accounts.unique("public");
        Accounts.createMember(admin, username, "Ada Public", "a-good-password");
        Browser ada = new Browser(base, Map.of("Host", "parley.test"));
        ada.signIn(username, "a-good-password");
        Browser.Page saved = ada.submit("settings", Map.of("webSharing", "on"), "save");
        String cid = saved.value("#cid");

        // the Presence API's icons: the first answer from the web container, the next from the guard's remembered one
        for (int i = 0; i < 3; i++) {
            RawHttpAnswer presence = get("/users/" + cid + "/presence", "parley.test");
            assertEquals(200, presence.status(), presence.toString());
            String icon = json(presence.body()).getJsonObject("icon").getString("url");
            assertTrue(icon.startsWith(PUBLIC + "/icons/presence/"), "answer " + i + ": " + icon);
            assertFalse(presence.body().contains("http://parley.test"), presence.body());
        }
        // the snippet a member copies into a page
        Browser.Page snippet = ada.open("/settings/create-html");
        assertTrue(snippet.text().contains(PUBLIC + "/"), snippet.text());
        assertFalse(snippet.text().contains("http://parley.test") || snippet.text().contains(base.getHost()), snippet.text());
        // the device sign-in's page, which the desktop client shows
        RawHttpAnswer device = post("/oauth/device", "parley.test", "client_id=parley-desktop&scope=presence");
        assertEquals(200, device.status(), device.toString());
        assertEquals(PUBLIC + "/device", json(device.body()).getString("verification_uri"));
    }

    @Test
    void onlyAPageOfThePublicOriginIsParleysOwn() {
        RawHttpAnswer own = handshake("/ws/presence", "parley.test", PUBLIC);
        assertEquals(101, own.status(), "a page of " + PUBLIC + ": " + own.head());
        for (String origin : List.of("http://parley.test", "https://parley.test:8443", "https://evil.example")) {
            RawHttpAnswer foreign = handshake("/ws/presence", "parley.test", origin);
            assertEquals(403, foreign.status(), origin + ": " + foreign);
        }
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private RawHttpAnswer get(String target, String host) {
        return send("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    private RawHttpAnswer post(String target, String host, String form) {
        return send("POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + form.length() + "\r\nConnection: close\r\n\r\n" + form);
    }

    /** A WebSocket handshake from a page of {@code origin}; the answer's head only (a 101 is closed at once). */
    private RawHttpAnswer handshake(String target, String host, String origin) {
        return send("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade"
                + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: " + origin
                + "\r\n\r\n");
    }

    /**
     * Writes {@code request} on a connection of its own and reads the answer until Parley closes the connection, or
     * only its head when it is a {@code 101} (a socket opened stays open).
     */
    private RawHttpAnswer send(String request) {
        try (java.net.Socket connection = new java.net.Socket(base.getHost(), base.getPort())) {
            connection.setSoTimeout((int) Socket.WAIT.toMillis());
            connection.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = connection.getInputStream();
            byte[] start = in.readNBytes(12);
            if (new String(start, StandardCharsets.ISO_8859_1).equals("HTTP/1.1 101")) {
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                head.writeBytes(start);
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    head.write(in.read());
                }
                return new RawHttpAnswer(101, head.toString(StandardCharsets.ISO_8859_1).trim(), "");
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(start);
            all.writeBytes(in.readAllBytes());
            return RawHttpAnswer.of(all.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
