package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parley run as the README runs it, stopped and started again: the H2 file database keeps
 * every member and setting. And a database that does not answer stops the start with one
 * log line naming the keys to fix.
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
}
