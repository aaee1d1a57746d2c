package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Trust boundaries of delegated authentication: what may be used once is used once even when ten
 * clients present it at the same instant (codes, refresh tokens, device codes, visitor tickets), and
 * what ten requests at one instant do to one thing (revocations, calls with one token, saves of one
 * member's settings from ten tabs, each saved in turn; personal messages from ten of one member's clients):
 * each is answered, none with a server error;
 * the device grant's {@code slow_down} as RFC 8628 §3.5 says; a member taking a new CID; and health
 * answers that tell anonymous callers UP or DOWN and nothing more.
 */
@Tag("postgresql") // run once more on PostgreSQL (web/pom.xml)
class SingleUseIT extends ParleyDeployment {

    private static final String LOOPBACK = "http://127.0.0.1:49152/callback";
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final int AT_ONCE = 10;

    private URI uri() {
        return URI.create(base.toString());
    }

    @Test
    void tenExchangesOfOneCodeAtOnceGiveOneTokenPairAndRevokeWhatItGave() {
        String username = Accounts.newMember(base, "code", "Code Racer", "a-good-password");
        OAuthClient.Pkce pkce = OAuthClient.Pkce.create();
        URI redirect = DelegatedAuthenticationIT.approve(new Browser(base), username, "a-good-password",
                OAuthClient.desktop(uri()).authorizeUrl(LOOPBACK, "presence", "s", pkce));
        String code = OAuthClient.query(redirect).get("code");

        List<OAuthClient.Answer> answers = atOnce(() -> OAuthClient.desktop(uri()).exchange(code, LOOPBACK, pkce.verifier()));

        JsonObject tokens = theOneSuccessAmongInvalidGrants(answers);
        OAuthClient desktop = OAuthClient.desktop(uri());
        assertEquals("invalid_grant", desktop.refresh(tokens.getString("refresh_token")).json().getString("error"),
                "a code used more than once revokes what it gave (RFC 6749 §4.1.2)");
        assertEquals(401, desktop.bearer("POST", "api/visitor-tickets", tokens.getString("access_token")).status(),
                "its access token is revoked too");
    }

    @Test
    void tenRefreshesWithOneRefreshTokenAtOnceGiveOneNewPairAndRevokeTheConsentOnce() {
        String username = Accounts.newMember(base, "refresh", "Refresh Racer", "a-good-password");
        JsonObject first = DelegatedAuthenticationIT.desktopTokens(base, username, "presence");

        List<OAuthClient.Answer> answers = atOnce(() -> OAuthClient.desktop(uri()).refresh(first.getString("refresh_token")));

        JsonObject rotated = theOneSuccessAmongInvalidGrants(answers);
        assertEquals("invalid_grant", OAuthClient.desktop(uri()).refresh(rotated.getString("refresh_token")).json()
                .getString("error"), "a refresh token presented twice revokes the whole consent");
        List<String> refusals = auditRows(Accounts.admin(base), "token.reuse-refused", username);
        assertEquals(1, refusals.size(), "the reuse is audited once, however many replays raced: " + refusals);
    }

    @Test
    void tenRevocationsOfOneRefreshTokenAtOnceAreAllAnsweredAndRevokeTheConsentOnce() {
        String username = Accounts.newMember(base, "revoke", "Revoke Racer", "a-good-password");
        JsonObject tokens = DelegatedAuthenticationIT.desktopTokens(base, username, "presence");

        List<OAuthClient.Answer> answers = atOnce(() -> OAuthClient.desktop(uri())
                .post("oauth/revoke", Map.of("token", tokens.getString("refresh_token"))));

        assertEquals(List.of(200), answers.stream().map(OAuthClient.Answer::status).distinct().toList(),
                "RFC 7009 §2.2: every revocation is answered 200, the ones that found it revoked already too");
        assertEquals(401, OAuthClient.desktop(uri()).bearer("POST", "api/visitor-tickets",
                tokens.getString("access_token")).status(), "the consent's access token is revoked with it");
        List<String> revocations = auditRows(Accounts.admin(base), "consent.revoked", username);
        assertEquals(1, revocations.stream().filter(r -> r.contains("refresh token revoked")).count(),
                "the revocation is audited once, however many raced: " + revocations);
    }

    @Test
    void tenCallsWithOneAccessTokenAtOnceAMinuteAfterItsLastUseAreAllServed() throws InterruptedException {
        Accounts.SharingMember member = Accounts.sharingMember(base, "bearer", "Bearer Racer");
        String token = DelegatedAuthenticationIT.desktopTokens(base, member.username(), "presence")
                .getString("access_token");
        // The consent's "last used" is kept to the minute, so only a use more than a minute after the
        // last one writes it; nothing in Parley happens at that moment to wait for, the clock must pass it.
        Thread.sleep(Duration.ofSeconds(61).toMillis());

        List<OAuthClient.Answer> answers = atOnce(() -> OAuthClient.desktop(uri())
                .bearer("GET", "api/presence?ids=" + member.cid(), token));

        assertEquals(List.of(200), answers.stream().map(OAuthClient.Answer::status).distinct().toList(),
                "ten sites' calls with one token, each writing when it was last used, are all answered: "
                        + answers.stream().map(a -> a.status() + " " + a.response().body()).toList());
        assertTrue(answers.stream().allMatch(a -> a.response().body().contains("\"status\"")), "each has the presence");
        Element site = member.browser().open("/settings").document().selectFirst("#sites tbody tr");
        assertNotEquals(site.child(2).text(), site.child(3).text(),
                "the member's connected sites show it used a minute after it was granted: " + site.text());
    }

    /**
     * Ten tabs of one member approve one site at the same instant (a double click, a reload): each tab's code gives
     * tokens, the site is connected once, and revoking it on the settings page ends every token the tabs gave.
     */
    @Test
    void tenTabsApprovingOneSiteAtOnceConnectItOnceAndOneRevocationEndsAllTheyGave() {
        String username = Accounts.newMember(base, "approve", "Approve Racer", "a-good-password");
        List<Callable<Browser.Page>> approvals = new ArrayList<>();
        List<OAuthClient.Pkce> pkces = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            Browser tab = new Browser(base);
            tab.signIn(username, "a-good-password");
            OAuthClient.Pkce pkce = OAuthClient.Pkce.create();
            Browser.Page consent = tab.open(OAuthClient.desktop(uri()).authorizeUrl(LOOPBACK, "presence", "s" + i, pkce));
            assertTrue(consent.path().startsWith("/oauth/authorize"), "the consent page: " + consent.text());
            pkces.add(pkce);
            approvals.add(() -> tab.submit("authorize", Map.of(), "approve"));
        }

        List<Browser.Page> approved;
        try (ServerLog log = ServerLog.capture()) {
            approved = AtOnce.all(approvals);
            assertEquals(List.of(), log.problems(), "approvals at the same moment: nothing at SEVERE or WARNING");
        }

        List<JsonObject> tokens = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            assertEquals(303, approved.get(i).status(), "tab " + i + " is sent back to the site: " + approved.get(i).text());
            String code = OAuthClient.query(approved.get(i).location()).get("code");
            OAuthClient.Answer exchanged = OAuthClient.desktop(uri()).exchange(code, LOOPBACK, pkces.get(i).verifier());
            assertEquals(200, exchanged.status(), "tab " + i + "'s code gives tokens: " + exchanged.response().body());
            tokens.add(exchanged.json());
        }
        Browser member = new Browser(base);
        member.signIn(username, "a-good-password");
        Browser.Page settings = member.open("/settings");
        List<Element> sites = settings.document().select("table#sites tbody tr");
        assertEquals(1, sites.size(), "the site is connected once: " + sites.stream().map(Element::text).toList());
        String revoke = sites.get(0).selectFirst("[id$=:revoke]").id();
        Browser.Page revoked = member.submit(revoke.substring(0, revoke.length() - ":revoke".length()), Map.of(), "revoke");
        assertTrue(revoked.messages().contains("no longer has your permission."), revoked.messages());
        for (JsonObject pair : tokens) {
            assertEquals(401, OAuthClient.desktop(uri()).bearer("POST", "api/visitor-tickets", pair.getString("access_token"))
                    .status(), "one revocation ends every access token the tabs gave");
            assertEquals("invalid_grant", OAuthClient.desktop(uri()).refresh(pair.getString("refresh_token")).json()
                    .getString("error"), "and every refresh token");
        }
    }

    @Test
    void tenTabsSavingOneMembersSettingsAtOnceAreEachSavedInTurn() {
        String username = Accounts.newMember(base, "tabs", "Tab Racer", "a-good-password");
        List<Browser> tabs = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            Browser tab = new Browser(base);
            tab.signIn(username, "a-good-password");
            tab.open("/settings");
            tabs.add(tab);
        }
        AtomicInteger next = new AtomicInteger();

        List<Browser.Page> pages;
        try (ServerLog log = ServerLog.capture()) {
            pages = atOnce(() -> {
                int tab = next.getAndIncrement();
                return tabs.get(tab).submit("settings", Map.of("title", "Title " + tab), "save");
            });
            // before the row was locked, the saves that came second failed on its version when their transaction
            // ended: 409 "send it again", and the container logged each at WARNING with its whole stack trace
            assertEquals(List.of(), log.problems(), "saves at the same moment: nothing at SEVERE or WARNING");
        }

        List<String> seen = pages.stream().map(p -> p.status() + " " + p.messages()).toList();
        assertTrue(pages.stream().allMatch(p -> p.status() == 200 && p.messages().equals("Your settings are saved.")),
                "each tab is saved, one after the other, as if a second apart: " + seen);
        String saved = tabs.get(0).open("/settings").value("#settings\\:title");
        assertTrue(pages.stream().map(p -> p.value("#settings\\:title")).toList().contains(saved),
                "what stays is what one of the tabs sent: " + saved + " " + seen);
    }

    @Test
    void tenClientsOfOneMemberSettingTheirPersonalMessageAtOnceAreEachAckedAndOneIsKept() {
        var member = Accounts.sharingMember(base, "clients", "Client Racer");
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < AT_ONCE; i++) {
                Socket client = Socket.open(uri(), "/ws/client", member.browser());
                client.next("welcome");
                clients.add(client);
            }
            AtomicInteger next = new AtomicInteger();

            List<JsonObject> answers = atOnce(() -> {
                int i = next.getAndIncrement();
                Socket client = clients.get(i);
                client.send(Socket.frame("presence").add("id", "p" + i).add("status", "Busy")
                        .add("personalMessage", "Message " + i));
                return client.answer("p" + i);
            });

            assertTrue(answers.stream().allMatch(a -> "ack".equals(a.getString("type"))),
                    "each client's change is taken: " + answers);
            String kept = member.browser().open("/settings").value("#settings\\:personalMessage");
            assertTrue(kept.matches("Message [0-9]"), "the saved personal message is one a client sent: " + kept);
            try (Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + member.cid(), null)) {
                assertEquals(kept, visitor.next("hello").getJsonObject("invitee").getString("personalMessage"),
                        "visitors are shown the message that stays saved");
            }
        } finally {
            clients.forEach(Socket::close);
        }
    }

    @Test
    void tenPollsOfAnApprovedDeviceCodeAtOnceGiveOneTokenPair() {
        String username = Accounts.newMember(base, "device", "Device Racer", "a-good-password");
        JsonObject device = OAuthClient.desktop(uri()).post("oauth/device", Map.of("scope", "presence")).json();
        Browser member = new Browser(base);
        member.signIn(username, "a-good-password");
        Browser.Page confirm = member.open("/device?user_code=" + device.getString("user_code"));
        if (confirm.document().getElementById("device") == null) {
            member.submit("lookup", Map.of(), "continue");
        }
        member.submit("device", Map.of(), "approve");
        Map<String, String> poll = Map.of("grant_type", DEVICE_GRANT, "device_code", device.getString("device_code"));

        List<OAuthClient.Answer> answers = atOnce(() -> OAuthClient.desktop(uri()).token(poll));

        JsonObject tokens = theOneSuccessAmongInvalidGrants(answers);
        assertEquals(200, OAuthClient.desktop(uri()).refresh(tokens.getString("refresh_token")).status(),
                "the one pair handed out works");
        List<String> consents = Accounts.admin(base).open("/admin/consents?q=" + username).document()
                .select("#list\\:consents tbody tr").eachText();
        assertEquals(1, consents.size(), "one consent, not one per poll: " + consents);
    }

    /**
     * Members approving one user code at the same instant: one is told it is done and gets the consent; the others are
     * told someone else decided first. Found by attacking from outside: two or three were told "Done" while one token
     * went to the last writer.
     */
    @Test
    void membersApprovingOneUserCodeAtOnceAreToldTheTruthAndOneConsentIsMade() {
        for (int round = 0; round < 3; round++) {
            JsonObject device = OAuthClient.desktop(uri()).post("oauth/device", Map.of("scope", "presence")).json();
            List<Browser> members = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Browser member = new Browser(base);
                member.signIn(Accounts.newMember(base, "approver", "Approver " + i, "a-good-password"), "a-good-password");
                if (member.open("/device?user_code=" + device.getString("user_code")).document().getElementById("device") == null) {
                    member.submit("lookup", Map.of(), "continue");
                }
                members.add(member);
            }
            List<Callable<String>> approvals = new ArrayList<>();
            members.forEach(member -> approvals.add(() -> member.submit("device", Map.of(), "approve").messages()));
            List<String> told = AtOnce.all(approvals);
            assertEquals(1, told.stream().filter(m -> m.startsWith("Done.")).count(), "round " + round + ": " + told);
            assertEquals(members.size() - 1, told.stream().filter(m -> m.startsWith("Someone else confirmed or declined"))
                    .count(), "round " + round + ": " + told);
            Map<String, String> poll = Map.of("grant_type", DEVICE_GRANT, "device_code", device.getString("device_code"));
            assertEquals(200, OAuthClient.desktop(uri()).token(poll).status(), "the one approval is redeemed");
        }
    }

    /**
     * A member who enters ten user codes that match nothing is refused any code for a while, the right one included, and
     * told how long; another member goes on. Found by attacking from outside: 360 wrong codes at 64 a second were each
     * answered as any other (RFC 8628 §5.1 asks for a limit).
     */
    @Test
    void tenCodesThatMatchNothingKeepAMemberFromEnteringCodesForAWhile() {
        JsonObject device = OAuthClient.desktop(uri()).post("oauth/device", Map.of("scope", "presence")).json();
        Browser guesser = new Browser(base);
        guesser.signIn(Accounts.newMember(base, "guesser", "Code Guesser", "a-good-password"), "a-good-password");
        for (int i = 0; i < 10; i++) {
            String wrong = "BCDF-" + "GHJKLMNPQR".charAt(i) + "XZZ";
            assertEquals("This code is unknown or has expired.", guesser.open("/device?user_code=" + wrong).messages(),
                    "guess " + i);
        }
        String refused = guesser.open("/device?user_code=" + device.getString("user_code")).messages();
        assertEquals("You entered too many codes that match nothing. Try again in 15 minutes, with the code your desktop"
                + " client shows.", refused);
        Browser other = new Browser(base);
        other.signIn(Accounts.newMember(base, "honest", "Honest Member", "a-good-password"), "a-good-password");
        Browser.Page confirm = other.open("/device?user_code=" + device.getString("user_code"));
        assertTrue(confirm.document().getElementById("device") != null, "another member confirms: " + confirm.text());
    }

    /**
     * Device sign-ins started from one address are bounded (30 in 10 minutes): the next is refused 429 in OAuth's
     * words, and another address goes on. Found by attacking from outside: anyone could start them without end, each a
     * row kept for ten minutes, and the database file grew by gigabytes.
     */
    @Test
    void deviceSignInsStartedFromOneAddressAreBounded() throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.from(TRUSTED_PROXY, base)) {
            int started = 0;
            HttpResponse<String> answer;
            while ((answer = startDevice(proxy, "198.51.100.77")).statusCode() == 200) {
                started++;
                assertTrue(started <= 30, "bounded");
            }
            assertEquals(30, started, "30 from one address");
            assertEquals(429, answer.statusCode(), answer.body());
            JsonObject refused = Json.createReader(new StringReader(answer.body())).readObject();
            assertEquals("too_many_requests", refused.getString("error"));
            assertTrue(refused.getString("error_description").startsWith("Too many device sign-ins were started from your"
                    + " address: try again in "), refused.toString());
            assertEquals(200, startDevice(proxy, "198.51.100.78").statusCode(), "another address goes on");
        }
    }

    /** {@code POST /oauth/device} as the desktop client, through the trusted proxy, for {@code address}. */
    private static HttpResponse<String> startDevice(LoopbackProxy proxy, String address) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(proxy.base() + "oauth/device"))
                        .version(HttpClient.Version.HTTP_1_1)
                        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString("client_id=parley-desktop&scope=presence"))
                        .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tenVisitorsOpeningTheControlWithOneTicketAtOnceMakeOneVerifiedVisitor() {
        var host = Accounts.sharingMember(base, "ticket-host", "Ticket Host");
        String guest = Accounts.newMember(base, "ticket-guest", "Ticket Guest", "a-good-password");
        String access = DelegatedAuthenticationIT.desktopTokens(base, guest, "chat.signin").getString("access_token");
        String dt = OAuthClient.desktop(uri()).bearer("POST", "api/visitor-tickets", access).json().getString("ticket");

        List<String> visitors = atOnce(() -> {
            try (Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + host.cid() + "&dt=" + dt, null)) {
                JsonObject seen = visitor.next("hello").getJsonObject("visitor");
                if (seen.getBoolean("verified")) {
                    return "verified as " + seen.getString("name");
                }
                return "anonymous, then " + visitor.next("error").getString("code");
            }
        });

        assertEquals(1, visitors.stream().filter("verified as Ticket Guest"::equals).count(), visitors.toString());
        assertEquals(AT_ONCE - 1, visitors.stream().filter("anonymous, then forbidden"::equals).count(), visitors.toString());
    }

    @Test
    void slowDownRaisesTheDeviceGrantsIntervalByFiveSeconds() throws InterruptedException {
        OAuthClient desktop = OAuthClient.desktop(uri());
        JsonObject device = desktop.post("oauth/device", Map.of("scope", "presence")).json();
        Duration interval = Duration.ofSeconds(device.getJsonNumber("interval").longValue());
        assertEquals(Duration.ofSeconds(2), interval, "the test deployment's parley.token.device-poll-interval");
        Map<String, String> poll = Map.of("grant_type", DEVICE_GRANT, "device_code", device.getString("device_code"));

        assertEquals("authorization_pending", desktop.token(poll).json().getString("error"));
        OAuthClient.Answer tooFast = desktop.token(poll);
        assertEquals(400, tooFast.status());
        assertEquals("slow_down", tooFast.json().getString("error"));
        assertTrue(tooFast.json().getString("error_description").contains("7 seconds"), tooFast.json().toString());
        Duration raised = interval.plusSeconds(5);

        Thread.sleep(raised.toMillis());
        assertEquals("authorization_pending", desktop.token(poll).json().getString("error"),
                "a client that waits the raised interval may poll");
        Thread.sleep(interval.plusMillis(1500).toMillis());
        assertEquals("slow_down", desktop.token(poll).json().getString("error"),
                "the old interval is not enough any more: RFC 8628 §3.5, 'for this and all subsequent requests'");
    }

    @Test
    void aMemberTakesANewCidAfterBeingToldThatOldEmbedsStopWorking() {
        var member = Accounts.sharingMember(base, "rotor", "Rosa Rotor");
        Browser browser = member.browser();
        String old = member.cid();
        assertEquals(200, presence(old).statusCode(), "the presence API finds the member by the CID they share");

        browser.open("/settings");
        Browser.Page asked = browser.submit("newCid", Map.of(), "ask");
        String warning = asked.value("#new-cid-warning");
        assertTrue(warning.contains("old embeds stop working"), warning);
        assertTrue(warning.contains("IM controls, presence badges and links that use " + old), warning);
        Browser.Page kept = browser.submit("newCid", Map.of(), "cancel");
        assertEquals(old, kept.value("#cid"), "nothing changes before the member confirms");
        assertEquals(200, presence(old).statusCode());

        browser.submit("newCid", Map.of(), "ask");
        Browser.Page rotated = browser.submit("newCid", Map.of(), "confirm");

        assertEquals("/settings", rotated.path());
        String fresh = rotated.value("#cid");
        assertTrue(fresh.matches("[0-9A-F]{16}"), fresh);
        assertNotEquals(old, fresh);
        assertEquals(fresh, rotated.value("#current-cid"));
        assertTrue(rotated.messages().contains("Your new CID is " + fresh + "."), rotated.messages());
        HttpResponse<String> gone = presence(old);
        assertEquals(404, gone.statusCode(), gone.body());
        assertEquals(200, presence(fresh).statusCode(), "web sharing is still on, under the new CID");
        List<String> audit = auditRows(Accounts.admin(base), "member.cid-rotated", member.username());
        assertEquals(1, audit.size(), audit.toString());
        assertTrue(audit.get(0).contains(old), "the entry names the old CID, for whoever traces a broken embed: " + audit);
    }

    @Test
    void healthTellsAnonymousCallersUpOrDownAndNothingAboutTheDatabase() {
        for (String path : List.of("health/ready", "health/live")) {
            HttpResponse<String> answer = get(path);
            assertEquals(200, answer.statusCode(), answer.body());
            JsonObject health = Json.createReader(new StringReader(answer.body())).readObject();
            assertEquals("UP", health.getString("status"), answer.body());
            assertFalse(health.getJsonArray("checks").isEmpty(), answer.body());
            for (JsonValue check : health.getJsonArray("checks")) {
                JsonObject named = check.asJsonObject();
                assertTrue(Set.of("name", "status", "data").containsAll(named.keySet()), answer.body());
                assertTrue(named.getJsonObject("data") == null || named.getJsonObject("data").isEmpty(),
                        path + ": check names and states only, no data (Payara writes an empty one): " + answer.body());
            }
            assertFalse(answer.body().contains("H2"), answer.body());
        }
    }

    /** Exactly one 200 (whose tokens it answers), every other an RFC 6749 invalid_grant; never a 5xx. */
    private static JsonObject theOneSuccessAmongInvalidGrants(List<OAuthClient.Answer> answers) {
        List<String> seen = answers.stream().map(a -> a.status() + " " + a.response().body()).toList();
        assertTrue(answers.stream().noneMatch(a -> a.status() >= 500), "no server error: " + seen);
        List<OAuthClient.Answer> succeeded = answers.stream().filter(a -> a.status() == 200).toList();
        assertEquals(1, succeeded.size(), "exactly one redemption succeeds: " + seen);
        assertEquals(AT_ONCE - 1, answers.stream()
                .filter(a -> a.status() == 400 && "invalid_grant".equals(a.json().getString("error", null))).count(),
                "every other one is invalid_grant: " + seen);
        return succeeded.get(0).json();
    }

    /** Runs the task on {@link #AT_ONCE} threads released together by a latch; answers every result. */
    private static <T> List<T> atOnce(Callable<T> task) {
        return AtOnce.times(AT_ONCE, task);
    }

    /** The texts of the audit rows with this action whose subject names the member. */
    private static List<String> auditRows(Browser admin, String action, String username) {
        List<String> rows = new ArrayList<>();
        for (Element row : admin.open("/admin/audit").document().select("#list\\:audit tbody tr")) {
            if (row.child(2).text().equals(action) && row.child(3).text().contains(username)) {
                rows.add(row.text());
            }
        }
        return rows;
    }

    private HttpResponse<String> presence(String cid) {
        return get("users/" + cid + "/presence");
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
