package org.parley.consent.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.parley.consent.entity.DeviceAuthorization;
import org.parley.consent.entity.GrantToken;

/**
 * Uses up what may be used once (a code, a refresh token, a visitor ticket, an approved device
 * code) with one conditional statement, in the caller's transaction. Of any number of concurrent
 * redemptions exactly one wins: the database's row lock decides, not a read that the others made
 * before the winner committed.
 */
@Dependent
public class SingleUse {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /** True for the one caller that used the token; false when it was used already, now or before. */
    public boolean use(GrantToken token, Instant now) {
        boolean won = em.createNamedQuery(GrantToken.USE).setParameter("hash", token.getHash())
                .setParameter("now", now).executeUpdate() == 1;
        if (won) {
            token.use(now);
        }
        return won;
    }

    /**
     * True for the one member whose decision on a pending device authorization counts ({@code member} approves it, or
     * denies it when {@code approve} is false); false when another decided first, now or before.
     */
    public boolean decide(DeviceAuthorization device, String member, boolean approve) {
        boolean won = em.createNamedQuery(DeviceAuthorization.DECIDE).setParameter("hash", device.getDeviceCodeHash())
                .setParameter("member", approve ? member : null).setParameter("denied", !approve).executeUpdate() == 1;
        if (won) {
            em.refresh(device);
        }
        return won;
    }

    /** True for the one poll that takes the approved authorization away; false for every other. */
    public boolean redeem(DeviceAuthorization device) {
        return em.createNamedQuery(DeviceAuthorization.REDEEM).setParameter("hash", device.getDeviceCodeHash())
                .executeUpdate() == 1;
    }
}
