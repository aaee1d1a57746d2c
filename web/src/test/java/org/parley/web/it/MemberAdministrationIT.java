package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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
            OneOfTwo pressed = eachOtherAtOnce(grace, "first-compiler", "disable",
                    name -> "Disabled " + name + ". Their sessions have ended.",
                    name -> "'" + name + "' is the last enabled administrator and stays enabled.");
            assertEquals("/signin", pressed.hit().open("/admin/members").path(), "the disabled one's session ended");
            assertEquals("/admin/members", pressed.kept().open("/admin/members").path(), "the one left still runs Parley");

            // back to the start: both enabled, 'admin' the only administrator
            press(pressed.kept(), pressed.memberHit() ? grace : "admin", "enable");
            press(Accounts.admin(base), grace, "removeAdmin");
        }
        assertTrue(press(Accounts.admin(base), "admin", "disable").messages()
                .contains("'admin' is the last enabled administrator and stays enabled."), "'admin' is the only one again");
    }

    /**
     * Two admins, each with the members page open on the other's row, press "remove admin" at the same instant: one of
     * them is a member again, the other is told it is the last enabled administrator and stays one, and the one demoted
     * may no longer open the admin pages. Three rounds; each ends as it began, 'admin' the only administrator.
     */
    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneOfThemAnAdministrator() {
        String grace = Accounts.newMember(base, "brewster", "Grace Brewster Murray", "mark-one");
        for (int round = 0; round < 3; round++) {
            OneOfTwo pressed = eachOtherAtOnce(grace, "mark-one", "removeAdmin",
                    name -> name + " is no longer an administrator.",
                    name -> "'" + name + "' is the last enabled administrator and stays one.");
            assertEquals(403, pressed.hit().open("/admin/members").status(), "the demoted one is a member");
            assertEquals(200, pressed.kept().open("/admin/members").status(), "the one left still runs Parley");

            // back to the start: 'admin' the only administrator
            if (!pressed.memberHit()) {
                press(pressed.kept(), "admin", "makeAdmin");
                press(Accounts.admin(base), grace, "removeAdmin");
            }
        }
        assertTrue(press(Accounts.admin(base), "admin", "removeAdmin").messages()
                .contains("'admin' is the last enabled administrator and stays one."), "'admin' is the only one again");
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

    /** Which of the two a button pressed at once hit ({@code memberHit}: the member, not 'admin'), and their browsers. */
    private record OneOfTwo(boolean memberHit, Browser hit, Browser kept) {
    }

    /**
     * 'admin' makes {@code member} an administrator; then each, signed in in a browser of their own, presses {@code
     * button} on the other's row at the same instant. Exactly one of the two is told {@code done} of the other, and the
     * other is told {@code refused} of themselves: which, and their browsers.
     */
    private OneOfTwo eachOtherAtOnce(String member, String password, String button, UnaryOperator<String> done,
                                     UnaryOperator<String> refused) {
        Browser admin = Accounts.admin(base);
        press(admin, member, "makeAdmin");
        Browser other = new Browser(base);
        other.signIn(member, password);
        String onMember = button(admin, member, button);
        String onAdmin = button(other, "admin", button);
        List<String> told = AtOnce.<Browser.Page>all(List.of(() -> admin.submit("list", Map.of(), onMember),
                () -> other.submit("list", Map.of(), onAdmin))).stream().map(Browser.Page::messages).toList();

        boolean memberHit = told.get(0).contains(done.apply(member));
        boolean adminHit = told.get(1).contains(done.apply("admin"));
        assertTrue(memberHit != adminHit, "exactly one of the two: " + told);
        assertTrue(told.get(memberHit ? 1 : 0).contains(refused.apply(memberHit ? "admin" : member)),
                "the other is told why not: " + told);
        return new OneOfTwo(memberHit, memberHit ? other : admin, memberHit ? admin : other);
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
