package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Intranet sites with Parley: registered by an admin with a secret (rotated with an overlap),
 * inviting members to share presence, the device grant, the audit trail and the sweeper.
 */
class SitesIT extends ParleyDeployment {

    private static final String SITES = "/admin/applications";
    private static final String SITE_ROWS = "#list\\:applications tbody tr";

    private URI uri() {
        return URI.create(base.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aRegisteredSiteAuthenticatesWithItsSecretAndARotatedSecretOverlaps() {
        Browser admin = Accounts.admin(base);
        Accounts.Site wiki = Accounts.registerSite(admin, "Team wiki");
        String username = Accounts.newMember(base, "ada", "Ada Lovelace", "a-good-password");
        OAuthClient site = new OAuthClient(uri(), wiki.id(), wiki.secret());

        URI redirect = DelegatedAuthenticationIT.approve(new Browser(base), username, "a-good-password",
                site.authorizeUrl(wiki.redirect(), "presence", "w1", null));
        assertTrue(redirect.toString().startsWith(wiki.redirect() + "?code="), redirect.toString());
        OAuthClient.Answer tokens = site.exchange(OAuthClient.query(redirect).get("code"), wiki.redirect(), null);
        assertEquals(200, tokens.status(), tokens.response().body());

        assertEquals(401, new OAuthClient(uri(), wiki.id(), "wrong-secret")
                .refresh(tokens.json().getString("refresh_token")).status());

        Browser.Page rotated = press(admin, SITES, SITE_ROWS, wiki.id(), 1, "rotate");
        String newSecret = rotated.value("#secret-value");
        assertFalse(newSecret.equals(wiki.secret()));
        assertTrue(rotated.text().contains("previous secret keeps working until"), rotated.text());
        OAuthClient.Answer withOld = site.refresh(tokens.json().getString("refresh_token"));
        assertEquals(200, withOld.status(), "the old secret still works during the overlap");
        assertEquals(200, new OAuthClient(uri(), wiki.id(), newSecret)
                .refresh(withOld.json().getString("refresh_token")).status());

        Browser.Page audit = admin.open("/admin/audit");
        assertTrue(audit.text().contains("application.secret-rotated"), audit.text());
        assertTrue(audit.text().contains("consent.granted"), audit.text());
    }

    /**
     * Two admins rotate one site's secret at the same instant: both are shown a new secret, one after the other, and
     * both work (the later as the secret, the earlier through the overlap). Before the application's row was locked,
     * the later rotation failed on the row's version: 409 and a WARNING with the whole stack trace in the log.
     */
    @Test
    void twoAdminsRotatingOneSecretAtOnceAreEachShownOneThatWorks() {
        Browser first = Accounts.admin(base);
        Accounts.Site wiki = Accounts.registerSite(first, "Rotated wiki");
        Browser second = Accounts.admin(base);
        String username = Accounts.newMember(base, "rotor", "Rita Rotor", "a-good-password");
        URI redirect = DelegatedAuthenticationIT.approve(new Browser(base), username, "a-good-password",
                new OAuthClient(uri(), wiki.id(), wiki.secret()).authorizeUrl(wiki.redirect(), "presence", "r1", null));
        OAuthClient.Answer tokens = new OAuthClient(uri(), wiki.id(), wiki.secret())
                .exchange(OAuthClient.query(redirect).get("code"), wiki.redirect(), null);
        assertEquals(200, tokens.status(), tokens.response().body());

        List<Browser.Page> shown = new ArrayList<>();
        try (ServerLog log = ServerLog.capture()) {
            List<String> buttons = List.of(button(first, SITES, SITE_ROWS, wiki.id(), 1, "rotate"),
                    button(second, SITES, SITE_ROWS, wiki.id(), 1, "rotate"));
            shown.addAll(AtOnce.<Browser.Page>all(List.of(() -> first.submit("list", Map.of(), buttons.get(0)),
                    () -> second.submit("list", Map.of(), buttons.get(1)))));
            assertEquals(List.of(), log.problems(), "rotations at the same moment: nothing at SEVERE or WARNING");
        }

        for (Browser.Page page : shown) {
            assertEquals(200, page.status(), page.text());
            assertTrue(page.text().contains("previous secret keeps working until"), page.text());
        }
        String one = shown.get(0).value("#secret-value");
        String other = shown.get(1).value("#secret-value");
        assertNotEquals(one, other, "each admin is shown a secret of their own");
        OAuthClient.Answer withOne = new OAuthClient(uri(), wiki.id(), one)
                .refresh(tokens.json().getString("refresh_token"));
        assertEquals(200, withOne.status(), "the first admin's secret works: " + withOne.response().body());
        assertEquals(200, new OAuthClient(uri(), wiki.id(), other)
                        .refresh(withOne.json().getString("refresh_token")).status(),
                "so does the second admin's");
    }

    @Test
    void anInvitationIsAcceptedDeclinedOrSentBackWithoutAPrivacyUrl() {
        Browser admin = Accounts.admin(base);
        Accounts.Site wiki = Accounts.registerSite(admin, "People finder");
        String username = Accounts.newMember(base, "grace", "Grace Hopper", "a-good-password");
        Browser member = new Browser(base);
        member.signIn(username, "a-good-password");
        String cid = member.open("/settings").value("#cid");
        String back = wiki.redirect().replace("/callback", "/back");
        String invitation = "/applications/websignup?returnurl=" + encode(back) + "&privacyurl="
                + encode("https://wiki.intranet/privacy") + "&appid=" + wiki.id();

        Browser.Page page = member.open(invitation);
        assertEquals("People finder invites you", page.value("#site"));
        Browser.Page declined = member.submit("invitation", Map.of(), "decline");
        assertEquals(303, declined.status());
        assertEquals(back + "?result=Declined", declined.location().toString());

        member.open(invitation);
        Browser.Page accepted = member.submit("invitation", Map.of(), "accept");
        assertEquals(303, accepted.status());
        Map<String, String> result = OAuthClient.query(accepted.location());
        assertEquals("Accepted", result.get("result"));
        assertTrue(result.get("id").startsWith(cid + "@"), result.toString());
        Browser.Page settings = member.open("/settings");
        assertTrue(settings.document().selectFirst("#settings\\:webSharing").hasAttr("checked"), "web sharing is on now");
        assertTrue(settings.text().contains("People finder"), "the invitation is listed under connected sites");

        Browser.Page noPrivacy = member.open("/applications/websignup?returnurl=" + encode(back) + "&appid=" + wiki.id());
        assertEquals(303, noPrivacy.status());
        assertEquals(back + "?result=NoPrivacyUrl", noPrivacy.location().toString());

        Browser.Page audit = admin.open("/admin/audit");
        assertTrue(audit.text().contains("invitation.accepted"), audit.text());
    }

    /**
     * A site's invitation accepted again, on a later visit and from ten tabs at the same instant: each is sent back
     * "Accepted", and the member's connected sites list the site's invitation once, so one Withdraw withdraws it.
     */
    @Test
    void anInvitationAcceptedAgainAndFromTenTabsAtOnceIsListedOnce() {
        Accounts.Site wiki = Accounts.registerSite(Accounts.admin(base), "Team pages");
        String username = Accounts.newMember(base, "kay", "Kay Again", "a-good-password");
        String back = wiki.redirect().replace("/callback", "/back");
        String invitation = "/applications/websignup?returnurl=" + encode(back) + "&privacyurl="
                + encode("https://wiki.intranet/privacy") + "&appid=" + wiki.id();
        List<Callable<Browser.Page>> acceptances = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Browser tab = new Browser(base);
            tab.signIn(username, "a-good-password");
            assertEquals("Team pages invites you", tab.open(invitation).value("#site"));
            acceptances.add(() -> tab.submit("invitation", Map.of(), "accept"));
        }

        List<Browser.Page> accepted = new ArrayList<>(AtOnce.all(acceptances.subList(0, 1))); // a first visit
        accepted.addAll(AtOnce.all(acceptances.subList(1, 11))); // a later one, in ten tabs at once

        assertEquals(List.of("Accepted"), accepted.stream().map(page -> OAuthClient.query(page.location()).get("result"))
                .distinct().toList(), "each acceptance is sent back accepted");
        Browser member = new Browser(base);
        member.signIn(username, "a-good-password");
        List<Element> rows = member.open("/settings").document().select("table#invitations tbody tr");
        assertEquals(1, rows.size(), "the site's invitation is listed once: " + rows.stream().map(Element::text).toList());
        String withdraw = rows.get(0).selectFirst("[id$=:withdraw]").id();
        member.submit(withdraw.substring(0, withdraw.length() - ":withdraw".length()), Map.of(), "withdraw");
        assertTrue(member.open("/settings").document().select("table#invitations [id$=:withdraw]").isEmpty(),
                "one Withdraw withdraws it");
    }

    @Test
    void aReturnUrlParleyDoesNotKnowGetsAnErrorPageAndNeverARedirect() {
        String username = Accounts.newMember(base, "mallory", "Mallory", "a-good-password");
        Browser member = new Browser(base);
        member.signIn(username, "a-good-password");
        for (String query : new String[] {
                "returnurl=" + encode("https://evil.example/steal") + "&privacyurl=" + encode("https://evil.example/p"),
                "returnurl=" + encode("javascript:alert(1)") + "&privacyurl=" + encode("https://x.example/p"),
                "returnurl=" + encode("https://evil.example/steal") + "&appid=no-such-app"}) {
            Browser.Page page = member.open("/applications/websignup?" + query);
            assertEquals(400, page.status(), query);
            assertNull(page.location(), "no redirect for " + query);
            assertTrue(page.document().getElementById("refusal") != null, page.text());
        }
        Browser.Page intranet = member.open("/applications/websignup?returnurl=" + encode(INTRANET_ORIGIN + "/people")
                + "&privacyurl=" + encode(INTRANET_ORIGIN + "/privacy"));
        assertEquals(200, intranet.status(), "a configured intranet host may invite without an app ID");
    }

    @Test
    void theDesktopClientsTextModeSignsInWithAUserCode() {
        String username = Accounts.newMember(base, "alan", "Alan Turing", "a-good-password");
        OAuthClient desktop = OAuthClient.desktop(uri());
        OAuthClient.Answer started = desktop.post("oauth/device", Map.of("scope", "presence"));
        assertEquals(200, started.status(), started.response().body());
        JsonObject device = started.json();
        assertTrue(device.getString("user_code").matches("[B-Z]{4}-[B-Z]{4}"), device.toString());
        assertTrue(device.getString("verification_uri").endsWith("/device"));
        Map<String, String> poll = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", device.getString("device_code"));
        assertEquals("authorization_pending", desktop.token(poll).json().getString("error"));
        assertEquals("slow_down", desktop.token(poll).json().getString("error"), "polling faster than the interval");

        Browser member = new Browser(base);
        member.signIn(username, "a-good-password");
        Browser.Page confirm = member.open("/device?user_code=" + encode(device.getString("user_code").toLowerCase()));
        if (confirm.document().getElementById("device") == null) {
            confirm = member.submit("lookup", Map.of(), "continue");
        }
        assertEquals(device.getString("user_code"), confirm.value("#user-code"));
        member.submit("device", Map.of(), "approve");

        OAuthClient.Answer tokens = desktop.token(poll);
        assertEquals(200, tokens.status(), tokens.response().body());
        assertEquals("presence", tokens.json().getString("scope"));
        assertEquals("invalid_grant", desktop.token(poll).json().getString("error"), "a device code is used once");
    }

    @Test
    void reuseIsAuditedAndTheSweeperRemovesRevokedConsents() {
        Browser admin = Accounts.admin(base);
        String username = Accounts.newMember(base, "sweep", "Swept Member", "a-good-password");
        OAuthClient desktop = OAuthClient.desktop(uri());
        JsonObject tokens = DelegatedAuthenticationIT.desktopTokens(base, username, "presence");
        desktop.refresh(tokens.getString("refresh_token"));
        assertEquals("invalid_grant", desktop.refresh(tokens.getString("refresh_token")).json().getString("error"));

        Browser.Page audit = admin.open("/admin/audit");
        assertTrue(audit.text().contains("token.reuse-refused"), audit.text());
        Browser.Page listed = admin.open("/admin/consents?q=" + username);
        assertTrue(listed.text().contains("revoked"), "the revoked consent is listed: " + listed.text());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(75));
        while (admin.open("/admin/consents?q=" + username).text().contains(username)) {
            assertTrue(Instant.now().isBefore(deadline), "the sweeper removed the revoked consent within 75 s");
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Presses a row's button in a table whose cell {@code column} holds {@code key}. */
    private static Browser.Page press(Browser browser, String path, String rows, String key, int column, String button) {
        return browser.submit("list", Map.of(), button(browser, path, rows, key, column, button));
    }

    /**
     * Opens {@code path} and answers the id, within its form, of {@code button} in the row whose cell {@code column}
     * holds {@code key}.
     */
    private static String button(Browser browser, String path, String rows, String key, int column, String button) {
        Browser.Page page = browser.open(path);
        for (Element row : page.document().select(rows)) {
            if (row.child(column).text().equals(key)) {
                return row.selectFirst("[id$=:" + button + "]").id().substring("list:".length());
            }
        }
        throw new AssertionError(key + " is not listed: " + page.text());
    }
}
