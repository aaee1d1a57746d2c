package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The first admin page: creating, disabling and re-enabling members, resetting passwords. */
class MemberAdministrationIT extends ParleyDeployment {

    @Test
    void adminCreatesAMemberWhoThenSignsIn() {
        String username = Accounts.newMember(base, "barbara", "Barbara Liskov", "substitution");
        Browser admin = Accounts.admin(base);

        Browser.Page list = admin.open("/admin/members?q=" + username);
        assertTrue(list.text().contains(username) && list.text().contains("Barbara Liskov"), list.text());

        Browser.Page page = new Browser(base).signIn(username, "substitution");
        assertEquals("/settings", page.path());
        assertEquals("Barbara Liskov", page.value("#settings\\:displayName"));
    }

    @Test
    void aTakenUsernameOrABadOneIsRefusedWithAReason() {
        String username = Accounts.newMember(base, "ken", "Ken Thompson", "unix-and-go");
        Browser admin = Accounts.admin(base);

        admin.open("/admin/members");
        Browser.Page taken = admin.submit("create",
                Map.of("username", username, "displayName", "Another Ken", "password", "something-long"), "create");
        assertTrue(taken.messages().contains("The username '" + username + "' is taken."), taken.messages());

        Browser.Page bad = admin.submit("create",
                Map.of("username", "<script>", "displayName", "X", "password", "something-long"), "create");
        assertTrue(bad.messages().contains("cannot be a username"), bad.messages());
        assertTrue(bad.document().select("script").stream().noneMatch(s -> s.html().contains("<script>")),
                "the refused name is shown as text");

        Browser.Page shortPassword = admin.submit("create",
                Map.of("username", Accounts.unique("dennis"), "displayName", "Dennis", "password", "short"), "create");
        assertTrue(shortPassword.messages().contains("at least 8 characters"), shortPassword.messages());
    }

    @Test
    void aDisabledMemberIsSignedOutAndCannotSignInUntilEnabledAgain() {
        String username = Accounts.newMember(base, "linus", "Linus", "kernel-hacker");
        Browser admin = Accounts.admin(base);
        Browser linus = new Browser(base);
        assertEquals("/settings", linus.signIn(username, "kernel-hacker").path());

        press(admin, username, "disable");
        Browser.Page ended = linus.open("/settings");
        assertEquals("/signin", ended.path(), "the open session stopped working");
        assertTrue(ended.text().contains("Your session has ended: your account is disabled."), ended.text());

        Browser.Page refused = new Browser(base).signIn(username, "kernel-hacker");
        assertEquals("/signin", refused.path());
        assertEquals("This account is disabled. Ask an administrator to enable it.", refused.messages());

        press(admin, username, "enable");
        assertEquals("/settings", new Browser(base).signIn(username, "kernel-hacker").path());
    }

    @Test
    void anAdminResetsAPassword() {
        String username = Accounts.newMember(base, "margaret", "Margaret Hamilton", "apollo-eleven");
        Browser admin = Accounts.admin(base);

        admin.open("/admin/members");
        Browser.Page reset = admin.submit("reset", Map.of("who", username, "newPassword", "lunar-module"), "reset");
        assertTrue(reset.messages().contains("Set a new password for " + username + "."), reset.messages());

        assertEquals("/settings", new Browser(base).signIn(username, "lunar-module").path());
    }

    @Test
    void membersWhoAreNotAdminsCannotOpenTheAdminPages() {
        String username = Accounts.newMember(base, "eve", "Eve", "curious-member");
        Browser eve = new Browser(base);
        eve.signIn(username, "curious-member");

        Browser.Page page = eve.open("/admin/members");
        assertEquals(403, page.status());
        assertTrue(page.text().contains("Your account may not open this page."), page.text());
    }

    @Test
    void theLastAdminCannotBeDisabled() {
        Browser admin = Accounts.admin(base);
        Browser.Page page = press(admin, "admin", "disable");
        assertTrue(page.messages().contains("'admin' is the last enabled administrator and stays enabled."), page.messages());
    }

    /**
     * Two admins, each with the members page open on the other's row, press "disable" at the same instant: one of
     * them is disabled and the other is told it is the last enabled administrator, never both disabled. Before the
     * administrators' rows were locked, each counted two enabled administrators and both went ahead, which left
     * Parley without one. Three rounds; each ends as it began, 'admin' the only administrator.
     */
    @Test
    void twoAdminsDisablingEachOtherAtOnceLeaveOneOfThemEnabled() {
        String grace = Accounts.newMember(base, "grace", "Grace Hopper", "first-compiler");
        for (int round = 0; round < 3; round++) {
            Browser admin = Accounts.admin(base);
            press(admin, grace, "makeAdmin");
            Browser other = new Browser(base);
            other.signIn(grace, "first-compiler");
            String disableGrace = button(admin, grace, "disable");
            String disableAdmin = button(other, "admin", "disable");

            List<String> told = AtOnce.<Browser.Page>all(List.of(() -> admin.submit("list", Map.of(), disableGrace),
                    () -> other.submit("list", Map.of(), disableAdmin))).stream().map(Browser.Page::messages).toList();

            boolean graceDisabled = told.get(0).contains("Disabled " + grace + ". Their sessions have ended.");
            boolean adminDisabled = told.get(1).contains("Disabled admin. Their sessions have ended.");
            assertTrue(graceDisabled != adminDisabled, "exactly one of the two is disabled: " + told);
            String survivor = graceDisabled ? "admin" : grace;
            String refusal = "'" + survivor + "' is the last enabled administrator and stays enabled.";
            assertTrue(told.get(graceDisabled ? 1 : 0).contains(refusal), "the other is told why it stays: " + told);
            assertEquals("/signin", (graceDisabled ? other : admin).open("/admin/members").path(),
                    "the disabled one's session ended");
            Browser kept = graceDisabled ? admin : other;
            assertEquals("/admin/members", kept.open("/admin/members").path(), "the one left still runs Parley");

            // back to the start: both enabled, 'admin' the only administrator
            press(kept, graceDisabled ? grace : "admin", "enable");
            press(Accounts.admin(base), grace, "removeAdmin");
        }
        assertTrue(press(Accounts.admin(base), "admin", "disable").messages()
                .contains("'admin' is the last enabled administrator and stays enabled."), "'admin' is the only one again");
    }

    /**
     * Two admins create a member with one username at the same instant: it is created once, and the other admin is
     * told the username is taken, on the page, with nothing at WARNING or SEVERE in the log. Three rounds.
     */
    @Test
    void twoAdminsCreatingOneUsernameAtOnceCreateItOnce() {
        for (int round = 0; round < 3; round++) {
            String username = Accounts.unique("twin");
            Browser first = Accounts.admin(base);
            Browser second = Accounts.admin(base);
            first.open("/admin/members");
            second.open("/admin/members");
            Map<String, String> form = Map.of("username", username, "displayName", "Twin", "password", "twin-password");

            List<Browser.Page> pages;
            try (ServerLog log = ServerLog.capture()) {
                pages = AtOnce.all(List.of(() -> first.submit("create", form, "create"),
                        () -> second.submit("create", form, "create")));
                assertEquals(List.of(), log.problems(), "one username created twice at once: nothing at SEVERE or WARNING");
            }

            List<String> told = pages.stream().map(p -> p.status() + " " + p.messages()).toList();
            assertTrue(pages.stream().allMatch(p -> p.status() == 200), "both admins get the page: " + told);
            assertEquals(1, pages.stream().filter(p -> p.messages().contains("Created " + username + ".")).count(),
                    "created once: " + told);
            assertEquals(1, pages.stream().filter(p -> p.messages().contains("The username '" + username + "' is taken."))
                    .count(), "the other is told it is taken: " + told);
            assertEquals("/settings", new Browser(base).signIn(username, "twin-password").path());
        }
    }

    /** Presses a row's button (edit, disable, enable, startReset, rotate, makeAdmin, removeAdmin) on the members page. */
    static Browser.Page press(Browser admin, String username, String button) {
        return admin.submit("list", Map.of(), button(admin, username, button));
    }

    /** Opens the members page on {@code username}'s row and answers the id of its {@code button} within the form. */
    private static String button(Browser admin, String username, String button) {
        Browser.Page list = admin.open("/admin/members?q=" + username);
        for (Element row : list.document().select("#list\\:members tbody tr")) {
            if (row.child(0).text().equals(username)) {
                return row.selectFirst("[id$=:" + button + "]").id().substring("list:".length());
            }
        }
        throw new AssertionError(username + " is not listed: " + list.text());
    }
}
