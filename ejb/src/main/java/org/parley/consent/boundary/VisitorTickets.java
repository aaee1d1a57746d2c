package org.parley.consent.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.parley.consent.control.SingleUse;
import org.parley.consent.control.TokenDigests;
import org.parley.consent.control.TokenLifetimes;
import org.parley.consent.entity.BearerIdentity;
import org.parley.consent.entity.Consent;
import org.parley.consent.entity.GrantToken;
import org.parley.consent.entity.OAuthException;
import org.parley.consent.entity.Scope;

/**
 * Visitor tickets (SPEC.md §2): a site holding {@code chat.signin} for a member gets a
 * single-use, five-minute ticket that makes an IM control's visitor that verified member.
 */
@Stateless
public class VisitorTickets {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    TokenLifetimes lifetimes;

    @Inject
    SingleUse singleUse;

    /**
     * Tickets of one member's consent that may wait unused at once: a ticket is asked for when a page opens an IM
     * control for a signed-in member, and lives 5 minutes. Past it the site is refused ({@code too_many_requests})
     * until some are used or expire; before, a site could store tickets without end.
     */
    public static final int MOST_WAITING = 100;

    /** A ticket issued under the caller's consent; it exists only in this answer. */
    public record Ticket(String value, long expiresIn) {
    }

    /** Whether the consent a ticket was issued under is still in force (a socket it verified lasts no longer). */
    public boolean stillVouches(String consentId) {
        Consent consent = em.find(Consent.class, consentId);
        return consent != null && consent.isActive(Instant.now());
    }

    public Ticket issue(BearerIdentity bearer) {
        if (!bearer.allows(Scope.CHAT_SIGNIN)) {
            throw new OAuthException("insufficient_scope", "This token does not hold chat.signin.");
        }
        Instant now = Instant.now();
        long waiting = em.createNamedQuery(GrantToken.WAITING, Long.class).setParameter("consent", bearer.consentId())
                .setParameter("kind", GrantToken.Kind.VISITOR_TICKET).setParameter("now", now).getSingleResult();
        if (waiting >= MOST_WAITING) {
            throw new OAuthException("too_many_requests", "This member already has " + MOST_WAITING + " visitor tickets"
                    + " waiting: use some, or ask again once some have expired.");
        }
        String ticket = TokenDigests.newToken();
        em.persist(new GrantToken(TokenDigests.of(ticket), GrantToken.Kind.VISITOR_TICKET, bearer.consentId(), now,
                now.plus(lifetimes.ticket())));
        return new Ticket(ticket, lifetimes.ticket().toSeconds());
    }

    /** Who a redeemed ticket vouches for, and the consent it was issued under, which the verification lasts no longer than. */
    public record Vouched(String member, String consentId) {
    }

    /**
     * The member a ticket vouches for, using it up; empty when it is unknown, used (now by another
     * visitor, or before), expired or revoked.
     */
    public Optional<Vouched> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 512) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        GrantToken grant = em.find(GrantToken.class, TokenDigests.of(ticket));
        if (grant == null || grant.getKind() != GrantToken.Kind.VISITOR_TICKET || !grant.isValid(now)) {
            return Optional.empty();
        }
        Consent consent = em.find(Consent.class, grant.getConsent());
        if (consent == null || !consent.isActive(now) || !consent.getScopes().contains(Scope.CHAT_SIGNIN)) {
            return Optional.empty();
        }
        return singleUse.use(grant, now) ? Optional.of(new Vouched(consent.getMember(), consent.getId())) : Optional.empty();
    }
}
