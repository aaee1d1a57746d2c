package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Parley run as the README runs it, in a process of its own with the configuration a test gives
 * it: stopped and started again, the H2 file database keeps every member and setting; a database
 * that does not answer stops the start with one log line naming the keys to fix; a single node
 * listens on nothing but loopback (its data grid included); and the sweeper, with lifetimes short
 * enough to watch, leaves a valid profile chat alone.
 */
class RestartIT {

    private static final Duration START = Duration.ofMinutes(3);

    private final Path work = Path.of(System.getProperty("parley.it.data")).resolve("restart-" + System.nanoTime());

    @Test
    void membersAndSettingsSurviveARestart() {
        Map<String, String> environment = Map.of(
                "PARLEY_DATA_DIR", work.resolve("data").toString(),
                "PARLEY_ADMIN_PASSWORD", Deployments.ADMIN_PASSWORD);
        String username = Accounts.unique("survivor");
        try (MicroProcess first = MicroProcess.start(work, environment)) {
            Browser admin = Accounts.admin(first.awaitParley(START));
            Accounts.createMember(admin, username, "Survivor", "still-here-after");
            Browser survivor = new Browser(first.awaitParley(START));
            survivor.signIn(username, "still-here-after");
            Browser.Page saved = survivor.submit("settings", Map.of("personalMessage", "Back soon"), "save");
            assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());
        }

        try (MicroProcess second = MicroProcess.start(work, environment)) {
            Browser.Page page = new Browser(second.awaitParley(START)).signIn(username, "still-here-after");
            assertEquals("/settings", page.path(), page.text());
            assertEquals("Survivor", page.value("#settings\\:displayName"));
            assertEquals("Back soon", page.value("#settings\\:personalMessage"));
            assertFalse(second.log().contains("Created the first administrator"), "the first admin is created once");
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerStopsTheStartWithOneClearLine() {
        Map<String, String> environment = Map.of(
                "PARLEY_DB_URL", "jdbc:postgresql://127.0.0.1:1/parley?connectTimeout=2",
                "PARLEY_DB_USER", "parley",
                "PARLEY_DB_PASSWORD", "not-shown");
        try (MicroProcess micro = MicroProcess.start(work, environment).awaitReady(START)) {
            String log = micro.log();
            assertTrue(log.lines().anyMatch(line -> line.contains("SEVERE") && line.contains(
                            "Parley cannot use its database at parley.db.url=jdbc:postgresql://127.0.0.1:1/parley")),
                    "one severe line names the key:\n" + micro.tail());
            assertTrue(log.contains("Check parley.db.url, parley.db.user and parley.db.password"), micro.tail());
            assertFalse(log.contains("not-shown"), "the password never reaches the log");
        }
    }

    @Test
    void aSingleNodeListensOnLoopbackOnlyItsDataGridIncluded() {
        Map<String, String> environment = Map.of(
                "PARLEY_DATA_DIR", work.resolve("data").toString(),
                "PARLEY_ADMIN_PASSWORD", Deployments.ADMIN_PASSWORD);
        try (MicroProcess micro = MicroProcess.start(work, environment)) {
            Accounts.admin(micro.awaitParley(START));
            List<InetSocketAddress> listening = micro.listening();
            assertTrue(listening.stream().anyMatch(a -> a.getPort() == micro.port()),
                    "the HTTP listener is among what the process listens on: " + listening);
            List<InetSocketAddress> reachable = listening.stream().filter(a -> !a.getAddress().isLoopbackAddress()).toList();
            assertEquals(List.of(), reachable, "told to serve HTTP on 127.0.0.1, nothing listens beyond loopback "
                    + "(Payara's data grid listens on port 6900 and up); all: " + listening);
        }
    }

    @Test
    void theSweeperLeavesTheProfileChatOnWhileTheMemberHoldsANewPermissionToken() {
        Map<String, String> environment = Map.of(
                "PARLEY_DATA_DIR", work.resolve("data").toString(),
                "PARLEY_ADMIN_PASSWORD", Deployments.ADMIN_PASSWORD,
                "PARLEY_TOKEN_CONSENT_TTL", "PT15S",
                "PARLEY_CONSENT_RETENTION", "PT8S",
                "PARLEY_CONSENT_SWEEP_INTERVAL", "PT1S");
        String username = Accounts.unique("profile");
        try (MicroProcess micro = MicroProcess.start(work, environment)) {
            URL base = micro.awaitParley(START);
            Accounts.createMember(Accounts.admin(base), username, "Pat Profile", "a-good-password");
            Browser member = new Browser(base);
            member.signIn(username, "a-good-password");
            acquirePermissionToken(member);
            awaitSettings(member, page -> connectedSites(page).equals(List.of("expired")), "the first token lapses");

            acquirePermissionToken(member);
            Browser.Page saved = member.submit("settings", Map.of("profileChat", "on"), "save");
            assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());
            assertEquals(List.of("active", "expired"), connectedSites(saved));

            awaitSettings(member, page -> connectedSites(page).equals(List.of("active")),
                    "the sweeper ran while the new token is valid: it removed the lapsed one");
            Browser.Page settings = member.open("/settings");
            assertTrue(settings.document().selectFirst("#settings\\:profileChat").hasAttr("checked"),
                    "the profile chat is still on: " + settings.text());
            assertNotNull(new Browser(base).open("/people/" + username).document().getElementById("chat"),
                    "the public profile still shows the chat control");

            awaitSettings(member, page -> !page.document().selectFirst("#settings\\:profileChat").hasAttr("checked"),
                    "once no valid token is left, the sweeper turns the profile chat off");
            assertNull(new Browser(base).open("/people/" + username).document().getElementById("chat"));
        }
    }

    /** Runs the consent flow for Parley's own pages from the settings page, as the member's browser does. */
    private static void acquirePermissionToken(Browser member) {
        member.open("/settings");
        Browser.Page consent = member.submit("token", Map.of(), "acquire");
        assertTrue(consent.path().startsWith("/oauth/authorize"), consent.uri() + "\n" + consent.text());
        Browser.Page back = member.submit("authorize", Map.of(), "approve");
        assertEquals("/settings", back.path(), back.text());
        assertTrue(back.messages().contains("Permission token acquired"), back.messages());
    }

    /** The state of each connected site on the settings page, newest first. */
    private static List<String> connectedSites(Browser.Page settings) {
        return settings.document().select("table#sites tbody tr").stream().map(row -> row.child(5))
                .map(Element::text).toList();
    }

    /** Opens the settings page again and again until it shows what is expected; fails past the deadline. */
    private static void awaitSettings(Browser member, Predicate<Browser.Page> expected, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Browser.Page page = member.open("/settings");
        while (!expected.test(page)) {
            assertTrue(Instant.now().isBefore(deadline), what + " within 60 s: " + page.text());
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            page = member.open("/settings");
        }
    }
}
