package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The trust boundaries of Parley's sockets: which pages may open which socket, that what one
 * handshake learnt stays with its own session, that a member who stops being reachable is gone
 * from every open socket at once, that a chat control on the profile reaches the member from
 * that page only, and that whichever way an access token ends, the sockets opened with it close
 * at once while everybody else's stay.
 */
class SocketBoundariesIT extends ParleyDeployment {

    /** What a member must notice within a second of stopping sharing (SPEC.md §3: "within 1 s"). */
    private static final Duration AT_ONCE = Duration.ofSeconds(1);
    private static final String NOBODY = "0000000000000000";
    /** What a socket opened with an access token is told when the token ends. */
    private static final String TOKEN_ENDED = "Your access token was revoked or has expired.";

    private final HttpClient http = HttpClient.newHttpClient();

    private URI uri() {
        return URI.create(base.toString());
    }

    private Socket client(Browser member) {
        Socket client = Socket.open(uri(), "/ws/client", member);
        client.next("welcome");
        return client;
    }

    private Socket bearerClient(String accessToken) {
        Socket client = Socket.open(uri(), "/ws/client", null, Map.of("Authorization", "Bearer " + accessToken));
        client.next("welcome");
        return client;
    }

    /** A directory page on an intranet origin that asked to watch {@code ids}; their presence frames are next. */
    private Socket directoryPage(String... ids) {
        Socket page = Socket.open(uri(), "/ws/presence", null, Map.of("Origin", INTRANET_ORIGIN));
        page.next("ready");
        page.send(Socket.frame("watch").add("ids", Json.createArrayBuilder(List.of(ids))));
        return page;
    }

    private Socket control(String query) {
        return Socket.open(uri(), "/ws/control?" + query, null, Map.of("Origin", INTRANET_ORIGIN));
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri().resolve(path.substring(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- 1. which pages open which socket ---------------------------------------------------------

    @Test
    void theMembersSocketTakesOnlyParleysOwnPagesOrABearerTokenWithoutAnOrigin() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        assertEquals(403, Socket.refusedStatus(uri(), "/ws/client", ada.browser(), Map.of("Origin", INTRANET_ORIGIN)),
                "a script on an intranet page must not read the member's conversations");
        assertEquals(403, Socket.refusedStatus(uri(), "/ws/client", ada.browser(), Map.of("Origin", "http://evil.example")));
        assertEquals(403, Socket.refusedStatus(uri(), "/ws/client", ada.browser(), Map.of()),
                "a cookie without an Origin is no page of Parley's");
        try (Socket console = Socket.open(uri(), "/ws/client", ada.browser())) {
            assertEquals("Ada Lovelace", console.next("welcome").getJsonObject("member").getString("displayName"));
        }

        String token = DelegatedAuthenticationIT.desktopTokens(base, ada.username(), "presence").getString("access_token");
        try (Socket desktop = bearerClient(token)) {
            assertTrue(desktop.isOpen(), "the desktop client, with its token and no Origin");
        }
        assertEquals(403, Socket.refusedStatus(uri(), "/ws/client", null,
                Map.of("Authorization", "Bearer " + token, "Origin", INTRANET_ORIGIN)));
    }

    @Test
    void intranetPagesStillOpenTheVisitorAndPresenceSockets() {
        var grace = Accounts.sharingMember(base, "grace", "Grace Hopper");
        try (Socket visitor = control("invitee=" + grace.cid());
             Socket page = directoryPage(grace.cid())) {
            assertEquals("Grace Hopper", visitor.next("hello").getJsonObject("invitee").getString("displayName"));
            JsonObject presence = page.next("presence");
            assertEquals(grace.cid(), presence.getString("id"));
            assertTrue(presence.getBoolean("found"), presence.toString());
        }
    }

    @Test
    void theDesktopClientsTokenMakesItsMemberAVerifiedVisitorAndEndsWithTheToken() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        var guest = Accounts.sharingMember(base, "guest", "Guest Member");
        JsonObject tokens = DelegatedAuthenticationIT.desktopTokens(base, guest.username(), "presence");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + tokens.getString("access_token"));
        try (Socket console = client(host.browser());
             Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + host.cid(), null, bearer)) {
            JsonObject hello = visitor.next("hello");
            assertTrue(hello.getJsonObject("visitor").getBoolean("verified"), hello.toString());
            assertEquals("Guest Member", hello.getJsonObject("visitor").getString("name"));
            visitor.send(Socket.frame("message").add("id", "1").add("text", "Hello from my desktop"));
            visitor.ack("1");
            JsonObject shown = console.next("conversation.started").getJsonObject("conversation").getJsonObject("visitor");
            assertTrue(shown.getBoolean("verified"), shown.toString());
            assertEquals(guest.username(), shown.getString("username"), "the member sees who writes: " + shown);
            assertEquals(guest.cid(), shown.getString("cid"));
            assertEquals("Hello from my desktop", console.next("message").getString("text"));

            assertEquals(200, OAuthClient.desktop(uri()).revoke(tokens.getString("refresh_token")).status());
            assertTokenEnded(visitor);
        }
        assertEquals(401, Socket.refusedStatus(uri(), "/ws/control?invitee=" + host.cid(), null, bearer),
                "a revoked token is refused at the handshake");
        var invalid = Socket.refused(uri(), "/ws/control?invitee=" + host.cid(), null, Map.of("Authorization", "Bearer not-a-token"));
        assertEquals(401, invalid.statusCode());
        assertEquals("Bearer realm=\"parley\", error=\"invalid_token\"", invalid.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void aSitesTokenIsNoVisitorIdentity() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        var guest = Accounts.sharingMember(base, "guest", "Guest Member");
        JsonObject tokens = DelegatedAuthenticationIT.siteTokens(base, "Visitor wiki", guest.username(), "presence");
        assertEquals(401, Socket.refusedStatus(uri(), "/ws/control?invitee=" + host.cid(), null,
                Map.of("Authorization", "Bearer " + tokens.getString("access_token"))),
                "only the desktop client's token speaks for a member on the visitor socket");
    }

    // ---- 2. what a handshake learnt belongs to its session ----------------------------------------

    @Test
    void revokingOneTokenClosesExactlyTheSocketThatCameWithIt() {
        var alan = Accounts.sharingMember(base, "alan", "Alan Turing");
        var joan = Accounts.sharingMember(base, "joan", "Joan Clarke");
        String alansToken = DelegatedAuthenticationIT.desktopTokens(base, alan.username(), "presence").getString("access_token");
        String joansToken = DelegatedAuthenticationIT.desktopTokens(base, joan.username(), "presence").getString("access_token");

        // all handshakes at once, so that any handshake data kept per endpoint rather than per session would mix
        List<Supplier<Socket>> opens = List.of(() -> bearerClient(alansToken), () -> bearerClient(joansToken),
                () -> client(alan.browser()), () -> client(alan.browser()), () -> client(joan.browser()),
                () -> bearerClient(joansToken), () -> client(joan.browser()));
        List<Socket> sockets = openAtOnce(opens);
        try {
            Socket alansDesktop = sockets.get(0);
            assertEquals(200, OAuthClient.desktop(uri()).revoke(alansToken).status());
            assertTokenEnded(alansDesktop);

            for (int i = 1; i < sockets.size(); i++) {
                assertServed(sockets.get(i), "still-" + i);
            }
        } finally {
            sockets.forEach(Socket::close);
        }
    }

    private static List<Socket> openAtOnce(List<Supplier<Socket>> opens) {
        ExecutorService threads = Executors.newFixedThreadPool(opens.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Socket>> opening = opens.stream().map(open -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return open.get();
            }, threads)).toList();
            start.countDown();
            return opening.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    // ---- 3. stopping sharing stops everything at once ---------------------------------------------

    /** Everything open towards a member: their console, a visitor in a conversation, an idle visitor, a directory page. */
    private record Open(Socket console, Socket talking, String conversation, Socket idle, Socket page) implements AutoCloseable {
        @Override
        public void close() {
            List.of(console, talking, idle, page).forEach(Socket::close);
        }
    }

    private Open openEverything(Accounts.SharingMember member) {
        Socket console = client(member.browser());
        Socket talking = control("invitee=" + member.cid());
        talking.next("hello");
        talking.send(Socket.frame("identify").add("name", "Charles"));
        talking.send(Socket.frame("message").add("id", "m1").add("text", "Are you there?"));
        assertFalse(talking.ack("m1").containsKey("queued"), "delivered live");
        String conversation = console.next("conversation.started").getJsonObject("conversation").getString("id");
        Socket idle = control("invitee=" + member.cid());
        idle.next("hello");
        Socket page = directoryPage(member.cid());
        assertTrue(page.next("presence").getBoolean("found"));
        console.send(Socket.frame("presence").add("id", "busy").add("status", "Busy"));
        console.ack("busy");
        JsonObject busy = page.next("presence");
        assertEquals("Busy", busy.getString("status"), "the page sees live status: " + busy);
        return new Open(console, talking, conversation, idle, page);
    }

    /** What every visitor and page sees once the member can no longer be reached through {@code cid}. */
    private void assertGoneEverywhere(Open open, String cid) {
        JsonObject ended = open.talking().next("ended", AT_ONCE);
        assertEquals("unreachable", ended.getString("reason"));
        assertEquals("not_found", open.talking().next("error", AT_ONCE).getString("code"));
        assertEquals(1000, open.talking().closeCode());
        assertEquals("not_found", open.idle().next("error", AT_ONCE).getString("code"));
        assertEquals(1000, open.idle().closeCode());

        JsonObject vanished = open.page().next("presence", AT_ONCE);
        assertEquals(cid, vanished.getString("id"));
        assertFalse(vanished.getBoolean("found"), "the page is told the member is gone: " + vanished);
        assertEquals(List.of("found", "id", "type"), vanished.keySet().stream().sorted().toList(), "and nothing else");

        try (Socket again = control("invitee=" + cid)) {
            assertEquals("not_found", again.next("error").getString("code"), "a new control with this CID");
        }
        assertEquals(404, get("/users/" + cid + "/presence").statusCode(), "the Presence API");
    }

    /** Nothing more about the member reaches the page: a later watch's answer is the next presence frame it gets. */
    private static void assertPageHearsNothingMore(Socket page, String cid) {
        page.send(Socket.frame("watch").add("id", "after").add("ids", Json.createArrayBuilder().add(NOBODY)));
        JsonObject next = page.next("presence");
        assertEquals(NOBODY, next.getString("id"), "nothing about " + cid + " after it was gone: " + next);
        page.ack("after");
    }

    @Test
    void turningSharingOffEndsConversationsControlsAndLivePresenceAtOnce() {
        var hedy = Accounts.sharingMember(base, "hedy", "Hedy Lamarr");
        try (Open open = openEverything(hedy)) {
            hedy.browser().open("/settings");
            Browser.Page saved = hedy.browser().submit("settings", Collections.singletonMap("webSharing", null), "save");
            assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());

            JsonObject ended = open.console().next("conversation.ended", AT_ONCE);
            assertEquals(open.conversation(), ended.getString("conversation"));
            assertEquals("unreachable", ended.getString("reason"));
            assertGoneEverywhere(open, hedy.cid());

            open.console().send(Socket.frame("presence").add("id", "away").add("status", "Away"));
            open.console().ack("away");
            assertPageHearsNothingMore(open.page(), hedy.cid());
        }
    }

    /**
     * A directory page hears of a member again once they can be seen again, as a new watch would show them, and of one
     * who begins to share after it began to watch; nothing of them while they cannot be seen. Found by attacking from
     * outside: once announced gone, a member was never announced again, so a directory page open all day never showed a
     * colleague who shared again, was enabled again, or began to share.
     */
    @Test
    void aDirectoryPageSeesAMemberAgainWhenTheyCanBeSeenAgainAndNothingWhileTheyCannot() {
        var ada = Accounts.sharingMember(base, "resharer", "Ada Resharer");
        var bea = Accounts.sharingMember(base, "latesharer", "Bea Late");
        share(bea, false);
        try (Socket console = client(ada.browser()); Socket page = directoryPage(ada.cid(), bea.cid())) {
            assertPresence(page.next("presence"), ada.cid(), "Online");
            assertPresence(page.next("presence"), bea.cid(), null);

            share(ada, false);
            assertPresence(page.next("presence", AT_ONCE), ada.cid(), null);
            console.send(Socket.frame("presence").add("id", "busy").add("status", "Busy"));
            console.ack("busy");
            // nothing of the hidden change reached the page: the answers to a new watch come next
            page.send(Socket.frame("watch").add("id", "again").add("ids", Json.createArrayBuilder()
                    .add(ada.cid()).add(bea.cid()).add(NOBODY)));
            assertPresence(page.next("presence"), ada.cid(), null);
            assertPresence(page.next("presence"), bea.cid(), null);
            assertPresence(page.next("presence"), NOBODY, null);
            page.ack("again");

            share(ada, true);
            assertPresence(page.next("presence", AT_ONCE), ada.cid(), "Busy");
            share(bea, true);
            assertPresence(page.next("presence", AT_ONCE), bea.cid(), "Offline");
            console.send(Socket.frame("presence").add("id", "away").add("status", "Away"));
            console.ack("away");
            assertPresence(page.next("presence", AT_ONCE), ada.cid(), "Away");

            Browser admin = Accounts.admin(base);
            MemberAdministrationIT.press(admin, bea.username(), "disable");
            assertPresence(page.next("presence", AT_ONCE), bea.cid(), null);
            MemberAdministrationIT.press(admin, bea.username(), "enable");
            assertPresence(page.next("presence", AT_ONCE), bea.cid(), "Offline");
        }
    }

    /** Turns the member's web sharing on or off on their settings page. */
    private static void share(Accounts.SharingMember member, boolean on) {
        member.browser().open("/settings");
        Browser.Page saved = member.browser().submit("settings", Collections.singletonMap("webSharing", on ? "on" : null), "save");
        assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());
    }

    /** A presence frame for {@code id}: found with {@code status}, or not found (then nothing else) for null. */
    private static void assertPresence(JsonObject presence, String id, String status) {
        assertEquals(id, presence.getString("id"), presence.toString());
        assertEquals(status != null, presence.getBoolean("found"), presence.toString());
        if (status == null) {
            assertEquals(List.of("found", "id", "type"), presence.keySet().stream().sorted().toList(), presence.toString());
        } else {
            assertEquals(status, presence.getString("status"), presence.toString());
        }
    }

    @Test
    void aNewCidKillsWhatWasOpenWithTheOldOne() {
        var katherine = Accounts.sharingMember(base, "katherine", "Katherine Johnson");
        try (Open open = openEverything(katherine)) {
            Browser.Page rotated = MemberAdministrationIT.press(Accounts.admin(base), katherine.username(), "rotate");
            assertTrue(rotated.messages().contains("new CID"), rotated.messages());

            JsonObject ended = open.console().next("conversation.ended", AT_ONCE);
            assertEquals(open.conversation(), ended.getString("conversation"));
            assertEquals("unreachable", ended.getString("reason"));
            assertGoneEverywhere(open, katherine.cid());

            open.console().send(Socket.frame("presence").add("id", "away").add("status", "Away"));
            open.console().ack("away");
            assertPageHearsNothingMore(open.page(), katherine.cid());

            String newCid = katherine.browser().open("/settings").value("#cid");
            try (Socket visitor = control("invitee=" + newCid)) {
                assertEquals("Katherine Johnson", visitor.next("hello").getJsonObject("invitee").getString("displayName"),
                        "the new CID reaches the member, who still shares");
            }
        }
    }

    @Test
    void disablingAMemberEndsTheirConversationsControlsAndLivePresenceAtOnce() {
        var dorothy = Accounts.sharingMember(base, "dorothy", "Dorothy Vaughan");
        try (Open open = openEverything(dorothy)) {
            Browser.Page disabled = MemberAdministrationIT.press(Accounts.admin(base), dorothy.username(), "disable");
            assertTrue(disabled.messages().contains("Disabled " + dorothy.username() + "."), disabled.messages());

            JsonObject ended = open.console().next("conversation.ended", AT_ONCE);
            assertEquals("unreachable", ended.getString("reason"));
            assertEquals("forbidden", open.console().next("error", AT_ONCE).getString("code"));
            assertEquals(1008, open.console().closeCode());
            assertGoneEverywhere(open, dorothy.cid());
            assertPageHearsNothingMore(open.page(), dorothy.cid());
        }
    }

    // ---- 4. a chat control on the profile reaches the profile only --------------------------------

    /** A member who does not share on the web but shows a chat control on their profile (with the permission token it needs). */
    private record ProfileMember(String username, String cid, Browser browser) {
    }

    private ProfileMember profileChatOnly(String prefix, String displayName) {
        String username = Accounts.newMember(base, prefix, displayName, "a-good-password");
        Browser browser = new Browser(base);
        browser.signIn(username, "a-good-password");
        browser.open("/settings");
        Browser.Page consent = browser.submit("token", Map.of(), "acquire");
        assertEquals("/oauth/authorize", consent.path(), consent.text());
        Browser.Page acquired = browser.submit("authorize", Map.of(), "approve");
        assertTrue(acquired.messages().contains("Permission token acquired"), acquired.uri() + ": " + acquired.text());
        Browser.Page saved = browser.submit("settings", Map.of("profileChat", "on"), "save");
        assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());
        assertTrue(saved.document().getElementById("settings:profileChat").hasAttr("checked"), "profile chat on");
        assertFalse(saved.document().getElementById("settings:webSharing").hasAttr("checked"), "web sharing off");
        return new ProfileMember(username, saved.value("#cid"), browser);
    }

    /** The pass ({@code pt}) the public profile puts in its chat control's address. */
    private String profilePass(ProfileMember member) {
        Browser.Page profile = new Browser(base).open("/people/" + member.username());
        assertEquals(200, profile.status(), profile.text());
        String src = profile.document().selectFirst("iframe#chat").attr("src");
        Map<String, String> query = OAuthClient.query(uri().resolve(src));
        assertEquals(member.cid(), query.get("invitee"), src);
        assertTrue(query.containsKey("pt"), "the profile's control carries its pass: " + src);
        return query.get("pt");
    }

    @Test
    void aProfileChatReachesTheMemberFromTheirProfileAndNowhereElse() {
        ProfileMember mary = profileChatOnly("mary", "Mary Jackson");
        try (Socket console = client(mary.browser())) {
            assertEquals(404, get("/users/" + mary.cid() + "/presence").statusCode(), "the Presence API");
            JsonArray batch = Json.createReader(new StringReader(get("/api/presence?ids=" + mary.cid()).body())).readArray();
            assertEquals(404, batch.getJsonObject(0).getJsonObject("result").getInt("code"), "the batch");
            try (Socket page = directoryPage(mary.cid())) {
                assertFalse(page.next("presence").getBoolean("found"), "a directory page");
            }
            try (Socket elsewhere = control("invitee=" + mary.cid())) {
                assertEquals("not_found", elsewhere.next("error").getString("code"), "a control on another page");
            }

            String pass = profilePass(mary);
            // the first MAC character: every bit of it counts (the last one's low bits are unused)
            int mac = pass.indexOf('.') + 1;
            String tampered = pass.substring(0, mac) + (pass.charAt(mac) == 'A' ? 'B' : 'A') + pass.substring(mac + 1);
            try (Socket forged = control("invitee=" + mary.cid() + "&pt=" + tampered)) {
                assertEquals("not_found", forged.next("error").getString("code"), "a tampered pass");
            }
            ProfileMember other = profileChatOnly("nancy", "Nancy Grace Roman");
            try (Socket borrowed = control("invitee=" + other.cid() + "&pt=" + pass)) {
                assertEquals("not_found", borrowed.next("error").getString("code"), "another member's pass");
            }

            Browser.Page controlPage = new Browser(base).open("/conversation/imme?invitee=" + mary.cid() + "&pt=" + pass);
            JsonObject config = Json.createReader(new StringReader(
                    controlPage.document().getElementById("control-config").data())).readObject();
            assertTrue(config.getString("socket").contains("pt=" + pass), "the control hands its pass to the socket: " + config);

            try (Socket visitor = Socket.open(uri(), "/ws/control?" + config.getString("socket"), null)) {
                JsonObject hello = visitor.next("hello");
                assertEquals("Mary Jackson", hello.getJsonObject("invitee").getString("displayName"));
                assertTrue(hello.getString("pass").matches("[0-9]+\\.[A-Za-z0-9_-]{43}"), "a fresh pass for reconnects: " + hello);
                visitor.send(Socket.frame("identify").add("name", "Dorothy"));
                visitor.send(Socket.frame("message").add("id", "1").add("text", "Found you on your profile"));
                assertFalse(visitor.ack("1").containsKey("queued"), "delivered live");
                assertEquals("Dorothy", console.next("conversation.started").getJsonObject("conversation")
                        .getJsonObject("visitor").getString("name"));
                assertEquals("Found you on your profile", console.next("message").getString("text"));

                try (Socket reconnect = control("invitee=" + mary.cid() + "&pt=" + hello.getString("pass"))) {
                    assertEquals("Mary Jackson", reconnect.next("hello").getJsonObject("invitee").getString("displayName"),
                            "the pass from the hello opens the next socket");
                }
            }
        }
    }

    /**
     * Signing out ends every socket the session vouched for: each console socket and each visitor socket it verified
     * hears why and closes (1008), whatever else the session opened afterwards; another session of the same member
     * keeps its socket. Before, the container closed only the last socket the session had opened, without a word: a
     * console opened before a directory page stayed open after the sign-out and went on acting as the member.
     */
    @Test
    void signingOutClosesEverySocketTheSessionVouchedFor() {
        var host = Accounts.sharingMember(base, "outhost", "Host Member");
        var ada = Accounts.sharingMember(base, "outada", "Ada Signing Out");
        Browser elsewhere = new Browser(base);
        elsewhere.signIn(ada.username(), "a-good-password");
        try (Socket hostConsole = client(host.browser());
             Socket console = client(ada.browser());
             Socket secondConsole = client(ada.browser());
             Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + host.cid(), ada.browser());
             Socket otherSession = client(elsewhere)) {
            JsonObject hello = visitor.next("hello");
            assertTrue(hello.getJsonObject("visitor").getBoolean("verified"), "verified by the session");
            visitor.send(Socket.frame("message").add("id", "v1").add("text", "Hello as Ada"));
            visitor.ack("v1");
            String conversation = hostConsole.next("conversation.started").getJsonObject("conversation").getString("id");
            // the session's last socket: the container itself closes that one at the sign-out
            Socket directory = Socket.open(uri(), "/ws/presence", ada.browser());
            directory.next("ready");

            assertEquals("/signin", ada.browser().submit("signout", Map.of(), "signOut").path());

            for (Socket ended : List.of(console, secondConsole, visitor)) {
                JsonObject error = ended.next("error", AT_ONCE);
                assertEquals("forbidden", error.getString("code"), error.toString());
                assertEquals("Your session has ended: sign in again.", error.getString("message"));
                assertEquals(1008, ended.closeCode());
            }
            // the conversation the session verified ended with it: no socket resumes it as Ada's
            assertEquals("visitor_left", hostConsole.next("conversation.ended",
                    f -> conversation.equals(f.getString("conversation", ""))).getString("reason"));
            try (Socket resumer = Socket.open(uri(), "/ws/control?invitee=" + host.cid(), null)) {
                resumer.next("hello");
                resumer.send(Socket.frame("resume").add("id", "r1").add("token", hello.getString("resume")).add("lastSeq", 0));
                assertEquals("not_found", resumer.answer("r1").getString("code"));
            }
            assertServed(otherSession, "the-other-session");
            directory.close();

            // a session whose only socket is its console: that console hears why too
            assertEquals("/signin", elsewhere.submit("signout", Map.of(), "signOut").path());
            JsonObject error = otherSession.next("error", AT_ONCE);
            assertEquals("Your session has ended: sign in again.", error.getString("message"), error.toString());
            assertEquals(1008, otherSession.closeCode());
        }
    }

    // ---- 5. whichever way a token ends, what it opened closes at once -----------------------------

    /** What a socket opened with an access token gets at once when the token ends: {@code error forbidden}, then 1008. */
    private static void assertTokenEnded(Socket socket) {
        JsonObject error = socket.next("error", AT_ONCE);
        assertEquals("forbidden", error.getString("code"), error.toString());
        assertEquals(TOKEN_ENDED, error.getString("message"));
        assertEquals(1008, socket.closeCode());
    }

    /** A member client that is still open and answers. */
    private static void assertServed(Socket client, String id) {
        client.send(Socket.frame("presence").add("id", id).add("status", "Online"));
        assertEquals("ack", client.answer(id).getString("type"), id + ": the socket keeps working");
        assertTrue(client.isOpen(), id + ": the socket stays open");
    }

    /** A desktop client signed in with one access token: its member socket, and a visitor socket that token verified. */
    private record Desktop(Accounts.SharingMember member, JsonObject tokens, Socket client, Socket visitor)
            implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            visitor.close();
        }
    }

    /** A new member's desktop client, writing to {@code host} as a verified visitor. */
    private Desktop desktop(String prefix, String displayName, Accounts.SharingMember host) {
        var member = Accounts.sharingMember(base, prefix, displayName);
        return desktop(member, DelegatedAuthenticationIT.desktopTokens(base, member.username(), "presence"), host);
    }

    private Desktop desktop(Accounts.SharingMember member, JsonObject tokens, Accounts.SharingMember host) {
        String token = tokens.getString("access_token");
        Socket client = bearerClient(token);
        Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + host.cid(), null, Map.of("Authorization", "Bearer " + token));
        assertTrue(visitor.next("hello").getJsonObject("visitor").getBoolean("verified"), "verified by the token");
        return new Desktop(member, tokens, client, visitor);
    }

    /** The desktop client's sockets closed as their token ended; the other member's desktop client stays and is served. */
    private static void assertOnlyItsSocketsClosed(Desktop ended, Desktop bystander) {
        assertTokenEnded(ended.client());
        assertTokenEnded(ended.visitor());
        assertStillServed(bystander);
    }

    /** The desktop client of another token is still open and served. */
    private static void assertStillServed(Desktop bystander) {
        assertServed(bystander.client(), "bystander");
        assertTrue(bystander.visitor().isOpen(), "the verified visitor socket of another token stays open");
    }

    /** Ada's desktop client and Grace's, both also writing to a host as verified visitors: {@code ending} ends Ada's token. */
    private void assertEndingClosesOnlyItsSockets(Consumer<Desktop> ending) {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        try (Desktop ada = desktop("ada", "Ada Lovelace", host);
             Desktop grace = desktop("grace", "Grace Hopper", host)) {
            ending.accept(ada);
            assertOnlyItsSocketsClosed(ada, grace);
        }
    }

    /** The Revoke button in the row (of {@code rows}) whose first cell says {@code first}. */
    private static Element revokeButton(Browser.Page page, String rows, String first) {
        return page.document().select(rows).stream().filter(row -> row.child(0).text().equals(first))
                .map(row -> row.selectFirst("[id$=:revoke]")).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError("nothing to revoke for " + first + " on " + page.uri() + ": " + page.text()));
    }

    /** New tokens for the desktop client, by its refresh token. */
    private JsonObject refreshed(Desktop desktop) {
        OAuthClient.Answer refreshed = OAuthClient.desktop(uri()).refresh(desktop.tokens().getString("refresh_token"));
        assertEquals(200, refreshed.status(), refreshed.response().body());
        return refreshed.json();
    }

    @Test
    void revokingTheDesktopClientUnderConnectedSitesClosesItsSocketsAtOnce() {
        assertEndingClosesOnlyItsSockets(ada -> {
            Browser member = ada.member().browser();
            String revoke = revokeButton(member.open("/settings"), "table#sites tbody tr", "Parley desktop client").id();
            Browser.Page revoked = member.submit(revoke.substring(0, revoke.length() - ":revoke".length()), Map.of(), "revoke");
            assertTrue(revoked.messages().contains("Parley desktop client no longer has your permission."), revoked.messages());
        });
    }

    @Test
    void anAdministratorRevokingTheConsentClosesItsSocketsAtOnce() {
        assertEndingClosesOnlyItsSockets(ada -> {
            Browser admin = Accounts.admin(base);
            String username = ada.member().username();
            String revoke = revokeButton(admin.open("/admin/consents?member=" + username), "#list\\:consents tbody tr", username).id();
            Browser.Page revoked = admin.submit("list", Map.of(), revoke.substring("list:".length()));
            assertTrue(revoked.messages().contains("Revoked the consent of " + username), revoked.messages());
        });
    }

    @Test
    void aUsedRefreshTokenPresentedAgainClosesTheSocketsOfTheConsentAtOnce() {
        assertEndingClosesOnlyItsSockets(ada -> {
            refreshed(ada);
            assertEquals("invalid_grant", OAuthClient.desktop(uri()).refresh(ada.tokens().getString("refresh_token"))
                    .json().getString("error"), "a stolen refresh token comes back");
        });
    }

    @Test
    void theSiteRevokingTheRefreshTokenClosesTheSocketsOfEveryTokenOfTheConsent() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        try (Desktop ada = desktop("ada", "Ada Lovelace", host);
             Desktop grace = desktop("grace", "Grace Hopper", host);
             Desktop renewed = desktop(ada.member(), refreshed(ada), host)) {
            assertServed(ada.client(), "older-token-still-valid");

            assertEquals(200, OAuthClient.desktop(uri()).revoke(renewed.tokens().getString("refresh_token")).status());
            assertOnlyItsSocketsClosed(ada, grace);
            assertTokenEnded(renewed.client());
            assertTokenEnded(renewed.visitor());
        }
    }

    @Test
    void revokingOneAccessTokenLeavesTheSocketsOfItsRefreshedSuccessorOpen() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        try (Desktop ada = desktop("ada", "Ada Lovelace", host);
             Desktop renewed = desktop(ada.member(), refreshed(ada), host)) {
            assertEquals(200, OAuthClient.desktop(uri()).revoke(ada.tokens().getString("access_token")).status());
            assertOnlyItsSocketsClosed(ada, renewed);
        }
    }

    @Test
    void disablingAMemberClosesEverySocketTheirTokenOpenedAtOnce() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        try (Desktop ada = desktop("ada", "Ada Lovelace", host);
             Desktop grace = desktop("grace", "Grace Hopper", host)) {
            Browser.Page disabled = MemberAdministrationIT.press(Accounts.admin(base), ada.member().username(), "disable");
            assertTrue(disabled.messages().contains("Disabled " + ada.member().username() + "."), disabled.messages());

            JsonObject error = ada.client().next("error", AT_ONCE);
            assertEquals("forbidden", error.getString("code"));
            assertEquals("Your account is disabled.", error.getString("message"), "the member's own client says why");
            assertEquals(1008, ada.client().closeCode());
            assertTokenEnded(ada.visitor());
            assertStillServed(grace);
        }
    }

    @Test
    void aSocketClosesWhenItsTokenExpiresAndNotBefore() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        try (Desktop grace = desktop("grace", "Grace Hopper", host)) {
            var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
            Browser admin = Accounts.admin(base);
            admin.open("/admin/settings");
            Duration lifetime = Duration.ofSeconds(6);
            JsonObject tokens;
            Instant asked;
            Instant answered;
            try {
                admin.submit("settings", Map.of("ACCESS_TTL", lifetime.toString()), "save");
                asked = Instant.now();
                tokens = DelegatedAuthenticationIT.desktopTokens(base, ada.username(), "presence");
                answered = Instant.now();
            } finally {
                // the database outlives this deployment: later tests get the configured lifetime back
                admin.open("/admin/settings");
                admin.submit("settings", Map.of("ACCESS_TTL", ""), "save");
            }
            assertEquals(lifetime.toSeconds(), tokens.getInt("expires_in"));
            try (Desktop expiring = desktop(ada, tokens, host)) {
                assertServed(expiring.client(), "before-expiry");

                JsonObject error = expiring.client().next("error", lifetime.plusSeconds(3));
                Instant closed = Instant.now();
                assertEquals(TOKEN_ENDED, error.getString("message"));
                assertEquals(1008, expiring.client().closeCode());
                assertTrue(closed.isAfter(asked.plus(lifetime)), "not before the token expired: " + Duration.between(asked, closed));
                assertTrue(closed.isBefore(answered.plus(lifetime).plusSeconds(2)),
                        "within about a second of its expiry: " + Duration.between(answered, closed));
                assertTokenEnded(expiring.visitor());
                assertStillServed(grace);
            }
        }
    }
}
