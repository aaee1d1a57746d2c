package org.parley.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CidTest {

    @Test
    void aCidIsSixteenUpperCaseHexDigits() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            String cid = Cid.random(random);
            assertTrue(cid.matches("[0-9A-F]{16}"), cid);
        }
    }

    @Test
    void randomCidsDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(Cid.random(random)), "repeated after " + i);
        }
    }

    @Test
    void aTakenCidIsSkippedForTheNextOne() {
        long seed = 42;
        String first = Cid.random(new SplittableRandom(seed));
        String unique = Cid.unique(new SplittableRandom(seed), first::equals);
        assertFalse(unique.equals(first));
        assertTrue(Cid.isValid(unique));
    }

    @Test
    void aRandomSourceThatOnlyRepeatsItselfIsReported() {
        assertThrows(IllegalStateException.class, () -> Cid.unique(new SplittableRandom(1), cid -> true));
    }

    @Test
    void theDomainPartIsIgnoredAndCaseDoesNotMatter() {
        assertEquals(Optional.of("3F2A9C41D07B55E1"), Cid.parse("3F2A9C41D07B55E1"));
        assertEquals(Optional.of("3F2A9C41D07B55E1"), Cid.parse("3f2a9c41d07b55e1@intranet.example"));
        assertEquals(Optional.empty(), Cid.parse("3F2A9C41D07B55E"));
        assertEquals(Optional.empty(), Cid.parse("3F2A9C41D07B55EZ"));
        assertEquals(Optional.empty(), Cid.parse("<script>@x"));
        assertEquals(Optional.empty(), Cid.parse(null));
    }
}
