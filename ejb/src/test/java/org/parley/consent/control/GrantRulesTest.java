package org.parley.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.consent.control.GrantRules.Verdict;
import org.parley.consent.entity.Consent;
import org.parley.consent.entity.GrantToken;
import org.parley.consent.entity.Scope;

class GrantRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private final Consent consent = new Consent("ada", "wiki", Set.of(Scope.PRESENCE), NOW, NOW.plus(Duration.ofDays(365)));

    private GrantToken refresh() {
        return new GrantToken(TokenDigests.of(TokenDigests.newToken()), GrantToken.Kind.REFRESH, consent.getId(), NOW,
                consent.getExpiresAt());
    }

    @Test
    void aFreshRefreshTokenIsRedeemableOnceThenItsReuseIsDetected() {
        GrantToken token = refresh();
        assertEquals(Verdict.REDEEMABLE, GrantRules.judge(token, consent, "wiki", NOW));
        token.use(NOW);
        assertEquals(Verdict.REUSED, GrantRules.judge(token, consent, "wiki", NOW.plusSeconds(5)));
    }

    @Test
    void rotationHandsOutANewTokenThatIsRedeemableWhileTheOldIsReused() {
        GrantToken first = refresh();
        first.use(NOW);
        GrantToken second = refresh();
        assertEquals(Verdict.REDEEMABLE, GrantRules.judge(second, consent, "wiki", NOW));
        assertEquals(Verdict.REUSED, GrantRules.judge(first, consent, "wiki", NOW));
    }

    @Test
    void anotherClientsTokenIsInvalid() {
        assertEquals(Verdict.INVALID, GrantRules.judge(refresh(), consent, "other-site", NOW));
        assertEquals(Verdict.INVALID, GrantRules.judge(null, consent, "wiki", NOW));
    }

    @Test
    void aCodeLivesSixtySeconds() {
        GrantToken code = GrantToken.code("h", consent.getId(), NOW, NOW.plusSeconds(60), "https://wiki/cb", null);
        assertEquals(Verdict.REDEEMABLE, GrantRules.judge(code, consent, "wiki", NOW.plusSeconds(59)));
        assertEquals(Verdict.INVALID, GrantRules.judge(code, consent, "wiki", NOW.plusSeconds(60)));
    }

    @Test
    void nothingUnderARevokedOrExpiredConsentIsRedeemable() {
        GrantToken token = refresh();
        assertEquals(Verdict.INVALID, GrantRules.judge(token, consent, "wiki", NOW.plus(Duration.ofDays(366))));
        consent.revoke(NOW, "by the member");
        assertEquals(Verdict.INVALID, GrantRules.judge(token, consent, "wiki", NOW.plusSeconds(1)));
    }

    @Test
    void aRevokedTokenIsInvalidAndAnAccessTokenIsNotSingleUse() {
        GrantToken access = new GrantToken("a", GrantToken.Kind.ACCESS, consent.getId(), NOW, NOW.plus(Duration.ofHours(1)));
        access.use(NOW);
        assertEquals(true, access.isValid(NOW.plusSeconds(10)));
        assertEquals(false, access.isValid(NOW.plus(Duration.ofHours(1))), "an access token lives one hour");
        access.revoke(NOW);
        assertEquals(false, access.isValid(NOW.plusSeconds(10)));
    }
}
