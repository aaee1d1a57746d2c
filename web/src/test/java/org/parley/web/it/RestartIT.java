package org.parley.web.it;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Parley run as the README runs it, in a process of its own with the configuration a test gives
 * it: stopped and started again, the H2 file database keeps every member and setting; a database
 * that does not answer stops the start with one log line naming the keys to fix; a single node
 * listens for nothing but HTTP (no data grid), on loopback; the sweeper, with lifetimes short
 * enough to watch, leaves a valid profile chat alone; with a keep-alive short enough to
 * watch, a socket whose peer stopped answering is closed while a live one stays; and, with a low
 * open-files limit, connections beyond what it leaves are answered and closed while the server
 * keeps working.
 */
class RestartIT {

    private static final Duration START = Duration.ofMinutes(3);
    private static final String PASSWORD = "still-here-after";

    private final Path work = Path.of(System.getProperty("parley.it.data")).resolve("restart-" + System.nanoTime());

    @Test
    void membersAndSettingsSurviveARestart() {
        String username = Accounts.unique("survivor");
        try (MicroProcess first = MicroProcess.start(work, dataFolder())) {
            saveAPersonalMessage(first, username, "Survivor", "Back soon");
        }

        try (MicroProcess second = MicroProcess.start(work, dataFolder())) {
            Browser.Page page = signInAgain(second, username);
            assertEquals("Survivor", page.value("#settings\\:displayName"));
            assertEquals("Back soon", page.value("#settings\\:personalMessage"));
            assertFalse(second.log().contains("Created the first administrator"), "the first admin is created once");
        }
    }

    @Test
    void whatThePageSaidWasSavedSurvivesACrashAtOnce() {
        String username = Accounts.unique("crash");
        try (MicroProcess first = MicroProcess.start(work, dataFolder())) {
            saveAPersonalMessage(first, username, "Crash Survivor", "Saved, then the power went");
            first.crash(); // within milliseconds of the answer: H2's default write delay (500 ms) lost this
        }

        try (MicroProcess second = MicroProcess.start(work, dataFolder())) {
            assertEquals("Saved, then the power went", signInAgain(second, username).value("#settings\\:personalMessage"));
        }
    }

    private Map<String, String> dataFolder() {
        return Map.of("PARLEY_DATA_DIR", work.resolve("data").toString(), "PARLEY_ADMIN_PASSWORD", Deployments.ADMIN_PASSWORD);
    }

    /** The admin creates the member, who signs in and saves a personal message; the page says it is saved. */
    private static void saveAPersonalMessage(MicroProcess parley, String username, String displayName, String message) {
        Browser admin = Accounts.admin(parley.awaitParley(START));
        Accounts.createMember(admin, username, displayName, PASSWORD);
        Browser member = new Browser(parley.awaitParley(START));
        member.signIn(username, PASSWORD);
        Browser.Page saved = member.submit("settings", Map.of("personalMessage", message), "save");
        assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());
    }

    /** The member signs in to the Parley started again and lands on their settings. */
    private static Browser.Page signInAgain(MicroProcess parley, String username) {
        Browser.Page page = new Browser(parley.awaitParley(START)).signIn(username, PASSWORD);
        assertEquals("/settings", page.path(), page.text());
        return page;
    }

    @Test
    void pagesRequestedInALoopEndOnlyTheOldestSessionsOfPeopleNotSignedInNeverAMembers() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(dataFolder());
        environment.put("PARLEY_SESSIONS_ANONYMOUS_MAX", "20");
        String username = Accounts.unique("kept");
        try (MicroProcess micro = MicroProcess.start(work, environment)) {
            URL base = micro.awaitParley(START);
            Accounts.createMember(Accounts.admin(base), username, "Kept Member", PASSWORD);
            Browser member = new Browser(base);
            assertEquals("/settings", member.signIn(username, PASSWORD).path());
            Browser slow = new Browser(base);
            slow.open("/signin"); // a visitor's sign-in form, left open

            // someone requests pages in a loop without a cookie: each request makes a session (~6.6 KB of heap, kept
            // for half an hour before, however many)
            java.net.http.HttpClient loop = java.net.http.HttpClient.newHttpClient();
            for (int i = 0; i < 100; i++) {
                java.net.http.HttpResponse<Void> page = loop.send(java.net.http.HttpRequest.newBuilder(
                        URI.create(base + "signin")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                assertEquals(200, page.statusCode());
                assertTrue(page.headers().firstValue("Set-Cookie").orElse("").startsWith("JSESSIONID="));
            }

            // at most 20 are kept: the slow visitor's form went with the oldest, and says so
            Browser.Page expired = slow.submit("signin", Map.of("username", username, "password", PASSWORD), "submit");
            assertTrue(expired.text().contains("This page has expired"), expired.text());
            assertTrue(micro.log().contains("of people who had not signed in (the oldest), to make room: 20 are kept at most (parley.sessions.anonymous-max)"),
                    "the log says why: " + micro.tail());
            // the member's session, older than all of them, is kept; and anybody can still sign in
            assertEquals("/settings", member.open("/settings").path());
            assertEquals("/settings", slow.signIn(username, PASSWORD).path());
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerStopsTheStartWithOneClearLine() {
        Map<String, String> environment = Map.of(
                "PARLEY_DB_URL", "jdbc:postgresql://127.0.0.1:1/parley?connectTimeout=2",
                "PARLEY_DB_USER", "parley",
                "PARLEY_DB_PASSWORD", "not-shown");
        try (MicroProcess micro = MicroProcess.start(work, environment).awaitReady(START)) {
            String log = micro.log();
            assertTrue(log.lines().anyMatch(line -> line.contains("SEVERE") && line.contains(
                            "Parley cannot use its database at parley.db.url=jdbc:postgresql://127.0.0.1:1/parley")),
                    "one severe line names the key:\n" + micro.tail());
            assertTrue(log.contains("Check parley.db.url, parley.db.user and parley.db.password"), micro.tail());
            assertFalse(log.contains("not-shown"), "the password never reaches the log");
        }
    }

    @Test
    void aSingleNodeListensOnlyForHttpWithNoDataGridAtAll() {
        Map<String, String> environment = Map.of(
                "PARLEY_DATA_DIR", work.resolve("data").toString(),
                "PARLEY_ADMIN_PASSWORD", Deployments.ADMIN_PASSWORD);
        try (MicroProcess micro = MicroProcess.start(work, environment)) {
            Accounts.admin(micro.awaitParley(START));
            List<InetSocketAddress> listening = micro.listening();
            assertTrue(listening.stream().anyMatch(a -> a.getPort() == micro.port()),
                    "the HTTP listener is among what the process listens on: " + listening);
            List<InetSocketAddress> others = listening.stream().filter(a -> a.getPort() != micro.port()).toList();
            assertEquals(List.of(), others, "nothing but HTTP listens: no data grid (Payara's Hazelcast, port 6900 and up), "
                    + "so the intranet command, which differs only in HTTP's address, opens nothing else either; all: " + listening);
            List<InetSocketAddress> reachable = listening.stream().filter(a -> !a.getAddress().isLoopbackAddress()).toList();
            assertEquals(List.of(), reachable, "told to serve HTTP on 127.0.0.1, nothing listens beyond loopback: " + listening);
        }
    }

    @Test
    void theSweeperLeavesTheProfileChatOnWhileTheMemberHoldsANewPermissionToken() {
        Map<String, String> environment = Map.of(
                "PARLEY_DATA_DIR", work.resolve("data").toString(),
                "PARLEY_ADMIN_PASSWORD", Deployments.ADMIN_PASSWORD,
                "PARLEY_TOKEN_CONSENT_TTL", "PT15S",
                "PARLEY_CONSENT_RETENTION", "PT8S",
                "PARLEY_CONSENT_SWEEP_INTERVAL", "PT1S");
        String username = Accounts.unique("profile");
        try (MicroProcess micro = MicroProcess.start(work, environment)) {
            URL base = micro.awaitParley(START);
            Accounts.createMember(Accounts.admin(base), username, "Pat Profile", "a-good-password");
            Browser member = new Browser(base);
            member.signIn(username, "a-good-password");
            acquirePermissionToken(member);
            awaitSettings(member, page -> connectedSites(page).equals(List.of("expired")), "the first token lapses");

            acquirePermissionToken(member);
            Browser.Page saved = member.submit("settings", Map.of("profileChat", "on"), "save");
            assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());
            assertEquals(List.of("active", "expired"), connectedSites(saved));

            awaitSettings(member, page -> connectedSites(page).equals(List.of("active")),
                    "the sweeper ran while the new token is valid: it removed the lapsed one");
            Browser.Page settings = member.open("/settings");
            assertTrue(settings.document().selectFirst("#settings\\:profileChat").hasAttr("checked"),
                    "the profile chat is still on: " + settings.text());
            assertNotNull(new Browser(base).open("/people/" + username).document().getElementById("chat"),
                    "the public profile still shows the chat control");

            awaitSettings(member, page -> !page.document().selectFirst("#settings\\:profileChat").hasAttr("checked"),
                    "once no valid token is left, the sweeper turns the profile chat off");
            assertNull(new Browser(base).open("/people/" + username).document().getElementById("chat"));
        }
    }

    @Test
    void aSocketWhosePeerStopsAnsweringIsClosedWhileALiveOneStays() throws IOException {
        Map<String, String> environment = Map.of(
                "PARLEY_DATA_DIR", work.resolve("data").toString(),
                "PARLEY_ADMIN_PASSWORD", Deployments.ADMIN_PASSWORD,
                "PARLEY_SOCKET_PING_INTERVAL", "PT1S",
                "PARLEY_SOCKET_IDLE_TIMEOUT", "PT5S");
        try (MicroProcess micro = MicroProcess.start(work, environment)) {
            URL base = micro.awaitParley(START);
            try (Socket live = Socket.open(URI.create(base.toString()), "/ws/presence", null);
                 java.net.Socket silent = new java.net.Socket("127.0.0.1", micro.port())) {
                live.next("ready");
                silent.setSoTimeout(15_000);
                DataInputStream in = upgrade(silent, micro.port(), "/ws/presence", "");

                // the silent peer reads what comes (its ready frame, heartbeats, pings) but never answers a ping: each
                // sweep (every second) sends it a heartbeat (an unsolicited pong) until it has been silent for 3.5 s
                // (the idle timeout less one and a half sweeps), then a ping, and closes it after 5 s
                List<Integer> keepAlives = new ArrayList<>();
                int closeCode = -1;
                while (closeCode < 0) {
                    RawFrame frame = RawFrame.read(in);
                    if (frame.opcode() == RawFrame.PING || frame.opcode() == RawFrame.PONG) {
                        keepAlives.add(frame.opcode());
                    } else if (frame.opcode() == RawFrame.CLOSE) {
                        closeCode = frame.closeCode();
                    }
                }
                assertTrue(keepAlives.contains(RawFrame.PING), "the silent peer was pinged before it was let go: " + keepAlives);
                assertEquals(RawFrame.PONG, keepAlives.get(0), "a peer heard from lately gets a heartbeat first, not a ping: "
                        + keepAlives);
                assertFalse(keepAlives.subList(keepAlives.indexOf(RawFrame.PING), keepAlives.size()).contains(RawFrame.PONG),
                        "once pinged, pinged until it answers: " + keepAlives);
                assertEquals(1001, closeCode, "a peer silent for the idle timeout is closed as going away");

                // the live socket, open longer than the silent one, answered its pings and still works
                assertTrue(live.isOpen());
                live.send(Socket.frame("watch").add("id", "w1").add("ids", jakarta.json.Json.createArrayBuilder()));
                assertEquals("w1", live.ack("w1").getString("id"));
            }
        }
    }

    @Test
    void aMemberClientThatStopsReadingIsLetGoItsMessagesKeptAndEveryoneElseServed() throws IOException {
        Map<String, String> environment = withoutMessageLimits(Map.of(
                "PARLEY_SOCKET_PING_INTERVAL", "PT1S",
                "PARLEY_SOCKET_IDLE_TIMEOUT", "PT3S",
                "PARLEY_PRESENCE_GRACE", "PT1S"));
        try (MicroProcess micro = MicroProcess.start(work, environment)) {
            URL base = micro.awaitParley(START);
            URI uri = URI.create(base.toString());
            Accounts.SharingMember member = Accounts.sharingMember(base, "stuck", "Stuck Reader");
            Accounts.SharingMember colleague = Accounts.sharingMember(base, "fine", "Fine Reader");
            String cookie = member.browser().cookie("JSESSIONID").orElseThrow().toString();
            try (java.net.Socket stuck = new java.net.Socket(); java.net.Socket page = new java.net.Socket()) {
                // a plain HTTP peer, too, that asks for PrimeFaces' script (548 KB) again and again and reads none of it
                page.setReceiveBufferSize(4096);
                page.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()));
                page.getOutputStream().write(("GET /jakarta.faces.resource/components.js.xhtml?ln=primefaces HTTP/1.1\r\n"
                        + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n\r\n").repeat(20).getBytes(StandardCharsets.ISO_8859_1));
                openClientThatStopsReading(stuck, micro, uri, cookie);
                // from here on the member's client reads nothing (a hung program, a frozen tab)

                List<String> acked = new ArrayList<>();
                try (Socket visitor = Socket.open(uri, "/ws/control?invitee=" + member.cid(), null)) {
                    visitor.next("hello");
                    visitor.send(Socket.frame("identify").add("id", "name").add("name", "Patient Visitor"));
                    visitor.ack("name");
                    String text = "x".repeat(1900);
                    // each acked: handed to the member's live client; far more bytes than the stuck client's buffers hold
                    for (int i = 0; i < 300; i++) {
                        String numbered = i + " " + text;
                        visitor.send(Socket.frame("message").add("id", "m" + i).add("text", numbered));
                        assertFalse(visitor.ack("m" + i).getBoolean("queued", false), "delivered live while the client is connected");
                        acked.add(numbered);
                    }
                    // a client that reads nothing answers no ping either: the server lets it go, and the member is offline for the visitor
                    visitor.next("presence", f -> "Offline".equals(f.getString("status")));
                }

                // every acknowledged message the stuck client never confirmed is waiting for the member
                try (Socket back = Socket.open(uri, "/ws/client", member.browser())) {
                    JsonObject welcome = back.next("welcome");
                    List<String> offline = welcome.getJsonArray("offline").getValuesAs(JsonObject.class).stream()
                            .map(o -> o.getString("text")).toList();
                    assertEquals(acked, offline, "nothing acknowledged is lost");
                }
            }

            // and everyone else is still served
            assertChatsWork(uri, colleague, "Hello after all that");
        }
    }

    /**
     * At its open-files limit the container accepted no one: the peers beyond it got no answer at all, its selector
     * retried its accepts at a full core, and the database or the logs could have found no file to open. Connections
     * beyond what the limit leaves (less what is open and a tenth of the limit) are answered 503 at once and closed.
     */
    @Test
    void connectionsBeyondWhatTheOpenFilesLimitLeavesAreAnswered503AndTheServerKeepsWorking() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(dataFolder());
        environment.put("PARLEY_HTTP_CONNECTIONS_PER_ADDRESS", "100000"); // the bound in all, not the one per address
        try (MicroProcess micro = MicroProcess.start(work, environment, 1200)) {
            URL base = micro.awaitParley(START);
            java.util.regex.Matcher said = java.util.regex.Pattern.compile(
                    "At most 100,000 connections from one address are open at once \\(parley.http.connections-per-address\\),"
                    + " and ([0-9,]+) in all \\(the process may open 1,200 files").matcher(micro.log());
            assertTrue(said.find(), "the start says the bound: " + micro.tail());
            int inAll = Integer.parseInt(said.group(1).replace(",", ""));
            assertTrue(inAll >= 100 && inAll <= 1200 - 256, "what 1,200 files leave for connections: " + inAll);
            String presence = "GET /users/nobody/presence HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            List<java.net.Socket> flood = new ArrayList<>();
            try (java.net.Socket kept = new java.net.Socket(base.getHost(), base.getPort())) {
                kept.setSoTimeout(30_000);
                kept.getOutputStream().write(presence.getBytes(StandardCharsets.ISO_8859_1));
                assertTrue(readAnswer(kept).startsWith("HTTP/1.1 404"), "a connection kept alive, served");
                // from another machine, connections that send nothing, fifty more than the server takes
                for (int i = 0; i < inAll + 50; i++) {
                    java.net.Socket peer = new java.net.Socket();
                    flood.add(peer);
                    peer.bind(new InetSocketAddress("127.0.0.4", 0));
                    peer.connect(new InetSocketAddress(base.getHost(), base.getPort()));
                }
                // those beyond the bound are answered in words and closed (the kept one holds a place too)
                List<java.net.Socket> waiting = new ArrayList<>(flood);
                List<String> refused = new ArrayList<>();
                Instant end = Instant.now().plus(Duration.ofSeconds(30));
                while (refused.size() < 50 && Instant.now().isBefore(end)) {
                    for (java.util.Iterator<java.net.Socket> each = waiting.iterator(); each.hasNext(); ) {
                        java.net.Socket peer = each.next();
                        if (peer.getInputStream().available() > 0) {
                            peer.setSoTimeout(30_000);
                            refused.add(new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                            each.remove();
                        }
                    }
                }
                assertTrue(refused.size() >= 50 && refused.size() <= 52, refused.size() + " answered at once");
                for (String answer : refused) {
                    assertTrue(answer.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), answer);
                    assertTrue(answer.contains("\r\nRetry-After: 10\r\n"), answer);
                    assertTrue(answer.endsWith("\r\n\r\nParley has as many connections open as it takes ("
                            + String.format(java.util.Locale.ROOT, "%,d", inAll) + "); try again in a moment.\n"), answer);
                }
                // the connections it holds are still served
                kept.getOutputStream().write(presence.getBytes(StandardCharsets.ISO_8859_1));
                assertTrue(readAnswer(kept).startsWith("HTTP/1.1 404"), "the kept-alive connection, still served");
                waiting.get(0).setSoTimeout(30_000);
                waiting.get(0).getOutputStream().write(presence.getBytes(StandardCharsets.ISO_8859_1));
                assertTrue(readAnswer(waiting.get(0)).startsWith("HTTP/1.1 404"), "a flood connection it took, served");
                String log = micro.log();
                assertTrue(log.contains(" (503; the last from 127.0.0.4): " + String.format(java.util.Locale.ROOT,
                        "%,d", inAll) + " connections were open, as many as the server takes"), micro.tail());
                assertFalse(log.contains("Too many open files"), "no file was refused to the server: " + micro.tail());
            } finally {
                for (java.net.Socket peer : flood) {
                    peer.close();
                }
            }
            // once they go, it serves everyone again, its database with it (its readiness asks the database)
            micro.awaitParley(START);
        }
    }

    @Test
    void theConnectionOfAClientThatStopsReadingIsEndedSoNothingWaitsForItAfterItsSocketIsClosed() throws Exception {
        // the socket is closed as too slow (its queue full) or for its stuck writes, not for its silence, which could
        // come before its writes are stuck; what the container queued for it is written before the connection ends,
        // which never comes for a peer that reads nothing, however long it stays
        try (MicroProcess micro = MicroProcess.start(work, withoutMessageLimits(Map.of(
                "PARLEY_SOCKET_PING_INTERVAL", "PT1S",
                "PARLEY_SOCKET_IDLE_TIMEOUT", "PT10M",
                "PARLEY_SOCKET_WRITE_TIMEOUT", "PT5S",
                "PARLEY_HTTP_REQUEST_HEAD_TIMEOUT", "PT5S",
                "PARLEY_PRESENCE_GRACE", "PT1S")))) {
            URL base = micro.awaitParley(START);
            URI uri = URI.create(base.toString());
            // right after the start, before any socket has opened, peers that hold connections without asking: one sends
            // nothing, one half a request head
            java.net.Socket quiet = new java.net.Socket(uri.getHost(), uri.getPort());
            java.net.Socket halfHead = new java.net.Socket(uri.getHost(), uri.getPort());
            halfHead.getOutputStream().write("GET / HTTP/1.1\r\nHost: here\r\n".getBytes(StandardCharsets.ISO_8859_1));
            // and one that is answered and then sends half of its next head (the container's keep-alive stops timing a
            // connection at the first byte of its next request)
            java.net.Socket answeredThenHalf = new java.net.Socket(uri.getHost(), uri.getPort());
            answeredThenHalf.setSoTimeout(30_000);
            answeredThenHalf.getOutputStream().write("GET /embed/presence.js HTTP/1.1\r\nHost: here\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(readAnswer(answeredThenHalf).startsWith("HTTP/1.1 200"));
            answeredThenHalf.getOutputStream().write("GET / HTTP/1.1\r\nHost: here\r\n".getBytes(StandardCharsets.ISO_8859_1));
            // and one that sends a form's body far slower than 500 bytes a second
            java.net.Socket slowBody = new java.net.Socket(uri.getHost(), uri.getPort());
            slowBody.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\nHost: here\r\nContent-Type: application/"
                    + "x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ngrant").getBytes(StandardCharsets.ISO_8859_1));
            // they find their connections closed before any socket has opened (the sweep runs from the start: it ran only
            // once something had made the socket registry before), those that sent part of a request told why (408, in
            // the format of the endpoint asked for), and the log names them
            try (quiet) {
                quiet.setSoTimeout(60_000);
                assertEquals(-1, quiet.getInputStream().read(), "the connection of a peer that never asked is closed");
            }
            for (java.net.Socket peer : List.of(halfHead, answeredThenHalf, slowBody)) {
                try (peer) {
                    peer.setSoTimeout(60_000);
                    String answer = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n") && answer.contains("\r\nConnection: close\r\n")
                            && answer.contains("The request did not come in time: Parley takes a request's head within 5 s and"
                                    + " its body at 500 bytes a second or faster."), answer);
                    assertEquals(peer == slowBody, answer.contains("\"error\":\"invalid_request\""), answer);
                }
            }
            awaitLogNames(micro, "that had sent no whole request head in the 5 s since they opened or had their last answer",
                    quiet.getLocalPort(), halfHead.getLocalPort(), answeredThenHalf.getLocalPort(), slowBody.getLocalPort());
            Accounts.SharingMember member = Accounts.sharingMember(base, "silent", "Silent Reader");
            String cookie = member.browser().cookie("JSESSIONID").orElseThrow().toString();
            try (java.net.Socket stuck = new java.net.Socket(); java.net.Socket page = new java.net.Socket()) {
                // a plain HTTP peer, too, that asks for PrimeFaces' script (548 KB) again and again and reads none of it
                page.setReceiveBufferSize(4096);
                page.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()));
                page.getOutputStream().write(("GET /jakarta.faces.resource/components.js.xhtml?ln=primefaces HTTP/1.1\r\n"
                        + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n\r\n").repeat(20).getBytes(StandardCharsets.ISO_8859_1));
                openClientThatStopsReading(stuck, micro, uri, cookie);
                // a visitor writes to the member until the client's queue is full and its socket is closed as too slow
                // (1013): the next message is stored for the member instead
                try (Socket visitor = Socket.open(uri, "/ws/control?invitee=" + member.cid(), null)) {
                    visitor.next("hello");
                    visitor.send(Socket.frame("identify").add("id", "name").add("name", "Filling Visitor"));
                    visitor.ack("name");
                    String text = "\u20ac".repeat(2000);
                    boolean live = true;
                    for (int i = 0; i < 3000 && live; i++) {
                        visitor.send(Socket.frame("message").add("id", "m" + i).add("text", text));
                        JsonObject answer = visitor.answer("m" + i);
                        live = "ack".equals(answer.getString("type")) && !answer.getBoolean("queued", false);
                    }
                    assertFalse(live, "the client that reads nothing was closed as too slow");
                }

                // the server lets go of the connection itself: it is reset, and the log names the peer; so is the page's
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (micro.holdsConnectionFrom(stuck.getLocalPort()) || micro.holdsConnectionFrom(page.getLocalPort())) {
                    assertTrue(Instant.now().isBefore(deadline), "the server still holds the connection of the client or the page "
                            + "that stopped reading, 60 s after the socket was closed:\n" + micro.tail());
                    pause();
                }
                // the log lines may come a moment after the resets
                awaitLogNames(micro, "whose peer had taken nothing for 5 s while data waited for it", stuck.getLocalPort(),
                        page.getLocalPort());
                assertTrue(micro.log().contains("Stopped reading requests from 127.0.0.1:" + page.getLocalPort()), micro.tail());
                // the client, reading again, finds its connection ended: what its window held, then the reset
                stuck.setSoTimeout(30_000);
                try {
                    stuck.getInputStream().readAllBytes();
                } catch (java.net.SocketTimeoutException e) {
                    throw new AssertionError("the connection is still open from the server's side", e);
                } catch (java.net.SocketException reset) {
                    assertTrue(String.valueOf(reset.getMessage()).contains("reset"), reset.toString());
                }
            }
            // and everyone else is still served
            assertChatsWork(uri, Accounts.sharingMember(base, "talking", "Talking Colleague"), "Anyone there?");
        }
    }

    @Test
    void endingAClientThatStopsReadingByAPasswordChangeOrAnAdministratorsDisconnectIsAnsweredAtOnceAndTheClientGetsTheEnding()
            throws IOException {
        // what ends each stuck client is the password change or the administrator's Disconnect
        try (MicroProcess micro = MicroProcess.start(work, endedOnlyByWhatTheTestDoes(Map.of()))) {
            URL base = micro.awaitParley(START);
            URI uri = URI.create(base.toString());
            Accounts.SharingMember member = Accounts.sharingMember(base, "ending", "Ending Member");
            Browser elsewhere = new Browser(base);
            assertEquals("/settings", elsewhere.signIn(member.username(), "a-good-password").path());
            try (java.net.Socket stuck = new java.net.Socket()) {
                DataInputStream in = openClientThatStopsReading(stuck, micro, uri,
                        elsewhere.cookie("JSESSIONID").orElseThrow().toString());
                // the client of the other session reads nothing from here on
                fillUntilWritesAreStuck(uri, member);

                // the member changes the password in their first session: that ends the stuck one, and the page
                // answers at once (it waited for the stuck client's last frame to be written, which never came)
                member.browser().open("/settings/password");
                Browser.Page changed = member.browser().submit("password",
                        Map.of("current", "a-good-password", "next", "a-newer-password", "repeat", "a-newer-password"),
                        "change");
                assertTrue(changed.messages().contains("Your password is changed."), changed.messages());
                // and everyone else is still served
                assertChatsWork(uri, Accounts.sharingMember(base, "served", "Served Colleague"), "Still there?");

                // the stuck client reads again: what was on its way, then why it ends, then 1008
                assertEndsWith(stuck, in, "Your session has ended: sign in again.");
            }

            Accounts.SharingMember other = Accounts.sharingMember(base, "disconnected", "Disconnected Member");
            try (java.net.Socket stuck = new java.net.Socket()) {
                DataInputStream in = openClientThatStopsReading(stuck, micro, uri,
                        other.browser().cookie("JSESSIONID").orElseThrow().toString());
                fillUntilWritesAreStuck(uri, other);

                // an administrator finds the client's row and disconnects it: the page answers at once (within the
                // browser's 30 s, where a write waiting for the stuck client would take the 10 minutes of its timeout)
                Browser admin = Accounts.admin(base);
                Browser.Page sessions = admin.open("/admin/sessions");
                Element row = sessions.document().select("#sessions\\:list tbody tr").stream()
                        .filter(tr -> tr.select(".member").text().equals(other.username())
                                && tr.text().startsWith("Web console"))
                        .findFirst().orElseThrow(() -> new AssertionError("no row of the stuck client: " + sessions.text()));
                String button = row.selectFirst("button[data-socket]").id();
                Browser.Page done = admin.submit("sessions", Map.of(), button.substring("sessions:".length()));
                assertEquals("Disconnected: Web console of " + other.username() + " from 127.0.0.1.", done.messages(),
                        done.text());
                assertChatsWork(uri, Accounts.sharingMember(base, "still", "Still Served"), "Anyone there?");

                assertEndsWith(stuck, in, "An administrator closed this connection.");
            }
        }
    }

    @Test
    void aDesktopClientThatStopsReadingHoldsUpNoSweepWhenItsTokenExpiresAndACrashedConsoleStillGoesOffline()
            throws IOException {
        // what ends the stuck client is its token's expiry (long enough to fill the client before), noticed by the
        // once-a-second sweep, which shares the container's scheduler with the presence grace period
        try (MicroProcess micro = MicroProcess.start(work, endedOnlyByWhatTheTestDoes(Map.of(
                "PARLEY_PRESENCE_GRACE", "PT1S",
                "PARLEY_TOKEN_ACCESS_TTL", "PT45S")))) {
            URL base = micro.awaitParley(START);
            URI uri = URI.create(base.toString());
            Accounts.SharingMember member = Accounts.sharingMember(base, "expiring", "Expiring Member");
            Accounts.SharingMember colleague = Accounts.sharingMember(base, "crashing", "Crashing Colleague");
            String token = DelegatedAuthenticationIT.desktopTokens(base, member.username(), "presence").getString("access_token");
            try (java.net.Socket stuck = new java.net.Socket()) {
                DataInputStream in = openClientThatStopsReading(stuck, micro, "Authorization: Bearer " + token + "\r\n");
                fillUntilWritesAreStuck(uri, member);
                awaitExpiry(uri, member.cid(), token);

                // the sweep has told the stuck client (or is about to): a colleague's console crashes meanwhile, and
                // the grace period, run by the same scheduler, still lets them go
                try (Socket visitor = Socket.open(uri, "/ws/control?invitee=" + colleague.cid(), null)) {
                    assertEquals("Offline", visitor.next("hello").getJsonObject("invitee").getString("status"));
                    Socket console = Socket.open(uri, "/ws/client", colleague.browser());
                    console.next("welcome");
                    assertEquals("Online", visitor.next("presence").getString("status"));
                    // a frame answered proves the container finished opening the console (README: a connection lost
                    // while it is being opened goes unseen until the idle timeout)
                    console.send(Socket.frame("presence").add("id", "open").add("status", "Online"));
                    console.ack("open");
                    console.drop();
                    visitor.next("presence", f -> "Offline".equals(f.getString("status")));
                }
                assertChatsWork(uri, colleague, "Back again");

                // the stuck client reads again: what was on its way, then why it ends, then 1008
                assertEndsWith(stuck, in, "Your access token was revoked or has expired.");
            }
        }
    }

    /**
     * A visitor's messages to {@code member} are more than a client that stopped reading holds (3,000 frames of 6 KB,
     * 18 MB: the kernel's send buffer takes at most 4 MiB and the container buffers a few more; 900 frames were not
     * enough), so a write to it is stuck.
     */
    private static void fillUntilWritesAreStuck(URI uri, Accounts.SharingMember member) {
        try (Socket visitor = Socket.open(uri, "/ws/control?invitee=" + member.cid(), null)) {
            visitor.next("hello");
            visitor.send(Socket.frame("identify").add("id", "name").add("name", "Filling Visitor"));
            visitor.ack("name");
            String text = "\u20ac".repeat(2000);
            for (int i = 0; i < 3000; i++) {
                visitor.send(Socket.frame("message").add("id", "m" + i).add("text", text));
                visitor.ack("m" + i);
            }
        }
    }

    /** Asks with {@code token} for the member's presence until it is refused: the token has expired. */
    private static void awaitExpiry(URI uri, String cid, String token) {
        OAuthClient desktop = OAuthClient.desktop(uri);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (desktop.bearer("GET", "users/" + cid + "/presence", token).status() != 401) {
            assertTrue(Instant.now().isBefore(deadline), "the access token expires within 90 s");
            pause();
        }
    }

    /** Reads what a client that stopped reading gets once it reads again: the last text frame says {@code why}, then 1008. */
    private static void assertEndsWith(java.net.Socket connection, DataInputStream in, String why) throws IOException {
        connection.setSoTimeout(30_000);
        String lastText = null;
        int closeCode = -1;
        while (closeCode < 0) {
            RawFrame frame = RawFrame.read(in);
            if (frame.opcode() == RawFrame.TEXT) {
                lastText = new String(frame.payload(), StandardCharsets.UTF_8);
            } else if (frame.opcode() == RawFrame.CLOSE) {
                closeCode = frame.closeCode();
            }
        }
        assertNotNull(lastText);
        assertTrue(lastText.contains(why), lastText);
        assertEquals(1008, closeCode);
    }

    /**
     * Opens {@code /ws/client} for the session of {@code cookie} on a connection with a small receive window, which
     * fills at once when its program stops reading; answers its input, for when it reads again.
     */
    private static DataInputStream openClientThatStopsReading(java.net.Socket connection, MicroProcess micro, URI uri,
                                                              String cookie) throws IOException {
        return openClientThatStopsReading(connection, micro, "Origin: " + Socket.origin(uri) + "\r\nCookie: " + cookie + "\r\n");
    }

    /** The same, signed in by {@code headers} (lines ending in CRLF). */
    private static DataInputStream openClientThatStopsReading(java.net.Socket connection, MicroProcess micro, String headers)
            throws IOException {
        connection.setReceiveBufferSize(4096);
        connection.connect(new InetSocketAddress("127.0.0.1", micro.port()));
        return upgrade(connection, micro.port(), "/ws/client", headers);
    }

    /** This test's data folder and administrator, visitors sending as fast as they like, and {@code more}. */
    private Map<String, String> withoutMessageLimits(Map<String, String> more) {
        Map<String, String> environment = new java.util.HashMap<>(dataFolder());
        environment.putAll(Map.of(
                "PARLEY_LIMITS_VISITOR_MESSAGES_PER_SECOND", "100000",
                "PARLEY_LIMITS_VISITOR_MESSAGE_BURST", "100000",
                "PARLEY_LIMITS_ADDRESS_MESSAGES_PER_SECOND", "100000",
                "PARLEY_LIMITS_ADDRESS_MESSAGE_BURST", "100000"));
        environment.putAll(more);
        return environment;
    }

    /**
     * Without message limits, and with room in a client's queue for every frame {@link #fillUntilWritesAreStuck} sends,
     * and time: what ends a client that stopped reading is what the test does, not its pace, its silence or its stuck
     * write; and {@code more}.
     */
    private Map<String, String> endedOnlyByWhatTheTestDoes(Map<String, String> more) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "PARLEY_SOCKET_SEND_QUEUE", "5000",
                "PARLEY_SOCKET_IDLE_TIMEOUT", "PT10M",
                "PARLEY_SOCKET_WRITE_TIMEOUT", "PT10M"));
        environment.putAll(more);
        return withoutMessageLimits(environment);
    }

    /** A visitor's message reaches {@code member}'s new client: the server still serves everyone else. */
    private static void assertChatsWork(URI uri, Accounts.SharingMember member, String text) {
        try (Socket client = Socket.open(uri, "/ws/client", member.browser());
             Socket visitor = Socket.open(uri, "/ws/control?invitee=" + member.cid(), null)) {
            client.next("welcome");
            visitor.next("hello");
            visitor.send(Socket.frame("identify").add("id", "name").add("name", "Next Visitor"));
            visitor.ack("name");
            visitor.send(Socket.frame("message").add("id", "hi").add("text", text));
            visitor.ack("hi");
            assertEquals(text, client.next("message").getString("text"));
        }
    }

    /** One frame the server sent (servers do not mask theirs), read by hand. */
    private record RawFrame(int opcode, byte[] payload) {
        static final int TEXT = 0x1;
        static final int CLOSE = 0x8;
        static final int PING = 0x9;
        static final int PONG = 0xA;

        static RawFrame read(DataInputStream in) throws IOException {
            int first = in.read();
            assertTrue(first >= 0, "the server closes with a close frame, not just the connection");
            long length = in.readUnsignedByte() & 0x7f;
            length = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
            return new RawFrame(first & 0x0f, in.readNBytes((int) length));
        }

        int closeCode() {
            return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
    }

    /** Upgrades a plain TCP connection to a WebSocket by hand ({@code headers}: more lines, each ending in CRLF); answers its input once the 101 came. */
    private static DataInputStream upgrade(java.net.Socket connection, int port, String path, String headers) throws IOException {
        String key = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 16).getBytes(StandardCharsets.US_ASCII));
        connection.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        DataInputStream in = new DataInputStream(connection.getInputStream());
        String head = readHead(in);
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        return in;
    }

    /** Waits until the log names the peers on the local {@code ports} after {@code said}, for 30 s at most. */
    private static void awaitLogNames(MicroProcess micro, String said, int... ports) {
        Instant deadline = Instant.now().plusSeconds(30);
        java.util.function.IntPredicate named = port -> {
            String log = micro.log();
            return log.contains(said) && log.substring(log.indexOf(said)).contains("127.0.0.1:" + port);
        };
        while (!java.util.Arrays.stream(ports).allMatch(named)) {
            assertTrue(Instant.now().isBefore(deadline), "the log names each peer after \"" + said + "\":\n" + micro.tail());
            pause();
        }
    }

    private static String readHead(DataInputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            assertTrue(c >= 0, "the request is answered: " + head);
            head.append((char) c);
        }
        return head.toString();
    }

    /** Reads the answer to a plain request on a connection kept alive: its head, then as many bytes as it says; answers the head. */
    private static String readAnswer(java.net.Socket connection) throws IOException {
        DataInputStream in = new DataInputStream(connection.getInputStream());
        String head = readHead(in);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(head);
        assertTrue(length.find(), head);
        in.readFully(new byte[Integer.parseInt(length.group(1))]);
        return head;
    }

    /** Runs the consent flow for Parley's own pages from the settings page, as the member's browser does. */
    private static void acquirePermissionToken(Browser member) {
        member.open("/settings");
        Browser.Page consent = member.submit("token", Map.of(), "acquire");
        assertTrue(consent.path().startsWith("/oauth/authorize"), consent.uri() + "\n" + consent.text());
        Browser.Page back = member.submit("authorize", Map.of(), "approve");
        assertEquals("/settings", back.path(), back.text());
        assertTrue(back.messages().contains("Permission token acquired"), back.messages());
    }

    /** The state of each connected site on the settings page, newest first. */
    private static List<String> connectedSites(Browser.Page settings) {
        return settings.document().select("table#sites tbody tr").stream().map(row -> row.child(5))
                .map(Element::text).toList();
    }

    /** Opens the settings page again and again until it shows what is expected; fails past the deadline. */
    private static void awaitSettings(Browser member, Predicate<Browser.Page> expected, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Browser.Page page = member.open("/settings");
        while (!expected.test(page)) {
            assertTrue(Instant.now().isBefore(deadline), what + " within 60 s: " + page.text());
            pause();
            page = member.open("/settings");
        }
    }

    /** Between two looks at something that changes in the server's own time (a lifetime, a sweep): nothing to wait on. */
    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
