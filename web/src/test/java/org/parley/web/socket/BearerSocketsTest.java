package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.consent.entity.BearerIdentity;
import org.parley.consent.entity.Scope;

class BearerSocketsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));

    private final BearerSockets sockets = new BearerSockets();

    private static Outbox outbox() {
        return new Outbox(null, 1);
    }

    private Outbox opened(String hash, String consent, String member, Instant expiresAt) {
        Outbox outbox = outbox();
        sockets.add(outbox, new BearerSockets.Token(hash, consent, member, expiresAt));
        return outbox;
    }

    @Test
    void aSocketKeepsWhatTheLookUpSaidOfItsToken() {
        BearerIdentity identity = new BearerIdentity("ada", "parley-desktop", Set.of(Scope.PRESENCE), "c1", IN_AN_HOUR);
        assertEquals(new BearerSockets.Token("h1", "c1", "ada", IN_AN_HOUR), BearerSockets.Token.of("h1", identity));
    }

    @Test
    void aRevokedTokenEndsExactlyTheSocketsOpenedWithIt() {
        Outbox desktop = opened("h1", "c1", "ada", IN_AN_HOUR);
        Outbox verifiedVisitor = opened("h1", "c1", "ada", IN_AN_HOUR);
        Outbox sameConsentNewerToken = opened("h2", "c1", "ada", IN_AN_HOUR);
        Outbox grace = opened("h3", "c2", "grace", IN_AN_HOUR);

        assertEquals(Set.of(desktop, verifiedVisitor), Set.copyOf(sockets.tokenRevoked("h1")));
        assertEquals(List.of(), sockets.tokenRevoked("h1"), "each socket is handed back once");
        assertEquals(List.of(sameConsentNewerToken), sockets.consentRevoked("c1"));
        assertEquals(List.of(grace), sockets.memberDisabled("grace"));
    }

    @Test
    void aRevokedConsentEndsEveryTokenUnderItAndNoOther() {
        Outbox first = opened("h1", "c1", "ada", IN_AN_HOUR);
        Outbox refreshed = opened("h2", "c1", "ada", IN_AN_HOUR);
        Outbox otherConsent = opened("h3", "c9", "ada", IN_AN_HOUR);

        assertEquals(Set.of(first, refreshed), Set.copyOf(sockets.consentRevoked("c1")));
        assertEquals(List.of(otherConsent), sockets.memberDisabled("ada"), "the member's other consent was untouched");
    }

    @Test
    void aDisabledMemberLosesEverySocketOfTheirTokensAndNobodyElseTheirs() {
        Outbox desktop = opened("h1", "c1", "ada", IN_AN_HOUR);
        Outbox laptop = opened("h2", "c2", "ada", IN_AN_HOUR);
        opened("h3", "c3", "grace", IN_AN_HOUR);

        assertEquals(Set.of(desktop, laptop), Set.copyOf(sockets.memberDisabled("ada")));
        assertEquals(List.of(), sockets.memberDisabled("ada"));
    }

    @Test
    void aTokenExpiresAtItsInstantAndNotBefore() {
        Outbox soon = opened("h1", "c1", "ada", NOW.plusSeconds(5));
        Outbox later = opened("h2", "c2", "grace", IN_AN_HOUR);

        assertEquals(List.of(), sockets.expired(NOW.plusSeconds(4)));
        assertEquals(List.of(soon), sockets.expired(NOW.plusSeconds(5)));
        assertEquals(List.of(), sockets.expired(NOW.plusSeconds(6)), "handed back once");
        assertEquals(List.of(later), sockets.expired(IN_AN_HOUR.plusSeconds(1)));
    }

    @Test
    void aClosedSocketIsForgottenAndNoEndHandsItBack() {
        Outbox closed = opened("h1", "c1", "ada", NOW);
        assertTrue(sockets.remove(closed));
        assertFalse(sockets.remove(closed), "forgotten already");
        assertEquals(List.of(), sockets.tokenRevoked("h1"));
        assertEquals(List.of(), sockets.expired(IN_AN_HOUR));
    }

    /** What lets a socket opened while a revocation was announced look its token up again (SocketSessions#openedWithToken). */
    @Test
    void revocationsAreCountedEvenWhenTheyFindNoSocketButExpiriesAreNot() {
        long before = sockets.revocations();
        sockets.consentRevoked("nobody's");
        long afterRevocation = sockets.revocations();
        assertNotEquals(before, afterRevocation);
        sockets.tokenRevoked("h1");
        sockets.memberDisabled("ada");
        assertEquals(afterRevocation + 2, sockets.revocations());
        sockets.expired(IN_AN_HOUR);
        assertEquals(afterRevocation + 2, sockets.revocations(), "a token's expiry is no news to a look-up, which sees it too");
    }
}
