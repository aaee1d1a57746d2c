package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The admin console's record pages over HTTP: editing a member, searching with hostile text, bad input
 * refused next to its field with nothing saved, the filters of applications, consents and the audit
 * log, and a member refused at every page and every form of them.
 */
class AdminRecordsIT extends ParleyDeployment {

    private static final List<String> PAGES = List.of("admin/members", "admin/applications", "admin/consents", "admin/audit");

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<Element> rows(Browser.Page page, String table) {
        return page.document().select("[id='" + table + "'] tbody tr").stream()
                .filter(row -> !row.hasClass("ui-datatable-empty-message")).toList();
    }

    private static List<String> usernames(Browser.Page page) {
        return rows(page, "list:members").stream().map(row -> row.child(0).text()).toList();
    }

    @Test
    void anAdminEditsAMembersProfileAndEmailAndTheChangeIsAudited() {
        String username = Accounts.newMember(base, "edited", "Before Edit", "a-good-password");
        Browser admin = Accounts.admin(base);

        Browser.Page form = MemberAdministrationIT.press(admin, username, "edit");
        assertEquals("Before Edit", form.value("#edit\\:displayName"));
        Browser.Page saved = admin.submit("edit", Map.of("displayName", "After Edit", "title", "Engineer",
                "department", "Platform", "email", "edited@example.org"), "save");
        assertTrue(saved.messages().contains("Saved the profile of " + username + "."), saved.messages());

        Element row = rows(admin.open("/admin/members?q=" + username), "list:members").get(0);
        assertTrue(row.text().contains("After Edit") && row.text().contains("Engineer") && row.text().contains("Platform")
                && row.text().contains("edited@example.org"), row.text());
        Browser.Page audit = admin.open("/admin/audit?action=member.edited&actor=admin");
        assertTrue(rows(audit, "list:audit").stream().anyMatch(r -> r.child(3).text().equals(username)
                && r.child(5).text().equals("display name, title, department, e-mail")), audit.text());
        assertEquals("After Edit", new Browser(base).signIn(username, "a-good-password").value("#settings\\:displayName"),
                "the member sees the new name");
    }

    @Test
    void badInputIsRefusedNextToItsFieldAndNothingIsSaved() {
        Browser admin = Accounts.admin(base);
        String username = Accounts.unique("refused");

        admin.open("/admin/members");
        Browser.Page badEmail = admin.submit("create", Map.of("username", username, "displayName", "Refused",
                "email", "no-at-sign", "password", "a-good-password"), "create");
        assertEquals("'no-at-sign' is not an e-mail address.", fieldMessage(badEmail, "create:email"));

        Browser.Page tooLong = admin.submit("create", Map.of("username", username, "displayName", "Refused",
                "title", "t".repeat(101), "email", "", "password", "a-good-password"), "create");
        assertEquals("This is too long.", fieldMessage(tooLong, "create:title"));

        Browser.Page taken = admin.submit("create", Map.of("username", "admin", "displayName", "Second Admin",
                "title", "", "email", "", "password", "a-good-password"), "create");
        assertEquals("The username 'admin' is taken.", fieldMessage(taken, "create:username"));
        assertEquals(List.of(), usernames(admin.open("/admin/members?q=" + username)), "nothing was created");

        String existing = Accounts.newMember(base, "kept", "Kept Name", "a-good-password");
        MemberAdministrationIT.press(admin, existing, "edit");
        Map<String, String> blank = new HashMap<>();
        blank.put("displayName", "");
        blank.put("email", "kept@example.org");
        Browser.Page refused = admin.submit("edit", blank, "save");
        assertEquals("Enter a display name.", fieldMessage(refused, "edit:displayName"));
        Element row = rows(admin.open("/admin/members?q=" + existing), "list:members").get(0);
        assertTrue(row.text().contains("Kept Name") && !row.text().contains("kept@example.org"), "unchanged: " + row.text());
    }

    /** The message shown next to a field: the form's message element that follows it. */
    private static String fieldMessage(Browser.Page page, String fieldId) {
        Element field = page.document().getElementById(fieldId);
        if (field == null) {
            throw new AssertionError("no field " + fieldId + ": " + page.text());
        }
        Element box = field.closest(".field");
        return box.select(".ui-message").text();
    }

    @Test
    void theMemberSearchTakesWildcardsQuotesAndHostileTextLiterally() {
        String percent = Accounts.newMember(base, "percent", "100% Sure_Thing", "a-good-password");
        String quote = Accounts.newMember(base, "quote", "Dan O'Brien \"Danny\"", "a-good-password");
        Browser admin = Accounts.admin(base);

        assertFoundOnlyLiterally(admin, "100%", percent);
        assertFoundOnlyLiterally(admin, "e_t", percent);
        assertFoundOnlyLiterally(admin, "O'Brien \"Danny\"", quote);
        assertFalse(usernames(admin.open("/admin/members?q=" + encode("%"))).contains("admin"), "% is no wildcard");

        for (String hostile : List.of("x".repeat(10_000), "a\u0000b", "\u202Eadmin", "\uD800", "'; DROP TABLE members; --",
                "<script>alert(1)</script>", "\\", "!%_")) {
            admin.open("/admin/members");
            Browser.Page answered = admin.submit("search", Map.of("q", hostile), "find");
            assertEquals(200, answered.status(), hostile);
            assertTrue(answered.document().getElementById("list:members") != null, "the list is shown for " + hostile.length());
            assertTrue(answered.document().select("script").stream().noneMatch(s -> s.html().contains("alert(1)")));
        }
    }

    @Test
    void hostileFilterTextIsAnsweredOnTheApplicationsConsentsAndAuditPages() {
        Browser admin = Accounts.admin(base);
        for (String hostile : List.of("x".repeat(10_000), "%", "_", "'\"", "a\u0000b", "\u202Eparley", "\uDC00",
                "<img src=x onerror=alert(1)>")) {
            admin.open("/admin/applications");
            Browser.Page applications = admin.submit("filter", Map.of("q", hostile), "apply");
            assertEquals(200, applications.status(), hostile);
            if (hostile.equals("%") || hostile.equals("_")) {
                assertTrue(rows(applications, "list:applications").stream().allMatch(r -> r.text().contains(hostile)),
                        hostile + " matches only itself");
            }

            admin.open("/admin/consents");
            Browser.Page consents = admin.submit("filter", Map.of("member", hostile, "application", hostile), "apply");
            assertEquals(200, consents.status(), hostile);
            assertTrue(consents.document().getElementById("list:consents") != null);

            admin.open("/admin/audit");
            Browser.Page audit = admin.submit("filter", Map.of("actor", hostile, "action", hostile), "apply");
            assertEquals(200, audit.status(), hostile);
            assertTrue(audit.document().getElementById("list:audit") != null);
            assertTrue(audit.document().select("img[onerror]").isEmpty(), "text stays text");
        }
    }

    /** Searching {@code text} finds {@code expected}, and only rows that hold {@code text} as it is (in any case). */
    private static void assertFoundOnlyLiterally(Browser admin, String text, String expected) {
        List<Element> found = rows(admin.open("/admin/members?q=" + encode(text)), "list:members");
        assertTrue(found.stream().anyMatch(row -> row.child(0).text().equals(expected)), text + " finds " + expected);
        for (Element row : found) {
            assertTrue(row.text().toLowerCase().contains(text.toLowerCase()), text + " is matched literally: " + row.text());
        }
    }

    @Test
    void applicationsAreFilteredByNameOrIdAndState() {
        Browser admin = Accounts.admin(base);
        String mark = Accounts.unique("Filtered");
        register(admin, mark + " wiki");
        String other = register(admin, mark + " blog");
        Browser.Page both = admin.open("/admin/applications?q=" + encode(mark));
        assertEquals(2, rows(both, "list:applications").size(), both.text());

        for (Element row : rows(both, "list:applications")) {
            if (row.child(1).text().equals(other)) {
                String id = row.selectFirst("[id$=:disable]").id();
                Browser.Page disabled = admin.submit("list", Map.of(), id.substring("list:".length()));
                assertTrue(disabled.messages().contains("Disabled " + mark + " blog."), disabled.messages());
            }
        }
        List<Element> disabled = rows(admin.open("/admin/applications?q=" + encode(mark) + "&state=disabled"), "list:applications");
        assertEquals(List.of(other), disabled.stream().map(r -> r.child(1).text()).toList());
        List<Element> byId = rows(admin.open("/admin/applications?q=" + other + "&state=enabled"), "list:applications");
        assertEquals(List.of(), byId, "the disabled one is not among the enabled");
        assertEquals(1, rows(admin.open("/admin/applications?q=" + other), "list:applications").size(), "found by its ID");
    }

    private String register(Browser admin, String name) {
        admin.open("/admin/applications");
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("redirectUris", "https://site" + Accounts.unique("").toLowerCase() + ".intranet/callback");
        Browser.Page page = admin.submit("register", form, "register");
        return page.value("#secret-app");
    }

    @Test
    void consentsAreFilteredByMemberApplicationAndScope() {
        String username = Accounts.newMember(base, "scoped", "Scoped Member", "a-good-password");
        DelegatedAuthenticationIT.desktopTokens(base, username, "presence");
        Browser admin = Accounts.admin(base);

        assertEquals(1, rows(admin.open("/admin/consents?member=" + username), "list:consents").size());
        assertEquals(1, rows(admin.open("/admin/consents?member=" + username + "&scope=presence&application=parley-desktop"),
                "list:consents").size());
        assertEquals(0, rows(admin.open("/admin/consents?member=" + username + "&scope=chat.signin"), "list:consents").size());
        assertEquals(0, rows(admin.open("/admin/consents?member=" + username + "&application=" + encode("%")), "list:consents").size());
        Browser.Page filtered = admin.open("/admin/consents?member=" + username);
        assertTrue(filtered.value("#count").startsWith("1 of "), filtered.value("#count"));
    }

    @Test
    void theAuditLogIsFilteredByActorActionAndTimeRange() {
        String username = Accounts.newMember(base, "timed", "Timed Member", "a-good-password");
        new Browser(base).signIn(username, "a-good-password");
        Browser admin = Accounts.admin(base);

        admin.open("/admin/audit");
        Browser.Page found = admin.submit("filter", Map.of("actor", username, "action", "signin",
                "from_input", "2000-01-01 00:00"), "apply");
        List<Element> rows = rows(found, "list:audit");
        assertEquals(1, rows.size(), found.text());
        assertEquals("signin.succeeded", rows.get(0).child(2).text());

        Browser.Page future = admin.submit("filter", Map.of("actor", username, "from_input", "2999-01-01 00:00"), "apply");
        assertEquals(0, rows(future, "list:audit").size(), future.text());

        Browser.Page backwards = admin.submit("filter", Map.of("actor", username, "from_input", "2030-01-01 00:00",
                "to_input", "2020-01-01 00:00"), "apply");
        assertEquals("The end of the range must come after its start.", fieldMessage(backwards, "filter:to_input"));

        Browser.Page nonsense = admin.submit("filter", Map.of("from_input", "yesterday at noon"), "apply");
        assertEquals("Enter a time as year-month-day hours:minutes.", fieldMessage(nonsense, "filter:from_input"));

        Browser.Page byAddress = admin.open("/admin/audit?actor=" + username + "&action=" + encode("%"));
        assertEquals(0, rows(byAddress, "list:audit").size(), "% in the action is no wildcard");
    }

    @Test
    void aMemberIsRefusedAtEveryRecordPageAndEveryFormOfThem() {
        String username = Accounts.newMember(base, "intruder", "Intruder", "a-good-password");
        Browser member = new Browser(base);
        member.signIn(username, "a-good-password");
        String victim = Accounts.newMember(base, "victim", "Victim", "a-good-password");
        URI uri = URI.create(base.toString());

        for (String page : PAGES) {
            Browser.Page refused = member.open("/" + page);
            assertEquals(403, refused.status(), page);
            assertTrue(refused.text().contains("Your account may not open this page."), refused.text());
            HttpResponse<String> posted = member.raw(HttpRequest.newBuilder(uri.resolve(page))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("list=list&list%3Amembers%3A0%3Adisable=&create=create"
                            + "&create%3Ausername=" + victim + "x&create%3AdisplayName=X&create%3Apassword=a-good-password"
                            + "&jakarta.faces.ViewState=stateless"))
                    .build());
            assertEquals(403, posted.statusCode(), page);
        }
        Browser admin = Accounts.admin(base);
        assertEquals(List.of(victim), usernames(admin.open("/admin/members?q=" + victim)), "nothing was created");
        assertTrue(rows(admin.open("/admin/members?q=" + victim), "list:members").get(0).text().contains("enabled"));
    }
}
