package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * OAuth 2.0 as a real client plays it: follow the redirects, sign in, approve, exchange,
 * refresh, revoke; PKCE and redirect URI checks; reuse detection; Bearer tokens at work.
 */
class DelegatedAuthenticationIT extends ParleyDeployment {

    private static final String LOOPBACK = "http://127.0.0.1:49152/callback";

    private URI uri() {
        return URI.create(base.toString());
    }

    /** Signs the member in through the authorize URL and approves; answers the redirect the site received. */
    static URI approve(Browser member, String username, String password, String authorizeUrl) {
        Browser.Page signIn = member.open(authorizeUrl);
        if (signIn.path().equals("/signin")) {
            signIn = member.submit("signin", Map.of("username", username, "password", password), "submit");
        }
        assertTrue(signIn.path().startsWith("/oauth/authorize"), "the consent page: " + signIn.uri() + "\n" + signIn.text());
        Browser.Page approved = member.submit("authorize", Map.of(), "approve");
        assertEquals(303, approved.status(), approved.text());
        return approved.location();
    }

    /** The desktop client's tokens for a member who signs in and approves {@code scope} in a fresh browser. */
    static JsonObject desktopTokens(java.net.URL base, String username, String scope) {
        OAuthClient desktop = OAuthClient.desktop(URI.create(base.toString()));
        OAuthClient.Pkce pkce = OAuthClient.Pkce.create();
        URI redirect = approve(new Browser(base), username, "a-good-password",
                desktop.authorizeUrl(LOOPBACK, scope, "s", pkce));
        OAuthClient.Answer tokens = desktop.exchange(OAuthClient.query(redirect).get("code"), LOOPBACK, pkce.verifier());
        assertEquals(200, tokens.status(), tokens.response().body());
        return tokens.json();
    }

    /** The tokens of a new site, registered as {@code siteName}, for a member who signs in and approves {@code scope}. */
    static JsonObject siteTokens(java.net.URL base, String siteName, String username, String scope) {
        Accounts.Site registered = Accounts.registerSite(Accounts.admin(base), siteName);
        OAuthClient site = new OAuthClient(URI.create(base.toString()), registered.id(), registered.secret());
        URI redirect = approve(new Browser(base), username, "a-good-password",
                site.authorizeUrl(registered.redirect(), scope, "w", null));
        OAuthClient.Answer tokens = site.exchange(OAuthClient.query(redirect).get("code"), registered.redirect(), null);
        assertEquals(200, tokens.status(), tokens.response().body());
        return tokens.json();
    }

    private record Member(String username, Browser browser) {
    }

    private Member member(String prefix) {
        String username = Accounts.newMember(base, prefix, "Member " + prefix, "a-good-password");
        return new Member(username, new Browser(base));
    }

    /**
     * A member disabled loses every grant for good: found by attacking from outside, their refresh tokens, a device code
     * they had confirmed and an authorization code issued before were all still redeemed while they were disabled, and
     * enabling them again brought every earlier token back (a stolen laptop's desktop token would have worked again).
     */
    @Test
    void disablingAMemberEndsEveryGrantForGoodAndEnablingThemAgainBringsNoneBack() {
        Member carol = member("carol");
        JsonObject desktop = desktopTokens(base, carol.username(), "presence chat.signin");
        String siteName = "Disabled Site " + Accounts.unique("s");
        JsonObject site = siteTokens(base, siteName, carol.username(), "presence");
        OAuthClient client = OAuthClient.desktop(uri());
        // a device code she confirmed, not yet redeemed, and an authorization code not yet exchanged
        JsonObject device = client.post("oauth/device", Map.of("scope", "presence")).json();
        Browser browser = new Browser(base);
        browser.signIn(carol.username(), "a-good-password");
        if (browser.open("/device?user_code=" + device.getString("user_code")).document().getElementById("device") == null) {
            browser.submit("lookup", Map.of(), "continue");
        }
        assertTrue(browser.submit("device", Map.of(), "approve").messages().startsWith("Done."), browser.page().text());
        OAuthClient.Pkce pkce = OAuthClient.Pkce.create();
        String code = OAuthClient.query(approve(new Browser(base), carol.username(), "a-good-password",
                client.authorizeUrl(LOOPBACK, "presence", "c", pkce))).get("code");
        String access = desktop.getString("access_token");
        assertEquals(201, client.bearer("POST", "api/visitor-tickets", access).status(), "her desktop token works");

        Browser admin = Accounts.admin(base);
        MemberAdministrationIT.press(admin, carol.username(), "disable");
        Map<String, String> poll = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", device.getString("device_code"));
        assertEquals("invalid_grant", client.refresh(desktop.getString("refresh_token")).json().getString("error"));
        assertEquals("invalid_grant", client.token(poll).json().getString("error"), "the confirmed device code");
        assertEquals("invalid_grant", client.exchange(code, LOOPBACK, pkce.verifier()).json().getString("error"));

        MemberAdministrationIT.press(admin, carol.username(), "enable");
        assertEquals(401, client.bearer("POST", "api/visitor-tickets", access).status(), "her old desktop token stays dead");
        assertEquals("invalid_grant", client.refresh(desktop.getString("refresh_token")).json().getString("error"));
        assertEquals(401, client.bearer("GET", "api/presence?ids=x", site.getString("access_token")).status(),
                "the site's token too");
        List<String> consents = admin.open("/admin/consents?q=" + carol.username()).document()
                .select("#list\\:consents tbody tr").eachText();
        assertEquals(2, consents.size(), consents.toString());
        assertTrue(consents.stream().allMatch(row -> row.contains("the account was disabled")), consents.toString());
        // signed in again, she grants anew, and that works
        JsonObject again = desktopTokens(base, carol.username(), "chat.signin");
        assertEquals(201, client.bearer("POST", "api/visitor-tickets", again.getString("access_token")).status());
    }

    @Test
    void theDesktopClientGetsRefreshesAndRevokesTokensWithPkce() {
        Member ada = member("ada");
        OAuthClient desktop = OAuthClient.desktop(uri());
        OAuthClient.Pkce pkce = OAuthClient.Pkce.create();

        URI redirect = approve(ada.browser(), ada.username(), "a-good-password",
                desktop.authorizeUrl(LOOPBACK, "presence", "st&te=1", pkce));
        assertTrue(redirect.toString().startsWith(LOOPBACK + "?"), redirect.toString());
        Map<String, String> callback = OAuthClient.query(redirect);
        assertEquals("st&te=1", callback.get("state"), "state comes back unchanged");

        OAuthClient.Answer tokens = desktop.exchange(callback.get("code"), LOOPBACK, pkce.verifier());
        assertEquals(200, tokens.status(), tokens.response().body());
        JsonObject body = tokens.json();
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(3600, body.getInt("expires_in"));
        assertEquals("presence", body.getString("scope"));
        assertTrue(body.getString("cid").matches("[0-9A-F]{16}"));
        assertTrue(body.getString("access_token").length() >= 22, "at least 128 bits");
        assertEquals("no-store", tokens.header("Cache-Control"));

        OAuthClient.Answer refreshed = desktop.refresh(body.getString("refresh_token"));
        assertEquals(200, refreshed.status(), refreshed.response().body());
        String newRefresh = refreshed.json().getString("refresh_token");
        assertNotEquals(body.getString("refresh_token"), newRefresh, "refresh tokens rotate");

        assertEquals(200, desktop.revoke(newRefresh).status());
        OAuthClient.Answer afterRevoke = desktop.refresh(newRefresh);
        assertEquals("invalid_grant", afterRevoke.json().getString("error"));
        assertEquals(200, desktop.revoke("never-issued").status(), "RFC 7009: unknown tokens answer 200 too");
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeConsent() {
        Member grace = member("grace");
        OAuthClient desktop = OAuthClient.desktop(uri());
        JsonObject first = desktopTokens(base, grace.username(), "presence");
        JsonObject second = desktop.refresh(first.getString("refresh_token")).json();

        OAuthClient.Answer replay = desktop.refresh(first.getString("refresh_token"));
        assertEquals(400, replay.status());
        assertEquals("invalid_grant", replay.json().getString("error"));
        assertEquals("invalid_grant", desktop.refresh(second.getString("refresh_token")).json().getString("error"),
                "the thief's replay cost the legitimate client its consent too");
        OAuthClient.Answer socket = desktop.bearer("POST", "api/visitor-tickets", second.getString("access_token"));
        assertEquals(401, socket.status(), "and its access token");
    }

    /**
     * What a consent holds stays bounded however often its site refreshes. Found by attacking from outside: each refresh
     * left its used refresh token for the consent's year and one more access token for its hour. Its 20 newest access
     * tokens work and an older one ends, its socket told; a used refresh token older than the newest 100 used is refused
     * without revoking the consent, which a recent one still does.
     */
    @Test
    @Tag("postgresql") // its queries keep the newest rows: run once more on PostgreSQL (web/pom.xml)
    void aConsentKeepsItsNewestTokensHoweverOftenItsSiteRefreshes() {
        Member alan = member("alan");
        OAuthClient desktop = OAuthClient.desktop(uri());
        JsonObject first = desktopTokens(base, alan.username(), "presence");
        List<String> access = new ArrayList<>(List.of(first.getString("access_token")));
        List<String> refresh = new ArrayList<>(List.of(first.getString("refresh_token")));
        try (Socket oldest = Socket.open(uri(), "/ws/client", null, Map.of("Authorization", "Bearer " + access.get(0)))) {
            oldest.next("welcome");
            refreshTo(desktop, access, refresh, 20);
            assertEquals(403, desktop.bearer("POST", "api/visitor-tickets", access.get(0)).status(),
                    "20 access tokens live: the first still speaks for the member (it lacks chat.signin: 403, not 401)");

            refreshTo(desktop, access, refresh, 21);
            assertEquals(401, desktop.bearer("POST", "api/visitor-tickets", access.get(0)).status(), "the 21st ends the first");
            assertEquals(403, desktop.bearer("POST", "api/visitor-tickets", access.get(1)).status(), "the second goes on");
            JsonObject ended = oldest.next("error");
            assertEquals("forbidden", ended.getString("code"), ended.toString());
            assertEquals(1008, oldest.closeCode());
        }

        refreshTo(desktop, access, refresh, 102);
        OAuthClient.Answer tooOld = desktop.refresh(refresh.get(0));
        assertEquals(400, tooOld.status());
        assertEquals("invalid_grant", tooOld.json().getString("error"));
        assertEquals(403, desktop.bearer("POST", "api/visitor-tickets", access.get(101)).status(),
                "the oldest used refresh token, no longer kept, is refused without revoking the consent");

        OAuthClient.Answer recent = desktop.refresh(refresh.get(60));
        assertEquals("invalid_grant", recent.json().getString("error"));
        assertEquals(401, desktop.bearer("POST", "api/visitor-tickets", access.get(101)).status(),
                "a recently used one coming back still revokes the consent");
        assertEquals("invalid_grant", desktop.refresh(refresh.get(101)).json().getString("error"));
    }

    /** Refreshes with the newest refresh token until {@code access} holds {@code count} tokens, keeping each issued. */
    private static void refreshTo(OAuthClient desktop, List<String> access, List<String> refresh, int count) {
        while (access.size() < count) {
            OAuthClient.Answer refreshed = desktop.refresh(refresh.get(refresh.size() - 1));
            assertEquals(200, refreshed.status(), refreshed.response().body());
            access.add(refreshed.json().getString("access_token"));
            refresh.add(refreshed.json().getString("refresh_token"));
        }
    }

    /**
     * A member signed in with the desktop client on many machines shares one consent; it keeps the 20 newest sign-ins,
     * so a site signing in without end cannot grow it: the 21st signs the first out, and the others go on.
     */
    @Test
    @Tag("postgresql") // its queries keep the newest rows: run once more on PostgreSQL (web/pom.xml)
    void aConsentKeepsItsTwentyNewestSignIns() {
        Member barbara = member("barbara");
        OAuthClient desktop = OAuthClient.desktop(uri());
        List<String> refresh = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            OAuthClient.Pkce pkce = OAuthClient.Pkce.create();
            URI redirect = approve(barbara.browser(), barbara.username(), "a-good-password",
                    desktop.authorizeUrl(LOOPBACK, "presence", "s" + i, pkce));
            OAuthClient.Answer tokens = desktop.exchange(OAuthClient.query(redirect).get("code"), LOOPBACK, pkce.verifier());
            assertEquals(200, tokens.status(), tokens.response().body());
            refresh.add(tokens.json().getString("refresh_token"));
        }
        assertEquals("invalid_grant", desktop.refresh(refresh.get(0)).json().getString("error"), "the first signed out");
        OAuthClient.Answer second = desktop.refresh(refresh.get(1));
        assertEquals(200, second.status(), "the second goes on, and the first's refusal revoked nothing: "
                + second.response().body());
    }

    /**
     * A site may hold at most 100 unused visitor tickets for one member at once (found by attacking from outside: it
     * could store them without end); the 101st is refused in words, and other members' tickets are issued as before.
     */
    @Test
    @Tag("postgresql") // its queries keep the newest rows: run once more on PostgreSQL (web/pom.xml)
    void aSiteHoldsAtMostAHundredUnusedVisitorTicketsForAMember() {
        OAuthClient desktop = OAuthClient.desktop(uri());
        String access = desktopTokens(base, member("ticketed").username(), "chat.signin").getString("access_token");
        String other = desktopTokens(base, member("unticketed").username(), "chat.signin").getString("access_token");
        for (int i = 0; i < 100; i++) {
            assertEquals(201, desktop.bearer("POST", "api/visitor-tickets", access).status());
        }
        OAuthClient.Answer refused = desktop.bearer("POST", "api/visitor-tickets", access);
        assertEquals(429, refused.status(), refused.response().body());
        assertEquals("too_many_requests", refused.json().getString("error"));
        assertEquals("This member already has 100 visitor tickets waiting: use some, or ask again once some have expired.",
                refused.json().getString("error_description"));
        assertEquals(201, desktop.bearer("POST", "api/visitor-tickets", other).status(), "another member's site goes on");
    }

    @Test
    void aCodeUsedTwiceIsRefusedAndRevokesWhatItGave() {
        Member joan = member("joan");
        OAuthClient desktop = OAuthClient.desktop(uri());
        OAuthClient.Pkce pkce = OAuthClient.Pkce.create();
        URI redirect = approve(joan.browser(), joan.username(), "a-good-password",
                desktop.authorizeUrl(LOOPBACK, "presence", "s", pkce));
        String code = OAuthClient.query(redirect).get("code");
        JsonObject tokens = desktop.exchange(code, LOOPBACK, pkce.verifier()).json();

        OAuthClient.Answer reused = desktop.exchange(code, LOOPBACK, pkce.verifier());
        assertEquals(400, reused.status());
        assertEquals("invalid_grant", reused.json().getString("error"), "a code is single-use");
        assertEquals("invalid_grant", desktop.refresh(tokens.getString("refresh_token")).json().getString("error"),
                "RFC 6749 §4.1.2: what the code gave is revoked");
    }

    @Test
    void pkceFailuresAreInvalidGrant() {
        Member alan = member("alan");
        OAuthClient desktop = OAuthClient.desktop(uri());
        OAuthClient.Pkce pkce = OAuthClient.Pkce.create();

        URI first = approve(alan.browser(), alan.username(), "a-good-password", desktop.authorizeUrl(LOOPBACK, "presence", "a", pkce));
        OAuthClient.Answer missing = desktop.exchange(OAuthClient.query(first).get("code"), LOOPBACK, null);
        assertEquals("invalid_grant", missing.json().getString("error"));

        URI second = approve(alan.browser(), alan.username(), "a-good-password", desktop.authorizeUrl(LOOPBACK, "presence", "b", pkce));
        OAuthClient.Answer wrong = desktop.exchange(OAuthClient.query(second).get("code"), LOOPBACK,
                OAuthClient.Pkce.create().verifier());
        assertEquals("invalid_grant", wrong.json().getString("error"));

        Browser.Page noChallenge = alan.browser().open(desktop.authorizeUrl(LOOPBACK, "presence", "c", null));
        assertEquals(303, noChallenge.status(), "a public client without PKCE is sent back with an error");
        Map<String, String> error = OAuthClient.query(noChallenge.location());
        assertEquals("invalid_request", error.get("error"));
        assertEquals("c", error.get("state"));
    }

    @Test
    void anUnregisteredRedirectUriOrClientGetsAnErrorPageAndNeverARedirect() {
        Member barbara = member("barbara");
        OAuthClient desktop = OAuthClient.desktop(uri());
        Browser browser = barbara.browser();
        browser.signIn(barbara.username(), "a-good-password");

        Browser.Page foreign = browser.open(desktop.authorizeUrl("https://evil.example/callback", "presence", "x",
                OAuthClient.Pkce.create()));
        assertEquals(400, foreign.status());
        assertNull(foreign.location(), "no redirect");
        assertTrue(foreign.text().contains("not registered"), foreign.text());

        Browser.Page unknown = browser.open(new OAuthClient(uri(), "no-such-site", null)
                .authorizeUrl(LOOPBACK, "presence", "x", OAuthClient.Pkce.create()));
        assertEquals(400, unknown.status());
        assertNull(unknown.location());
    }

    /**
     * A parameter sent twice is refused, as RFC 6749 §3.1 and §3.2 allow each once: which of two a reader takes is up to
     * each reader, and a proxy in front may have read the other. At the consent page with an error page and no
     * redirect (which redirect_uri was meant is unknown); at the token and revocation endpoints with
     * {@code invalid_request}. Before, the first of each was taken without a word.
     */
    @Test
    void aRepeatedParameterIsRefusedAndNeverFollowed() throws Exception {
        Member twice = member("twice");
        Browser browser = twice.browser();
        browser.signIn(twice.username(), "a-good-password");
        String authorize = OAuthClient.desktop(uri()).authorizeUrl(LOOPBACK, "presence", "x", OAuthClient.Pkce.create());
        Browser.Page page = browser.open(authorize + "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb");
        assertEquals(400, page.status(), page.text());
        assertNull(page.location(), "no redirect");
        assertTrue(page.text().contains("The parameter redirect_uri is repeated; an authorization request names each"
                + " parameter once."), page.text());

        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> forms = Map.of(
                "oauth/token", "grant_type=refresh_token&client_id=parley-desktop&grant_type=authorization_code&code=x",
                "oauth/revoke", "token=one&client_id=parley-desktop&tok%65n=two");
        for (Map.Entry<String, String> form : forms.entrySet()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri().resolve(form.getKey()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), form.getKey() + ": " + answer.body());
            JsonObject error = Json.createReader(new StringReader(answer.body())).readObject();
            assertEquals("invalid_request", error.getString("error"), form.getKey());
            String name = form.getKey().endsWith("token") ? "grant_type" : "token";
            assertEquals("The parameter " + name + " is repeated; send each parameter once (RFC 6749 §3.2).",
                    error.getString("error_description"), form.getKey());
        }
    }

    @Test
    void unknownScopesAndRejectionsGoBackToTheSiteWithStateUnchanged() {
        Member ken = member("ken");
        OAuthClient desktop = OAuthClient.desktop(uri());
        Browser browser = ken.browser();
        browser.signIn(ken.username(), "a-good-password");

        Browser.Page badScope = browser.open(desktop.authorizeUrl(LOOPBACK, "presence admin", "s1", OAuthClient.Pkce.create()));
        assertEquals(303, badScope.status());
        assertEquals("invalid_scope", OAuthClient.query(badScope.location()).get("error"));
        assertEquals("s1", OAuthClient.query(badScope.location()).get("state"));

        browser.open(desktop.authorizeUrl(LOOPBACK, "presence", "s2", OAuthClient.Pkce.create()));
        Browser.Page rejected = browser.submit("authorize", Map.of(), "reject");
        assertEquals(303, rejected.status());
        assertEquals("access_denied", OAuthClient.query(rejected.location()).get("error"));
        assertEquals("s2", OAuthClient.query(rejected.location()).get("state"));
    }

    @Test
    void theTokenEndpointAnswersBadRequestsAsRfc6749Says() {
        OAuthClient desktop = OAuthClient.desktop(uri());
        assertEquals("unsupported_grant_type", desktop.token(Map.of("grant_type", "password")).json().getString("error"));
        assertEquals("invalid_request", desktop.token(Map.of("grant_type", "authorization_code")).json().getString("error"));
        assertEquals("invalid_grant", desktop.exchange("made-up-code", LOOPBACK, OAuthClient.Pkce.create().verifier())
                .json().getString("error"));
        OAuthClient.Answer unknownClient = new OAuthClient(uri(), "no-such-client", "secret").refresh("x");
        assertEquals(401, unknownClient.status());
        assertEquals("invalid_client", unknownClient.json().getString("error"));
        assertTrue(unknownClient.header("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    void bearerTokensAreRefusedWhenUnknownAndVisitorTicketsNeedChatSignin() {
        OAuthClient desktop = OAuthClient.desktop(uri());
        OAuthClient.Answer unknown = desktop.bearer("POST", "api/visitor-tickets", "not-a-token");
        assertEquals(401, unknown.status());
        assertEquals("Bearer realm=\"parley\", error=\"invalid_token\"", unknown.header("WWW-Authenticate"));

        Member linus = member("linus");
        String presenceOnly = desktopTokens(base, linus.username(), "presence").getString("access_token");
        assertEquals(403, desktop.bearer("POST", "api/visitor-tickets", presenceOnly).status());
    }

    @Test
    void aVisitorTicketMakesTheVisitorAVerifiedMemberOnce() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        Member guest = member("guest");
        OAuthClient desktop = OAuthClient.desktop(uri());
        String access = desktopTokens(base, guest.username(), "chat.signin").getString("access_token");

        OAuthClient.Answer ticket = desktop.bearer("POST", "api/visitor-tickets", access);
        assertEquals(201, ticket.status(), ticket.response().body());
        assertEquals(300, ticket.json().getInt("expires_in"));
        String dt = ticket.json().getString("ticket");

        try (Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + host.cid() + "&dt=" + dt, null)) {
            JsonObject hello = visitor.next("hello");
            assertTrue(hello.getJsonObject("visitor").getBoolean("verified"), hello.toString());
            assertEquals("Member guest", hello.getJsonObject("visitor").getString("name"));
        }
        try (Socket again = Socket.open(uri(), "/ws/control?invitee=" + host.cid() + "&dt=" + dt, null)) {
            assertTrue(!again.next("hello").getJsonObject("visitor").getBoolean("verified"), "single use");
            assertEquals("forbidden", again.next("error").getString("code"));
        }
    }

    /**
     * A visitor a site's ticket verified is that member only while the consent the ticket came under lasts: its
     * revocation tells and closes the socket, ends the conversation, and no socket resumes it. Found by attacking the
     * tickets from outside: the socket went on as the member, and an anonymous socket resumed it as theirs.
     */
    @Test
    void aTicketVerifiedVisitorEndsWithTheConsentTheTicketCameUnder() {
        var host = Accounts.sharingMember(base, "tkhost", "Ticket Host");
        Member guest = member("tkguest");
        Member other = member("tkother");
        OAuthClient desktop = OAuthClient.desktop(uri());
        JsonObject tokens = desktopTokens(base, guest.username(), "chat.signin");
        String otherAccess = desktopTokens(base, other.username(), "chat.signin").getString("access_token");
        String dt = desktop.bearer("POST", "api/visitor-tickets", tokens.getString("access_token")).json().getString("ticket");
        String otherDt = desktop.bearer("POST", "api/visitor-tickets", otherAccess).json().getString("ticket");

        try (Socket console = Socket.open(uri(), "/ws/client", host.browser());
             Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + host.cid() + "&dt=" + dt, null);
             Socket otherVisitor = Socket.open(uri(), "/ws/control?invitee=" + host.cid() + "&dt=" + otherDt, null)) {
            console.next("welcome");
            JsonObject hello = visitor.next("hello");
            assertTrue(hello.getJsonObject("visitor").getBoolean("verified"), hello.toString());
            assertTrue(otherVisitor.next("hello").getJsonObject("visitor").getBoolean("verified"));
            visitor.send(Socket.frame("message").add("id", "m1").add("text", "Hello from a verified guest"));
            visitor.ack("m1");
            String conversation = console.next("conversation.started").getJsonObject("conversation").getString("id");

            assertEquals(200, desktop.revoke(tokens.getString("refresh_token")).status());
            JsonObject withdrawn = visitor.next("error");
            assertEquals("forbidden", withdrawn.getString("code"), withdrawn.toString());
            assertEquals("The site's permission to vouch for you here was withdrawn.", withdrawn.getString("message"));
            assertEquals(1008, visitor.closeCode());
            JsonObject ended = console.next("conversation.ended", f -> conversation.equals(f.getString("conversation", "")));
            assertEquals("visitor_left", ended.getString("reason"), ended.toString());

            try (Socket resumer = Socket.open(uri(), "/ws/control?invitee=" + host.cid(), null)) {
                resumer.next("hello");
                resumer.send(Socket.frame("resume").add("id", "r1").add("token", hello.getString("resume")).add("lastSeq", 0));
                JsonObject refused = resumer.answer("r1");
                assertEquals("not_found", refused.getString("code"), "no socket resumes it as the member's: " + refused);
            }
            assertTrue(otherVisitor.isOpen(), "a visitor verified under another consent goes on");
            otherVisitor.send(Socket.frame("message").add("id", "o1").add("text", "Still verified"));
            assertEquals("ack", otherVisitor.answer("o1").getString("type"));
        }
    }

    @Test
    void theDesktopClientsSocketClosesWhenItsTokenIsRevoked() {
        Member edsger = member("edsger");
        OAuthClient desktop = OAuthClient.desktop(uri());
        JsonObject tokens = desktopTokens(base, edsger.username(), "presence");

        assertEquals(401, Socket.refusedStatus(uri(), "/ws/client", null, Map.of("Authorization", "Bearer wrong")));
        try (Socket client = Socket.open(uri(), "/ws/client", null,
                Map.of("Authorization", "Bearer " + tokens.getString("access_token")))) {
            assertEquals("Member edsger",
                    client.next("welcome").getJsonObject("member").getString("displayName"));
            assertEquals(200, desktop.revoke(tokens.getString("refresh_token")).status());
            long start = System.nanoTime();
            assertEquals(1008, client.closeCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "closed within seconds");
        }
    }
}
