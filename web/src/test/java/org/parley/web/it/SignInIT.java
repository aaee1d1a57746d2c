package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    void healthReportsTheDatabase() {
        Browser probe = new Browser(base);
        for (String path : new String[] {"/health/ready", "/health/live"}) {
            HttpResponse<String> response = probe.raw(HttpRequest.newBuilder(probe.base().resolve(path.substring(1))).build());
            assertEquals(200, response.statusCode(), path);
            assertTrue(response.body().contains("\"name\":\"database\""), path + ": " + response.body());
            assertTrue(response.body().contains("\"status\":\"UP\""), path + ": " + response.body());
        }
    }
}
