package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every credential opens only its own door: a desktop access token is no web sign-in, an invalid
 * token is refused wherever it is shown, signing in returns only to a page of Parley, sessions end
 * when the password changes or is reset, and every account action lands in the audit trail.
 */
class TrustBoundariesIT extends ParleyDeployment {

    private static final String PASSWORD = "a-good-password";
    private static final String LOOPBACK = "http://127.0.0.1:49153/callback";
    private static final String INVALID_TOKEN = "Bearer realm=\"parley\", error=\"invalid_token\"";

    private URI uri() {
        return URI.create(base.toString());
    }

    // ---- 1. a desktop access token is not a web sign-in -------------------------------------------

    @Test
    void aDesktopTokenOpensNoPageAndLeavesNoSessionBehind() {
        String username = Accounts.newMember(base, "bearer", "Bearer Holder", PASSWORD);
        String token = DelegatedAuthenticationIT.desktopTokens(base, username, "presence").getString("access_token");
        OAuthClient desktop = OAuthClient.desktop(uri());
        String consent = desktop.authorizeUrl(LOOPBACK, "presence chat.signin", "s", OAuthClient.Pkce.create());

        for (String page : List.of("/settings", "/settings/password", "/console", "/device", "/device?user_code=ABCD-EFGH",
                consent, "/applications/websignup?returnurl=" + INTRANET_ORIGIN + "/&privacyurl=" + INTRANET_ORIGIN + "/p")) {
            for (String method : List.of("GET", "POST")) {
                OAuthClient.Answer answer = desktop.bearer(method, page.substring(1), token);
                assertTrue(answer.status() == 302 || answer.status() == 303,
                        method + " " + page + " with a desktop token: " + answer.status() + " " + answer.response().body());
                assertEquals(uri().resolve("signin"), uri().resolve(answer.header("Location")), method + " " + page);
                assertTrue(answer.response().headers().allValues("Set-Cookie").isEmpty(),
                        method + " " + page + " gave the token holder a session: " + answer.response().headers().allValues("Set-Cookie"));
            }
        }
        try (Socket client = Socket.open(uri(), "/ws/client", null, Map.of("Authorization", "Bearer " + token))) {
            assertEquals("Bearer Holder", client.next("welcome").getJsonObject("member").getString("displayName"),
                    "the same token still opens the member client socket, where it is meant to be used");
        }
        assertEquals("/settings", new Browser(base).signIn(username, PASSWORD).path(),
                "a later sign-in goes to the settings, not to a page a token asked for");
    }

    @Test
    void anAdministratorsDesktopTokenDoesNotOpenTheAdminPages() {
        OAuthClient desktop = OAuthClient.desktop(uri());
        OAuthClient.Pkce pkce = OAuthClient.Pkce.create();
        URI redirect = DelegatedAuthenticationIT.approve(new Browser(base), "admin", Deployments.ADMIN_PASSWORD,
                desktop.authorizeUrl(LOOPBACK, "presence", "s", pkce));
        String token = desktop.exchange(OAuthClient.query(redirect).get("code"), LOOPBACK, pkce.verifier())
                .json().getString("access_token");

        for (String page : List.of("/admin/members", "/admin/audit", "/admin/consents", "/admin/applications")) {
            OAuthClient.Answer answer = desktop.bearer("GET", page.substring(1), token);
            assertEquals(302, answer.status(), page + ": " + answer.response().body());
            assertEquals(uri().resolve("signin"), uri().resolve(answer.header("Location")), page);
        }
    }

    // ---- 2. an invalid token is refused wherever it is presented ----------------------------------

    @Test
    void anInvalidBearerTokenIsRefusedWhereverItIsPresented() {
        var member = Accounts.sharingMember(base, "shared", "Shared Member");
        OAuthClient desktop = OAuthClient.desktop(uri());
        var tokens = DelegatedAuthenticationIT.desktopTokens(base, Accounts.newMember(base, "revoked", "Revoked", PASSWORD),
                "presence");
        assertEquals(200, desktop.revoke(tokens.getString("access_token")).status());

        for (String token : List.of("not-a-token", tokens.getString("access_token"))) {
            for (String path : List.of("/", "/signin", "/settings", "/console", "/privacy", "/people/" + member.username(),
                    "/users/" + member.cid() + "/presence", "/users/" + member.cid() + "/presenceimage",
                    "/api/presence?ids=" + member.cid(), "/conversation/imme?invitee=" + member.cid(),
                    "/resources/parley/parley.css", "/oauth/token")) {
                OAuthClient.Answer answer = desktop.bearer("GET", path.substring(1), token);
                assertEquals(401, answer.status(), path + " with " + token + ": " + answer.response().body());
                assertEquals(INVALID_TOKEN, answer.header("WWW-Authenticate"), path);
                if (path.startsWith("/users/") || path.startsWith("/api/")) {
                    assertEquals("invalid_token", answer.json().getString("error"), path + ": the API answers in its own form");
                }
            }
            assertEquals(401, desktop.bearer("POST", "signin", token).status(), "POST /signin");
            for (String socket : List.of("/ws/client", "/ws/control?invitee=" + member.cid(), "/ws/presence")) {
                assertEquals(401, Socket.refusedStatus(uri(), socket, null, Map.of("Authorization", "Bearer " + token)), socket);
            }
        }
    }

    // ---- 3. signing in returns only to a page of Parley -------------------------------------------

    @Test
    void signingInReturnsOnlyToAPageOfParley() {
        String username = Accounts.newMember(base, "returning", "Returning Member", PASSWORD);
        assertReturnsTo("/settings/password", username, "/settings/password");
        assertReturnsTo("/device?user_code=ABCD-EFGH", username, "/device");

        for (String hostile : List.of("//evil.example/..//settings", "///evil.example/..//settings",
                "/\\evil.example/..//settings", "/%2F%2Fevil.example/..//settings", "/%2f/evil.example/../settings",
                "/%5Cevil.example/..//settings", "/%5C%5Cevil.example/..//settings", "/%252F%252Fevil.example/..//settings",
                "/settings/%0D%0ALocation:%20http:%2F%2Fevil.example", "/settings/%00", "/settings/%09x")) {
            assertReturnsTo(hostile, username, "/settings");
        }
    }

    @Test
    void aForgedHostOrARequestTargetNamingAnotherHostNeverSendsTheBrowserOffParley() {
        String authority = base.getHost() + ":" + base.getPort();
        for (String page : List.of("/settings", "/admin/members", "/embed", "/oauth/authorize?client_id=x&response_type=code")) {
            // a Host header the client chose, and an absolute request target (whose host the container prefers to Host)
            for (List<String> asked : List.of(List.of(page, "evil.example"), List.of(page, "evil.example:" + base.getPort()),
                    List.of("http://evil.example" + page, authority))) {
                RawAnswer answer = rawGet(asked.get(0), asked.get(1));
                String what = asked + " answered " + answer.statusLine() + ", Location " + answer.location();
                assertTrue(answer.statusLine().matches("HTTP/1\\.1 30[12] .*"), what);
                assertTrue(answer.location().startsWith("/") && !answer.location().startsWith("//")
                        && !answer.location().contains("evil"), what);
            }
        }
    }

    /**
     * Payara's MicroProfile Metrics told anyone who asked, unsigned, the JVM's memory, threads and classes, the connection
     * pool and the machine's load; the pre-boot commands switch them off, for members and administrators too.
     */
    @Test
    void theServersOwnMetricsAreServedToNoOne() {
        Browser anyone = new Browser(base);
        Browser admin = new Browser(base);
        admin.signIn("admin", Deployments.ADMIN_PASSWORD);
        for (Browser browser : List.of(anyone, admin)) {
            for (String path : List.of("/metrics", "/metrics?scope=base", "/metrics?scope=vendor")) {
                Browser.Page page = browser.open(path);
                assertEquals(403, page.status(), path + ": " + page.text());
                assertFalse(page.text().contains("memory_"), path + ": " + page.text());
                assertTrue(page.text().contains("Not allowed"), path + ": " + page.text());
            }
        }
    }

    /** {@code OPTIONS} on the APIs tells the methods, not (as Jersey's WADL did, to anyone) every resource and parameter. */
    @Test
    void optionsOnTheApisTellsTheMethodsOnly() throws Exception {
        Browser anyone = new Browser(base);
        for (String path : List.of("/api/presence", "/oauth/token", "/api/visitor-tickets")) {
            java.net.http.HttpResponse<String> answer = anyone.raw(java.net.http.HttpRequest.newBuilder(uri().resolve(path))
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            String what = path + " answered " + answer.statusCode() + " " + answer.headers().map() + "\n" + answer.body();
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 204, what);
            assertTrue(answer.headers().firstValue("Allow").orElse("").contains("OPTIONS"), what);
            assertFalse(answer.headers().firstValue("Content-Type").orElse("").contains("wadl"), what);
            assertFalse(answer.body().contains("<resource"), what);
        }
    }

    /**
     * The files served as they are (the embed script, the presence icons) take {@code GET} and {@code HEAD}, and
     * {@code OPTIONS} says so: the container's servlet answered a {@code POST} with the file, and {@code OPTIONS} with
     * {@code PUT} and {@code DELETE}, which it refused.
     */
    @Test
    void theFilesServedAsTheyAreTakeGetAndHeadOnly() throws Exception {
        Browser anyone = new Browser(base);
        for (String path : List.of("/embed/presence.js", "/icons/presence/away.svg")) {
            assertEquals(200, anyone.open(path).status(), path);
            java.net.http.HttpResponse<String> posted = anyone.raw(java.net.http.HttpRequest.newBuilder(uri().resolve(path))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("a=b")).build());
            String what = path + " answered " + posted.statusCode() + " " + posted.headers().map() + "\n" + posted.body();
            assertEquals(405, posted.statusCode(), what);
            assertEquals("GET, HEAD, OPTIONS", posted.headers().firstValue("Allow").orElse(""), what);
            assertEquals("This endpoint does not take this method.\n", posted.body(), what);
            java.net.http.HttpResponse<String> options = anyone.raw(java.net.http.HttpRequest.newBuilder(uri().resolve(path))
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, options.statusCode(), path);
            assertEquals("GET, HEAD, OPTIONS", options.headers().firstValue("Allow").orElse(""), path + " " + options.headers().map());
        }
    }

    /**
     * On every kind of address — the pages, the servlets of pages, the read-only servlets and files, the APIs and the
     * application server's own endpoints — {@code OPTIONS} names the methods the address takes, each of those is taken,
     * and each other one is answered {@code 405} naming the same methods (RFC 9110 §15.5.6). Faces answered
     * {@code OPTIONS} with the whole page and no {@code Allow}, Payara's health servlet listed {@code POST}, which it
     * refuses, {@code OPTIONS /metrics} was {@code 405} without {@code Allow}, and Jersey's {@code 405} at the Presence
     * API left out {@code HEAD}; a {@code PUT} anywhere was told the methods Parley serves at all.
     */
    @Test
    void everyAddressNamesTheSameMethodsToOptionsAndInEachOf405() {
        Browser anyone = new Browser(base);
        Map<String, Set<String>> takes = new LinkedHashMap<>();
        Set<String> pages = Set.of("GET", "HEAD", "POST", "OPTIONS");
        Set<String> reading = Set.of("GET", "HEAD", "OPTIONS");
        Set<String> posting = Set.of("POST", "OPTIONS");
        for (String page : List.of("/", "/signin", "/signin.xhtml", "/conversation/imme?invitee=nobody", "/contact/nobody",
                "/signin/oidc", "/nothing.xhtml")) {
            takes.put(page, pages);
        }
        for (String read : List.of("/users/nobody/presence", "/users/nobody/presenceimage", "/people/nobody",
                "/Conversation/IMMe.aspx?invitee=nobody", "/embed/presence.js", "/icons/presence/away.svg", "/nothing/here",
                "/ws/presence", "/ws/control", "/api/presence?ids=nobody", "/health", "/health/ready", "/metrics", "/openapi")) {
            takes.put(read, reading);
        }
        for (String api : List.of("/api/visitor-tickets", "/oauth/token", "/oauth/revoke", "/oauth/device")) {
            takes.put(api, posting);
        }
        List<String> wrong = new ArrayList<>();
        takes.forEach((path, methods) -> {
            for (String method : List.of("OPTIONS", "GET", "HEAD", "POST")) {
                java.net.http.HttpResponse<String> answer = anyone.raw(java.net.http.HttpRequest.newBuilder(uri().resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "a=b" : ""))
                        .build());
                Set<String> allowed = new TreeSet<>();
                for (String named : answer.headers().firstValue("Allow").orElse("").split(",")) {
                    if (!named.isBlank()) {
                        allowed.add(named.strip());
                    }
                }
                String what = method + " " + path + " answered " + answer.statusCode() + " Allow: " + allowed;
                if (method.equals("OPTIONS") && (answer.statusCode() != 200 || !allowed.equals(new TreeSet<>(methods)))) {
                    wrong.add(what + ", not 200 naming " + new TreeSet<>(methods));
                } else if (methods.contains(method) && answer.statusCode() == 405) {
                    wrong.add(what + ", though the address takes it");
                } else if (!methods.contains(method)
                        && (answer.statusCode() != 405 || !allowed.equals(new TreeSet<>(methods)))) {
                    wrong.add(what + ", not 405 naming " + new TreeSet<>(methods));
                }
            }
        });
        assertEquals("", String.join("\n", wrong), wrong.size() + " answers name other methods than their address takes");
    }

    /** Asks for {@code target} signed out (written into the request line exactly as given), signs in, and checks where that leads. */
    private void assertReturnsTo(String target, String username, String expectedPath) {
        RawAnswer asked = rawGet(target);
        Browser browser = new Browser(base);
        asked.sessionCookie().ifPresent(cookie -> browser.cookies().getCookieStore().add(uri(), cookie));
        Browser.Page landed = browser.signIn(username, PASSWORD);
        String what = target + " (first answered " + asked.statusLine() + ")";
        assertNull(landed.location(), what + ": signing in sent the browser off Parley to " + landed.location());
        assertEquals(uri().getRawAuthority(), landed.uri().getRawAuthority(), what);
        assertEquals(expectedPath, landed.path(), what);
        assertEquals(200, landed.status(), what);
    }

    private record RawAnswer(String statusLine, Optional<HttpCookie> sessionCookie, String location) {
    }

    /** A GET with a request line no browser would send, so that the hostile forms reach Parley unchanged. */
    private RawAnswer rawGet(String target) {
        return rawGet(target, base.getHost() + ":" + base.getPort());
    }

    /** The same with the {@code Host} header {@code host}. */
    private RawAnswer rawGet(String target, String host) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String head = answer.split("\r\n\r\n", 2)[0];
            Matcher cookie = Pattern.compile("(?im)^Set-Cookie:\\s*JSESSIONID=([^;\\r\\n]+)").matcher(head);
            Optional<HttpCookie> session = Optional.empty();
            if (cookie.find()) {
                HttpCookie jsessionid = new HttpCookie("JSESSIONID", cookie.group(1));
                jsessionid.setPath("/");
                jsessionid.setVersion(0);
                session = Optional.of(jsessionid);
            }
            Matcher location = Pattern.compile("(?im)^Location:\\s*(\\S*)").matcher(head);
            return new RawAnswer(head.lines().findFirst().orElse("nothing"), session, location.find() ? location.group(1) : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- 4. sessions end when they should ---------------------------------------------------------

    @Test
    void aPasswordChangeEndsTheMembersOtherSessionsAndKeepsTheOneThatChangedIt() {
        String username = Accounts.newMember(base, "changer", "Changing Member", PASSWORD);
        Browser here = new Browser(base);
        Browser elsewhere = new Browser(base);
        assertEquals("/settings", here.signIn(username, PASSWORD).path());
        assertEquals("/settings", elsewhere.signIn(username, PASSWORD).path());
        try (Socket elsewhereConsole = Socket.open(uri(), "/ws/client", elsewhere)) {
            elsewhereConsole.next("welcome");

            here.open("/settings/password");
            Browser.Page changed = here.submit("password",
                    Map.of("current", PASSWORD, "next", "a-newer-password", "repeat", "a-newer-password"), "change");
            assertTrue(changed.messages().contains("Your password is changed."), changed.messages());

            assertEquals(1008, elsewhereConsole.closeCode(), "the console of the ended session is closed");
        }
        assertEquals(401, Socket.refusedStatus(uri(), "/ws/client", elsewhere, Map.of("Origin", Socket.origin(uri()))),
                "the ended session opens no console again");
        Browser.Page ended = elsewhere.open("/settings/password");
        assertEquals("/signin", ended.path(), "the other session has ended");
        assertTrue(ended.text().contains("Your session has ended: your password was changed"), ended.text());
        Browser.Page again = elsewhere.submit("signin", Map.of("username", username, "password", "a-newer-password"), "submit");
        assertEquals("/settings/password", again.path(), "signing in again leads back to the page that was asked for");

        Browser.Page kept = here.open("/settings");
        assertEquals(200, kept.status());
        assertEquals("/settings", kept.path(), "the session that changed the password stays signed in");
        try (Socket hereConsole = Socket.open(uri(), "/ws/client", here)) {
            assertEquals("Changing Member", hereConsole.next("welcome").getJsonObject("member").getString("displayName"));
        }
    }

    @Test
    void anAdminsPasswordResetEndsEverySessionOfTheMember() {
        String username = Accounts.newMember(base, "resetee", "Reset Member", PASSWORD);
        Browser one = new Browser(base);
        Browser two = new Browser(base);
        assertEquals("/settings", one.signIn(username, PASSWORD).path());
        assertEquals("/settings", two.signIn(username, PASSWORD).path());

        try (Socket console = Socket.open(uri(), "/ws/client", one)) {
            console.next("welcome");
            Browser admin = Accounts.admin(base);
            admin.open("/admin/members");
            Browser.Page reset = admin.submit("reset", Map.of("who", username, "newPassword", "set-by-the-admin"), "reset");
            assertTrue(reset.messages().contains("Set a new password for " + username + "."), reset.messages());
            assertEquals(1008, console.closeCode(), "the member's console is closed");
        }
        assertEquals("/signin", one.open("/settings").path(), "the first session has ended");
        assertEquals("/signin", two.open("/settings").path(), "the second session has ended");
        assertEquals("/settings", new Browser(base).signIn(username, "set-by-the-admin").path());
    }

    @Test
    void sessionsEndedByDisablingStayEndedWhenTheMemberIsEnabledAgain() {
        String username = Accounts.newMember(base, "paused", "Paused Member", PASSWORD);
        Browser member = new Browser(base);
        assertEquals("/settings", member.signIn(username, PASSWORD).path());
        Browser admin = Accounts.admin(base);

        MemberAdministrationIT.press(admin, username, "disable");
        MemberAdministrationIT.press(admin, username, "enable");

        assertEquals("/signin", member.open("/settings").path(), "the session ended when the account was disabled");
        assertEquals("/settings", new Browser(base).signIn(username, PASSWORD).path());
    }

    @Test
    void aRoleChangeAppliesToTheOpenSessionAndTheLastAdminKeepsTheRole() {
        String username = Accounts.newMember(base, "promoted", "Promoted Member", PASSWORD);
        Browser member = new Browser(base);
        member.signIn(username, PASSWORD);
        assertEquals(403, member.open("/admin/members").status());
        Browser admin = Accounts.admin(base);

        Browser.Page made = MemberAdministrationIT.press(admin, username, "makeAdmin");
        assertTrue(made.messages().contains("Made " + username + " an administrator."), made.messages());
        assertEquals("admin", row(made, username).child(2).text());
        assertEquals(200, member.open("/admin/members").status(), "the open session is an admin's now");

        Browser.Page removed = MemberAdministrationIT.press(admin, username, "removeAdmin");
        assertTrue(removed.messages().contains(username + " is no longer an administrator."), removed.messages());
        assertEquals(403, member.open("/admin/members").status(), "and no longer");

        Browser.Page last = MemberAdministrationIT.press(admin, "admin", "removeAdmin");
        assertTrue(last.messages().contains("'admin' is the last enabled administrator and stays one."), last.messages());
        assertEquals("admin", row(last, "admin").child(2).text());
    }

    private static Element row(Browser.Page members, String username) {
        return members.document().select("#list\\:members tbody tr").stream()
                .filter(row -> row.child(0).text().equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError(username + " is not listed: " + members.text()));
    }

    // ---- 5. the audit trail -----------------------------------------------------------------------

    @Test
    void everyAccountActionIsInTheAuditTrail() {
        String username = Accounts.newMember(base, "audited", "Audited Member", PASSWORD);
        Browser member = new Browser(base);
        member.signIn(username, PASSWORD);
        assertEquals("/signin", new Browser(base).signIn(username, "not-the-password").path());
        member.open("/settings/password");
        member.submit("password", Map.of("current", PASSWORD, "next", "a-second-password", "repeat", "a-second-password"),
                "change");
        assertEquals("/signin", member.submit("signout", Map.of(), "signOut").path());

        Browser admin = Accounts.admin(base);
        MemberAdministrationIT.press(admin, username, "disable");
        assertEquals("/signin", new Browser(base).signIn(username, "a-second-password").path());
        MemberAdministrationIT.press(admin, username, "enable");
        MemberAdministrationIT.press(admin, username, "rotate");
        MemberAdministrationIT.press(admin, username, "makeAdmin");
        MemberAdministrationIT.press(admin, username, "removeAdmin");
        admin.open("/admin/members");
        admin.submit("reset", Map.of("who", username, "newPassword", "a-third-password"), "reset");

        List<AuditRow> audit = audit(admin);
        assertAudited(audit, "admin", "member.created", username, "as member");
        assertAudited(audit, username, "signin.succeeded", username, "");
        assertAudited(audit, username, "signin.refused", username, "wrong username or password");
        assertAudited(audit, username, "member.password-changed", username, "");
        assertAudited(audit, username, "sessions.ended", username, "every other session, after a password change");
        assertAudited(audit, username, "signout", username, "");
        assertAudited(audit, "admin", "member.disabled", username, "");
        assertAudited(audit, "admin", "sessions.ended", username, "every session, the account is disabled");
        assertAudited(audit, username, "signin.refused", username, "the account is disabled");
        assertAudited(audit, "admin", "member.enabled", username, "");
        assertAudited(audit, "admin", "member.cid-rotated", username, "stops working");
        assertAudited(audit, "admin", "member.role-changed", username, "from member to admin");
        assertAudited(audit, "admin", "member.role-changed", username, "from admin to member");
        assertAudited(audit, "admin", "member.password-reset", username, "");
        assertAudited(audit, "admin", "sessions.ended", username, "every session, after a password reset");
        assertAudited(audit, "admin", "signin.succeeded", "admin", "");
    }

    private record AuditRow(String who, String what, String subject, String from, String detail) {
    }

    private static List<AuditRow> audit(Browser admin) {
        Browser.Page page = admin.open("/admin/audit");
        return page.document().select("#list\\:audit tbody tr").stream()
                .map(row -> new AuditRow(row.child(1).text(), row.child(2).text(), row.child(3).text(), row.child(4).text(),
                        row.child(5).text()))
                .toList();
    }

    private static void assertAudited(List<AuditRow> audit, String who, String what, String subject, String detail) {
        Optional<AuditRow> entry = audit.stream().filter(row -> row.who().equals(who) && row.what().equals(what)
                && row.subject().equals(subject) && row.detail().contains(detail)).findFirst();
        assertTrue(entry.isPresent(), "no audit entry '" + who + " " + what + " " + subject + " (" + detail + ")' among " + audit);
        assertFalse(entry.get().from().isBlank(), "the entry says from which address: " + entry.get());
    }
}
