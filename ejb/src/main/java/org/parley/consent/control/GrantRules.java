package org.parley.consent.control;

import java.time.Instant;
import org.parley.consent.entity.Consent;
import org.parley.consent.entity.GrantToken;

/**
 * Whether a presented code or refresh token may be redeemed: it must belong to the presenting
 * client's consent, be unexpired and unrevoked, and never have been used. A used one coming back
 * is {@link Verdict#REUSED}: someone else has (or had) it, so the whole consent goes.
 */
public final class GrantRules {

    public enum Verdict { REDEEMABLE, REUSED, INVALID }

    private GrantRules() {
    }

    public static Verdict judge(GrantToken grant, Consent consent, String clientId, Instant now) {
        if (grant == null || consent == null || !consent.getApplication().equals(clientId)) {
            return Verdict.INVALID;
        }
        if (grant.wasUsed()) {
            return Verdict.REUSED;
        }
        return grant.isValid(now) && consent.isActive(now) ? Verdict.REDEEMABLE : Verdict.INVALID;
    }
}
