package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Sets up accounts the way an administrator does it: through the members page. */
public final class Accounts {

    private Accounts() {
    }

    public static Browser admin(URL base) {
        Browser admin = new Browser(base);
        Browser.Page page = admin.signIn("admin", Deployments.ADMIN_PASSWORD);
        assertEquals("/settings", page.path(), "the first administrator signs in: " + page.text());
        return admin;
    }

    /** A username no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new member with a username no other test uses, created by the first administrator; answers the username. */
    public static String newMember(URL base, String prefix, String displayName, String password) {
        String username = unique(prefix);
        createMember(admin(base), username, displayName, password);
        return username;
    }

    /** A member who shares their presence on the web, signed in in their own browser. */
    public record SharingMember(String username, String cid, Browser browser) {
    }

    public static SharingMember sharingMember(URL base, String prefix, String displayName) {
        return sharingMember(base, prefix, displayName, Map.of());
    }

    /** A member who shares on the web, created with more fields of the admin's form ({@code title}, {@code department}). */
    public static SharingMember sharingMember(URL base, String prefix, String displayName, Map<String, String> more) {
        String username = unique(prefix);
        createMember(admin(base), username, displayName, "a-good-password", more);
        Browser browser = new Browser(base);
        browser.signIn(username, "a-good-password");
        Browser.Page saved = browser.submit("settings", Map.of("webSharing", "on"), "save");
        assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());
        return new SharingMember(username, saved.value("#cid"), browser);
    }

    public static void createMember(Browser admin, String username, String displayName, String password) {
        createMember(admin, username, displayName, password, Map.of());
    }

    public static void createMember(Browser admin, String username, String displayName, String password,
                                    Map<String, String> more) {
        admin.open("/admin/members");
        Map<String, String> fields = new HashMap<>(more);
        fields.put("username", username);
        fields.put("displayName", displayName);
        fields.put("password", password);
        Browser.Page page = admin.submit("create", fields, "create");
        assertTrue(page.messages().contains("Created " + username + "."), "member created: " + page.messages());
    }

    /** An intranet site an administrator registered: its app ID, its secret (shown once) and its one redirect URL. */
    public record Site(String id, String secret, String redirect) {
    }

    /** Registers a site on the applications page, with a redirect URL no other test uses. */
    public static Site registerSite(Browser admin, String name) {
        String redirect = "https://wiki" + unique("").toLowerCase() + ".intranet/parley/callback";
        admin.open("/admin/applications");
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("redirectUris", redirect);
        form.put("privacyUrl", "https://wiki.intranet/privacy");
        Browser.Page page = admin.submit("register", form, "register");
        return new Site(page.value("#secret-app"), page.value("#secret-value"), redirect);
    }
}
