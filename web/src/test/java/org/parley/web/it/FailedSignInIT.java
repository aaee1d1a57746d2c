package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wrong passwords and unknown usernames. One test only: the slow-down is per address too,
 * and every test signs in from 127.0.0.1, so this class has a server of its own.
 */
class FailedSignInIT extends ParleyDeployment {

    private static final String WRONG = "Wrong username or password.";

    @Test
    void unknownUserAndWrongPasswordLookTheSameAndFiveFailuresSlowTheAccountDown() {
        String username = Accounts.newMember(base, "mallory-target", "Target", "the-right-password");

        List<Long> wrongPasswordMillis = new ArrayList<>();
        List<Long> unknownUserMillis = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            wrongPasswordMillis.add(timedFailure(username, "a-wrong-password"));
            unknownUserMillis.add(timedFailure(Accounts.unique("nobody"), "a-wrong-password"));
        }
        long wrong = Collections.min(wrongPasswordMillis);
        long unknown = Collections.min(unknownUserMillis);
        assertTrue(unknown * 2 >= wrong,
                "an unknown username must not answer much faster than a wrong password: " + unknown + " ms vs " + wrong + " ms");

        assertFailure(username, "a-wrong-password", WRONG);
        try (ServerLog log = ServerLog.capture()) {
            Browser.Page slowed = new Browser(base).signIn(username, "the-right-password");
            assertEquals("/signin", slowed.path(), "even the right password waits");
            assertTrue(slowed.messages().startsWith("Too many failed sign-ins. Try again in "), slowed.messages());
            // trying on while slowed down is noted once a minute per address, not once a try (found by attacking from
            // outside: each try wrote an audit row, kept for a year, and a log line, dozens a second)
            for (int i = 0; i < 10; i++) {
                Browser.Page again = new Browser(base).signIn(Accounts.unique("guess"), "a-wrong-password");
                assertTrue(again.messages().startsWith("Too many failed sign-ins. Try again in "), again.messages());
            }
            log.await(2, record -> record.contains("slowed down for"), Socket.WAIT, "the first refusal while slowed down");
            assertEquals(1, log.records().stream().filter(record -> record.contains("Refused a sign-in for")
                    && record.contains("slowed down for")).count(), "one log line: " + String.join("\n", log.records()));
            assertEquals(1, log.records().stream().filter(record -> record.contains("Audit: ")
                    && record.contains("slowed down for")).count(), "one audit entry: " + String.join("\n", log.records()));
        }
    }

    private long timedFailure(String username, String password) {
        long start = System.nanoTime();
        assertFailure(username, password, WRONG);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void assertFailure(String username, String password, String message) {
        Browser.Page page = new Browser(base).signIn(username, password);
        assertEquals("/signin", page.path());
        assertEquals(message, page.messages());
    }
}
