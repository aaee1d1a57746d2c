package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The boundaries check the caller's role themselves, whatever page or endpoint calls them: every
 * administrator's method of every boundary refuses a member; and for the operations boundaries
 * (settings, dashboard figures, disconnect) a member, or someone not signed in, is refused
 * by every admin method; an admin passes the role check, and a bad argument is refused before
 * anything changes. Parley with a test-only servlet ({@link BoundaryProbe}) calling the boundaries
 * as the signed-in caller.
 */
@ExtendWith(ArquillianExtension.class)
class OperationsBoundaryIT {

    private static final List<String> CALLS = List.of("settings.now", "settings.configured", "settings.change",
            "operations.figures", "operations.disconnect");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.parley().addClass(BoundaryProbe.class);
    }

    @ArquillianResource
    URL deployed;

    URL base;

    @BeforeEach
    void onLoopback() {
        base = Deployments.onLoopback(deployed);
    }

    @Test
    void aMemberIsRefusedByEveryAdminMethod() {
        String username = Accounts.newMember(base, "mallory", "Mallory", "not-an-admin");
        Browser member = new Browser(base);
        member.signIn(username, "not-an-admin");
        for (String call : CALLS) {
            assertEquals("refused", call(member, call), call);
        }
    }

    @Test
    void aMemberIsRefusedByEveryAdminMethodOfEveryBoundary() {
        String username = Accounts.newMember(base, "eve", "Eve", "not-an-admin");
        Browser member = new Browser(base);
        member.signIn(username, "not-an-admin");
        List<String> outcomes = call(member, "every-admin-method").lines().toList();
        assertTrue(outcomes.size() >= 20, "every administrator's method is tried: " + outcomes);
        assertEquals(List.of(), outcomes.stream().filter(line -> !line.endsWith(" refused")).toList(),
                "refused to a member: " + outcomes);
    }

    @Test
    void someoneNotSignedInIsRefusedByEveryAdminMethod() {
        Browser anonymous = new Browser(base);
        for (String call : CALLS) {
            assertEquals("refused", call(anonymous, call), call);
        }
    }

    @Test
    void anAdminPassesTheRoleCheckAndBadArgumentsChangeNothing() {
        Browser admin = Accounts.admin(base);
        assertEquals("allowed", call(admin, "settings.now"));
        assertEquals("allowed", call(admin, "settings.configured"));
        assertEquals("allowed", call(admin, "operations.figures"));
        assertEquals("invalid", call(admin, "settings.change"), "a negative lifetime is refused");
        assertEquals("invalid", call(admin, "operations.disconnect"), "a socket must be named");
        Browser.Page settings = admin.open("/admin/settings");
        assertEquals("PT1H", settings.value("#settings\\:ACCESS_TTL"), "the refused lifetime was not saved");
    }

    @Test
    void eightAdminsSavingTheSameNewSettingAtOnceAreAllAnsweredAndItIsSavedOnce() throws Exception {
        int admins = 8;
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < admins; i++) {
            Browser admin = Accounts.admin(base);
            admin.open("/admin/settings");
            browsers.add(admin);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(admins);
        try {
            List<Future<Browser.Page>> saves = new ArrayList<>();
            for (Browser admin : browsers) {
                saves.add(pool.submit(() -> {
                    start.await();
                    return admin.submit("settings", Map.of("TICKET_TTL", "PT4M"), "save");
                }));
            }
            start.countDown();
            for (Future<Browser.Page> save : saves) {
                Browser.Page page = save.get(60, TimeUnit.SECONDS);
                assertEquals(200, page.status(), page.text());
                assertEquals("/admin/settings", page.path());
                assertFalse(page.messages().isEmpty(), "each admin is told what happened: " + page.text());
            }
        } finally {
            pool.shutdownNow();
        }
        Browser admin = browsers.get(0);
        assertEquals("PT4M", admin.open("/admin/settings").value("#settings\\:TICKET_TTL"));
        // the database outlives this deployment: the next test classes get the configured lifetime back
        admin.submit("settings", Map.of("TICKET_TTL", ""), "save");
        assertEquals("PT5M", admin.open("/admin/settings").value("#settings\\:TICKET_TTL"));
    }

    private String call(Browser caller, String call) {
        return caller.raw(HttpRequest.newBuilder(caller.base().resolve("it/boundaries?call=" + call)).GET().build()).body();
    }
}
