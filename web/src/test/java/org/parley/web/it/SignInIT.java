package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-in, sign-out, the way back to the page that asked, the session cookie and a password change. */
class SignInIT extends ParleyDeployment {

    @Test
    void memberSignsInAndSeesTheirSettings() {
        String username = Accounts.newMember(base, "ada", "Ada Lovelace", "analytical-engine");

        Browser ada = new Browser(base);
        Browser.Page page = ada.signIn(username, "analytical-engine");

        assertEquals("/settings", page.path());
        assertTrue(page.text().contains("Your settings"), page.text());
        assertEquals(username, page.value("#username"));
        assertEquals("Ada Lovelace", page.value("#settings\\:displayName"));
        assertTrue(page.value("#cid").matches("[0-9A-F]{16}"), "a CID is shown: " + page.value("#cid"));
    }

    @Test
    void aProtectedPageSendsToSignInAndBackAfterwards() {
        String username = Accounts.newMember(base, "grace", "Grace Hopper", "compiler-first");

        Browser grace = new Browser(base);
        Browser.Page asked = grace.open("/settings/password");
        assertEquals("/signin", asked.path(), "not signed in: sent to the sign-in page");

        Browser.Page after = grace.submit("signin", Map.of("username", username, "password", "compiler-first"), "submit");
        assertTrue(after.path().startsWith("/settings/password"), "back on the page that asked: " + after.uri());
        assertTrue(after.text().contains("Change your password"), after.text());
    }

    @Test
    void signOutEndsTheSession() {
        Browser admin = Accounts.admin(base);
        Browser.Page out = admin.submit("signout", Map.of(), "signOut");

        assertEquals("/signin", out.path());
        assertTrue(out.text().contains("You are signed out."), out.text());
        assertEquals("/signin", admin.open("/settings").path(), "settings need a new sign-in");
    }

    @Test
    void settingsAreSavedAndShownAgain() {
        String username = Accounts.newMember(base, "alan", "Alan Turing", "enigma-machine");
        Browser alan = new Browser(base);
        alan.signIn(username, "enigma-machine");

        Browser.Page saved = alan.submit("settings", Map.of(
                "displayName", "Alan M. Turing",
                "title", "Mathematician",
                "personalMessage", "At Bletchley <b>today</b>",
                "webSharing", "on"), "save");

        assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());
        Browser.Page again = alan.open("/settings");
        assertEquals("Alan M. Turing", again.value("#settings\\:displayName"));
        assertEquals("Mathematician", again.value("#settings\\:title"));
        assertEquals("At Bletchley <b>today</b>", again.value("#settings\\:personalMessage"), "markup kept as text");
        assertTrue(again.document().selectFirst("#settings\\:webSharing").hasAttr("checked"));
        assertTrue(again.document().selectFirst("#settings\\:offlineMessages").hasAttr("checked"),
                "offline messages stay on by default");
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        String username = Accounts.newMember(base, "edsger", "Edsger Dijkstra", "shortest-path");
        Browser edsger = new Browser(base);
        edsger.signIn(username, "shortest-path");
        edsger.open("/settings/password");

        Browser.Page refused = edsger.submit("password",
                Map.of("current", "not-my-password", "next", "go-to-harmful", "repeat", "go-to-harmful"), "change");
        assertTrue(refused.messages().contains("The current password is not correct."), refused.messages());

        Browser.Page changed = edsger.submit("password",
                Map.of("current", "shortest-path", "next", "go-to-harmful", "repeat", "go-to-harmful"), "change");
        assertTrue(changed.messages().contains("Your password is changed."), changed.messages());

        assertEquals("/settings", new Browser(base).signIn(username, "go-to-harmful").path(), "new password works");
        assertEquals("/signin", new Browser(base).signIn(username, "shortest-path").path(), "old one does not");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Browser visitor = new Browser(base);
        HttpResponse<String> response = visitor.raw(HttpRequest.newBuilder(visitor.base().resolve("signin")).build());
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();

        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: no Secure flag, or the browser would drop it");
        HttpCookie cookie = visitor.cookie("JSESSIONID").orElseThrow();
        assertTrue(cookie.isHttpOnly());
    }

    @Test
    void pagesWithoutAFormMakeSomeoneNotSignedInNoSessionWhileTheSignInFormAndAMembersPagesKeepOne() {
        String username = Accounts.newMember(base, "barbara", "Barbara Liskov", "substitution");
        Browser visitor = new Browser(base);
        // the pages a directory link, a bookmark or a mistyped address bring anyone to: each request used to leave a
        // session behind (~6.6 KB of heap for its lifetime), however many
        Map<String, String> shown = Map.of(
                "/", "Parley",
                "/privacy", "What Parley keeps",
                "/people/" + username, "Barbara Liskov",
                "/people/nobody-" + username, "Not found",
                "/no-such-page", "Not found");
        shown.forEach((path, heading) -> {
            Browser.Page page = visitor.open(path);
            assertTrue(page.document().select("h1").text().contains(heading), path + ": " + page.text());
            assertTrue(visitor.cookie("JSESSIONID").isEmpty(), path + " made a session");
        });

        // a form keeps its state in a session, as before: the sign-in form, and the sign-out form on every page of a member
        visitor.open("/signin");
        assertTrue(visitor.cookie("JSESSIONID").isPresent(), "the sign-in form has a session");
        Browser member = new Browser(base);
        member.signIn(username, "substitution");
        Browser.Page privacy = member.open("/privacy");
        assertEquals(1, privacy.document().select("#signout input[name=jakarta.faces.ViewState]").size(), privacy.text());
        assertNotEquals("stateless", privacy.value("#signout input[name=jakarta.faces.ViewState]"),
                "a member's view of a page keeps its state");
        // a sign-out made up elsewhere (another intranet site is "same-site" to the cookie) that claims the view keeps no
        // state does not pass for the member's view
        HttpResponse<String> forged = member.raw(HttpRequest.newBuilder(member.base().resolve("privacy"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("signout=signout&signout%3AsignOut=Sign+out&jakarta.faces.ViewState=stateless"))
                .build());
        assertEquals(400, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("This page has expired"), forged.body());
        assertEquals("/settings", member.open("/settings").path(), "still signed in");
        member.open("/privacy");
        Browser.Page out = member.submit("signout", Map.of(), "signOut");
        assertTrue(out.text().contains("You are signed out."), out.text());
        assertEquals("/signin", member.open("/settings").path(), "signed out from a page that has no form of its own");
    }

    @Test
    void readinessReportsTheDatabaseAndLivenessTheSweepOnly() {
        Browser probe = new Browser(base);
        HttpResponse<String> ready = probe.raw(HttpRequest.newBuilder(probe.base().resolve("health/ready")).build());
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\",\"data\":{}}]}",
                ready.body().replaceAll("\\s", ""));
        // a database that does not answer is no reason for an orchestrator to restart the server
        HttpResponse<String> live = probe.raw(HttpRequest.newBuilder(probe.base().resolve("health/live")).build());
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("{\"status\":\"UP\",\"checks\":[{\"name\":\"sweeps\",\"status\":\"UP\",\"data\":{}}]}",
                live.body().replaceAll("\\s", ""));
    }

    @Test
    void behindTheTrustedProxyEachForwardedAddressIsSlowedDownOnItsOwnAndAnUntrustedPeersHeaderChangesNothing() {
        String alice = Accounts.newMember(base, "alice", "Alice Behind", "alice-password");
        String bob = Accounts.newMember(base, "bob", "Bob Behind", "bob-password");
        String carol = Accounts.newMember(base, "carol", "Carol Outside", "carol-password");
        String wrong = "Wrong username or password.";
        try (LoopbackProxy proxy = LoopbackProxy.from(TRUSTED_PROXY, base);
             LoopbackProxy stranger = LoopbackProxy.from("127.0.0.3", base)) {
            // five failures of one person behind the proxy (unknown usernames: only their address counts)
            for (int i = 0; i < 5; i++) {
                Browser.Page failed = new Browser(proxy.base(), forwardedFor("198.51.100.10"))
                        .signIn(Accounts.unique("nobody"), "guess-" + i);
                assertEquals(wrong, failed.messages());
            }
            Browser.Page slowed = new Browser(proxy.base(), forwardedFor("198.51.100.10")).signIn(alice, "alice-password");
            assertEquals("/signin", slowed.path(), "that person waits, even with the right password");
            assertTrue(slowed.messages().startsWith("Too many failed sign-ins. Try again in "), slowed.messages());

            Browser.Page signedIn = new Browser(proxy.base(), forwardedFor("198.51.100.11")).signIn(bob, "bob-password");
            assertEquals("/settings", signedIn.path(), "another person behind the same proxy signs in at once: "
                    + signedIn.messages());

            // a peer that is no trusted proxy: whatever it forwards, its failures are its own address's
            for (int i = 0; i < 5; i++) {
                Browser.Page failed = new Browser(stranger.base(), forwardedFor("203.0.113." + (i + 1)))
                        .signIn(Accounts.unique("nobody"), "guess-" + i);
                assertEquals(wrong, failed.messages());
            }
            Browser.Page stillSlowed = new Browser(stranger.base(), forwardedFor("203.0.113.99")).signIn(carol, "carol-password");
            assertEquals("/signin", stillSlowed.path(), "a new X-Forwarded-For from an untrusted peer is ignored");
            assertTrue(stillSlowed.messages().startsWith("Too many failed sign-ins. Try again in "), stillSlowed.messages());
        }
        assertEquals("/settings", new Browser(base).signIn(carol, "carol-password").path(), "127.0.0.1 was never slowed down");

        List<String> audit = Accounts.admin(base).open("/admin/audit").document().select("#list\\:audit tbody tr").stream()
                .filter(row -> row.child(3).text().equals(bob) && row.child(2).text().equals("signin.succeeded"))
                .map(row -> row.child(4).text()).toList();
        assertEquals(List.of("198.51.100.11"), audit, "the audit trail names the client, not the proxy");
    }

    private static Map<String, String> forwardedFor(String client) {
        return Map.of("X-Forwarded-For", client);
    }
}
