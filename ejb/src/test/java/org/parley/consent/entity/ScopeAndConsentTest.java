package org.parley.consent.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeAndConsentTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void scopesAreTheTwoKnownOnesSpaceSeparated() {
        assertEquals(Optional.of(Set.of(Scope.PRESENCE, Scope.CHAT_SIGNIN)), Scope.parse("presence chat.signin"));
        assertEquals(Optional.empty(), Scope.parse("presence admin"));
        assertEquals(Optional.empty(), Scope.parse("PRESENCE"));
        assertEquals(Optional.of(EnumSet.noneOf(Scope.class)), Scope.parse(""));
        assertEquals("presence chat.signin", Scope.format(EnumSet.of(Scope.CHAT_SIGNIN, Scope.PRESENCE)));
    }

    @Test
    void approvingAgainAddsScopesAndRestartsTheYear() {
        Consent consent = new Consent("ada", "wiki", Set.of(Scope.PRESENCE), NOW, NOW.plus(Duration.ofDays(365)));
        Instant later = NOW.plus(Duration.ofDays(100));
        consent.renew(Set.of(Scope.CHAT_SIGNIN), later, later.plus(Duration.ofDays(365)));
        assertEquals(Set.of(Scope.PRESENCE, Scope.CHAT_SIGNIN), consent.getScopes());
        assertTrue(consent.isActive(NOW.plus(Duration.ofDays(400))));
    }

    @Test
    void aConsentIsRevokedOnce() {
        Consent consent = new Consent("ada", "wiki", Set.of(Scope.PRESENCE), NOW, NOW.plus(Duration.ofDays(365)));
        assertTrue(consent.revoke(NOW, "by the member"));
        assertFalse(consent.revoke(NOW.plusSeconds(1), "again"));
        assertFalse(consent.isActive(NOW.plusSeconds(2)));
        assertEquals("by the member", consent.getRevokedWhy());
    }

    @Test
    void anAccessTokenEndsAtItsExpiryOrItsConsentsWhicheverComesFirst() {
        Consent consent = new Consent("ada", "wiki", Set.of(Scope.PRESENCE), NOW, NOW.plus(Duration.ofDays(365)));
        GrantToken early = new GrantToken("a", GrantToken.Kind.ACCESS, consent.getId(), NOW, NOW.plus(Duration.ofHours(1)));
        GrantToken late = new GrantToken("b", GrantToken.Kind.ACCESS, consent.getId(), NOW, NOW.plus(Duration.ofDays(400)));
        assertEquals(NOW.plus(Duration.ofHours(1)), consent.endOf(early));
        assertEquals(NOW.plus(Duration.ofDays(365)), consent.endOf(late), "no token outlives its consent");
    }

    @Test
    void aTokenIsRevokedOnce() {
        GrantToken token = new GrantToken("a", GrantToken.Kind.ACCESS, "consent", NOW, NOW.plus(Duration.ofHours(1)));
        assertTrue(token.revoke(NOW));
        assertFalse(token.revoke(NOW.plusSeconds(1)), "told once, so its end is announced once");
        assertFalse(token.isValid(NOW.plusSeconds(2)));
    }

    @Test
    void aRotatedSecretKeepsTheOldOneForTheOverlapOnly() {
        Application app = new Application("wiki", "Wiki", java.util.List.of("https://wiki/cb"), null,
                org.parley.consent.control.TokenDigests.of("old-secret"), NOW);
        app.rotateSecret(org.parley.consent.control.TokenDigests.of("new-secret"), NOW.plus(Duration.ofDays(7)));
        String oldHash = org.parley.consent.control.TokenDigests.of("old-secret");
        String newHash = org.parley.consent.control.TokenDigests.of("new-secret");
        assertTrue(app.secretMatches(newHash, NOW));
        assertTrue(app.secretMatches(oldHash, NOW.plus(Duration.ofDays(6))));
        assertFalse(app.secretMatches(oldHash, NOW.plus(Duration.ofDays(7))));
        assertFalse(app.secretMatches(org.parley.consent.control.TokenDigests.of("guess"), NOW));
    }
}
