package org.parley.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenDigestsTest {

    @Test
    void aTokenCarries256RandomBitsInBase64Url() {
        String token = TokenDigests.newToken();
        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(TokenDigests.newToken()));
        }
    }

    @Test
    void onlyTheSha256HashIsKept() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenDigests.of("abc"));
        String token = TokenDigests.newToken();
        assertNotEquals(token, TokenDigests.of(token));
        assertEquals(64, TokenDigests.of(token).length());
    }

    @Test
    void aTokenMatchesItsHashOnly() {
        String token = TokenDigests.newToken();
        String hash = TokenDigests.of(token);
        assertTrue(TokenDigests.matches(token, hash));
        assertFalse(TokenDigests.matches(token + "x", hash));
        assertFalse(TokenDigests.matches(null, hash));
        assertFalse(TokenDigests.sameHash(hash, null));
        assertFalse(TokenDigests.sameHash(hash, hash.substring(1)));
    }
}
