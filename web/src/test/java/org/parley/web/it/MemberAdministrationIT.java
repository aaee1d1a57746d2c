package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Presses a row's button (edit, disable, enable, startReset, rotate, makeAdmin, removeAdmin) on the members page. */
    static Browser.Page press(Browser admin, String username, String button) {
        Browser.Page list = admin.open("/admin/members?q=" + username);
        for (Element row : list.document().select("#list\\:members tbody tr")) {
            if (row.child(0).text().equals(username)) {
                Element pressed = row.selectFirst("[id$=:" + button + "]");
                String id = pressed.id();
                return admin.submit("list", Map.of(), id.substring("list:".length()));
            }
        }
        throw new AssertionError(username + " is not listed: " + list.text());
    }
}
