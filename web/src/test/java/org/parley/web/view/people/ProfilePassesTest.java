package org.parley.web.view.people;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProfilePassesTest {

    private static final String CID = "3F2A9C41D07B55E1";

    /** A clock the test moves on. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();

    private ProfilePasses passes() {
        ProfilePasses passes = new ProfilePasses(clock);
        passes.makeKey();
        return passes;
    }

    @Test
    void aPassAdmitsItsOwnCidUntilItExpires() {
        ProfilePasses passes = passes();
        String pass = passes.issue(CID);
        assertTrue(passes.admits(CID, pass));
        clock.now = clock.now.plus(ProfilePasses.VALIDITY).minusSeconds(1);
        assertTrue(passes.admits(CID, pass), "still within its validity");
        clock.now = clock.now.plusSeconds(1);
        assertFalse(passes.admits(CID, pass), "expired");
    }

    @Test
    void aPassIsForOneMemberAndOneKey() {
        ProfilePasses passes = passes();
        String pass = passes.issue(CID);
        assertFalse(passes.admits("0123456789ABCDEF", pass), "another member's profile");
        assertFalse(passes().admits(CID, pass), "another key, as after a restart");
    }

    @Test
    void aLongerLifeOrAnotherMacIsRefused() {
        ProfilePasses passes = passes();
        String pass = passes.issue(CID);
        int dot = pass.indexOf('.');
        long expiry = Long.parseLong(pass.substring(0, dot));
        assertFalse(passes.admits(CID, (expiry + Duration.ofHours(1).toSeconds()) + pass.substring(dot)));
        char first = pass.charAt(dot + 1);
        assertFalse(passes.admits(CID, pass.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + pass.substring(dot + 2)));
    }

    @Test
    void onlyThePassAsIssuedIsTakenNotAnotherSpellingOfIt() {
        ProfilePasses passes = passes();
        String pass = passes.issue(CID);
        // 32 bytes in 43 base64 characters: the last one has two unused bits, which a decoder ignores
        char last = pass.charAt(pass.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sameBytes = alphabet.charAt(alphabet.indexOf(last) | 1);
        assertFalse(passes.admits(CID, pass.substring(0, pass.length() - 1) + sameBytes), "unused bits set");
        assertFalse(passes.admits(CID, "0" + pass), "a leading zero in the expiry");
        assertFalse(passes.admits(CID, "+" + pass), "a plus sign on the expiry");
    }

    @Test
    void malformedPassesAreRefused() {
        ProfilePasses passes = passes();
        String pass = passes.issue(CID);
        for (String bad : new String[] {null, "", ".", "x.y", "123", "." + pass, pass + "x".repeat(80), "9.!!"}) {
            assertFalse(passes.admits(CID, bad), String.valueOf(bad));
        }
    }
}
