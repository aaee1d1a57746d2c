package org.parley.consent.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.consent.entity.Consent;
import org.parley.consent.entity.GrantToken;
import org.parley.consent.entity.OAuthException;
import org.parley.consent.entity.TokenResponse;

/** Issues an access token and a refresh token under a consent, in the caller's transaction. */
@Dependent
public class TokenIssuer {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    TokenLifetimes lifetimes;

    @EJB
    MemberDirectory directory;

    /**
     * Issues the tokens; refuses ({@code invalid_grant}) when the consent's member cannot sign in now (disabled, or
     * gone): a grant redeemed while the account is disabled must not leave tokens that enabling it again would wake.
     */
    public TokenResponse issue(Consent consent, Instant now) {
        if (directory.byUsername(consent.getMember()).filter(DirectoryEntry::enabled).isEmpty()) {
            throw new OAuthException("invalid_grant", "The member this grant is for cannot sign in now.");
        }
        String access = TokenDigests.newToken();
        String refresh = TokenDigests.newToken();
        em.persist(new GrantToken(TokenDigests.of(access), GrantToken.Kind.ACCESS, consent.getId(),
                now.plus(lifetimes.access())));
        em.persist(new GrantToken(TokenDigests.of(refresh), GrantToken.Kind.REFRESH, consent.getId(),
                consent.getExpiresAt()));
        consent.used(now);
        String cid = directory.byUsername(consent.getMember()).map(DirectoryEntry::cid).orElse(null);
        return new TokenResponse(access, lifetimes.access().toSeconds(), refresh, consent.getScopes(), cid);
    }

    /**
     * Revokes the consent and every token under it; true for the first caller only. Concurrent
     * revocations (a token replayed many times at once) queue on the consent's row lock and each
     * sees the state the one before left, so none fails on a stale version.
     */
    public boolean revokeAll(Consent consent, Instant now, String why) {
        em.refresh(consent, LockModeType.PESSIMISTIC_WRITE);
        if (!consent.revoke(now, why)) {
            return false;
        }
        em.createNamedQuery(GrantToken.OF_CONSENT, GrantToken.class).setParameter("consent", consent.getId())
                .getResultList().forEach(t -> t.revoke(now));
        return true;
    }
}
