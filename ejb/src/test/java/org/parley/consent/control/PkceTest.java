package org.parley.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void theS256ChallengeIsTheRfcExample() {
        assertEquals(CHALLENGE, Pkce.challengeOf(VERIFIER));
        assertTrue(Pkce.verifies(VERIFIER, CHALLENGE));
        assertTrue(Pkce.validChallenge(CHALLENGE));
    }

    @Test
    void aWrongMissingOrMalformedVerifierFails() {
        assertFalse(Pkce.verifies(VERIFIER.replace('d', 'e'), CHALLENGE));
        assertFalse(Pkce.verifies(null, CHALLENGE));
        assertFalse(Pkce.verifies("short", Pkce.challengeOf("short")), "fewer than 43 characters");
        assertFalse(Pkce.validChallenge("plain-challenge"));
    }
}
