package org.parley.consent.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.consent.entity.AccessTokenRevoked;
import org.parley.consent.entity.Consent;
import org.parley.consent.entity.GrantToken;
import org.parley.consent.entity.OAuthException;
import org.parley.consent.entity.TokenResponse;

/**
 * Issues an access token and a refresh token under a consent, in the caller's transaction, and keeps what a consent
 * holds bounded however often its site refreshes or signs in again: its {@value #MOST_ACCESS_TOKENS} newest access
 * tokens, its {@value #MOST_REFRESH_TOKENS} newest unused refresh tokens (one per device or server signed in with it:
 * the desktop client on a member's machines shares one consent) and its {@value #MOST_USED_REFRESH_TOKENS} most
 * recently used refresh tokens, kept to recognise one coming back. Before, each refresh left one more row for the
 * consent's year.
 */
@Dependent
public class TokenIssuer {

    public static final int MOST_ACCESS_TOKENS = 20;
    public static final int MOST_REFRESH_TOKENS = 20;
    public static final int MOST_USED_REFRESH_TOKENS = 100;

    private static final Logger LOG = Logger.getLogger(TokenIssuer.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    TokenLifetimes lifetimes;

    @EJB
    MemberDirectory directory;

    @Inject
    Event<AccessTokenRevoked> tokenRevoked;

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
        em.persist(new GrantToken(TokenDigests.of(access), GrantToken.Kind.ACCESS, consent.getId(), now,
                now.plus(lifetimes.access())));
        em.persist(new GrantToken(TokenDigests.of(refresh), GrantToken.Kind.REFRESH, consent.getId(), now,
                consent.getExpiresAt()));
        keepNewest(consent, now);
        consent.used(now);
        String cid = directory.byUsername(consent.getMember()).map(DirectoryEntry::cid).orElse(null);
        return new TokenResponse(access, lifetimes.access().toSeconds(), refresh, consent.getScopes(), cid);
    }

    /**
     * Deletes what the consent holds past its bounds, the oldest first. An access token still valid ends as if revoked
     * (its sockets are told and closed); an unused refresh token removed signs its device out at its next refresh; a used
     * one removed only means that one coming back is refused without revoking the consent.
     */
    private void keepNewest(Consent consent, Instant now) {
        List<GrantToken> access = beyond(GrantToken.UNUSED_NEWEST_FIRST, consent, GrantToken.Kind.ACCESS, MOST_ACCESS_TOKENS);
        List<GrantToken> refresh = beyond(GrantToken.UNUSED_NEWEST_FIRST, consent, GrantToken.Kind.REFRESH,
                MOST_REFRESH_TOKENS);
        beyond(GrantToken.USED_NEWEST_FIRST, consent, GrantToken.Kind.REFRESH, MOST_USED_REFRESH_TOKENS).forEach(em::remove);
        if (access.isEmpty() && refresh.isEmpty()) {
            return;
        }
        access.forEach(token -> {
            em.remove(token);
            if (token.isValid(now)) {
                tokenRevoked.fire(new AccessTokenRevoked(token.getHash(), consent.getMember()));
            }
        });
        refresh.forEach(em::remove);
        LOG.info(() -> "Ended " + access.size() + " older access token(s) and " + refresh.size() + " older refresh token(s)"
                + " of '" + consent.getMember() + "' for the site " + consent.getApplication() + ": a site keeps at most "
                + MOST_ACCESS_TOKENS + " access tokens and " + MOST_REFRESH_TOKENS + " sign-ins for each member");
    }

    private List<GrantToken> beyond(String query, Consent consent, GrantToken.Kind kind, int most) {
        return em.createNamedQuery(query, GrantToken.class).setParameter("consent", consent.getId())
                .setParameter("kind", kind).setFirstResult(most).getResultList();
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
