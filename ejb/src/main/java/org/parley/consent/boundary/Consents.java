package org.parley.consent.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.AccountEvent;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.Role;
import org.parley.audit.boundary.Audit;
import org.parley.consent.control.GrantRules;
import org.parley.consent.control.Pkce;
import org.parley.consent.control.RedirectUris;
import org.parley.consent.control.SingleUse;
import org.parley.consent.control.TokenDigests;
import org.parley.consent.control.TokenIssuer;
import org.parley.consent.control.TokenLifetimes;
import org.parley.consent.entity.AccessTokenRevoked;
import org.parley.consent.entity.Application;
import org.parley.consent.entity.AuthorizationRequest;
import org.parley.consent.entity.AuthorizeException;
import org.parley.consent.entity.BearerIdentity;
import org.parley.consent.entity.Consent;
import org.parley.consent.entity.ConsentRevoked;
import org.parley.consent.entity.DeviceAuthorization;
import org.parley.consent.entity.GrantToken;
import org.parley.consent.entity.OAuthException;
import org.parley.consent.entity.Scope;
import org.parley.consent.entity.TokenResponse;

/**
 * The whole life of a consent: the authorization request, the member's approval (a code),
 * the code exchanged for tokens (PKCE checked), refresh tokens rotating on every use (a used
 * one coming back revokes the consent), revocation, and access tokens presented as Bearer.
 * A code or refresh token presented several times at once is redeemed once; the others count as
 * reuse. Answers never reveal whether a member or a token exists.
 */
@Stateless
public class Consents {

    /** How stale {@code lastUsedAt} may get before a Bearer request writes it again. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    Applications applications;

    @Inject
    TokenLifetimes lifetimes;

    @Inject
    TokenIssuer issuer;

    @Inject
    SingleUse singleUse;

    @EJB
    MemberDirectory directory;

    @EJB
    Audit audit;

    @EJB
    org.parley.account.boundary.Members members;

    @Inject
    Event<ConsentRevoked> revoked;

    @Inject
    Event<AccessTokenRevoked> tokenRevoked;

    @Resource
    SessionContext context;

    /** A consent as the member or an admin sees it. */
    public record ConsentView(String id, String member, String applicationId, String site, Set<Scope> scopes,
                              Instant grantedAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt,
                              String revokedWhy, boolean active) {
    }

    /** Checks an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3). */
    public AuthorizationRequest check(String responseType, String clientId, String redirectUri, String scope,
                                      String state, String codeChallenge, String challengeMethod, String parleyOrigin) {
        Application application = applications.find(clientId).filter(Application::isEnabled)
                .orElseThrow(() -> new AuthorizeException(false, "invalid_client", "This site is not registered with Parley."));
        if (!RedirectUris.registered(application.getRedirectUris(), redirectUri, parleyOrigin)) {
            throw new AuthorizeException(false, "invalid_request",
                    "The address this site asked to return to is not registered for it.");
        }
        if (!"code".equals(responseType)) {
            throw new AuthorizeException(true, "unsupported_response_type", "Only response_type=code is supported.");
        }
        Set<Scope> scopes = Scope.parse(scope).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new AuthorizeException(true, "invalid_scope", "Known scopes: presence, chat.signin."));
        if (codeChallenge != null || challengeMethod != null) {
            if (!"S256".equals(challengeMethod) || !Pkce.validChallenge(codeChallenge)) {
                throw new AuthorizeException(true, "invalid_request",
                        "PKCE needs a code_challenge with code_challenge_method=S256.");
            }
        } else if (application.isPublicClient()) {
            throw new AuthorizeException(true, "invalid_request", "This client must use PKCE (S256).");
        }
        return new AuthorizationRequest(application, redirectUri, scopes, state, codeChallenge);
    }

    /**
     * The member approved: their consent (new, or renewed with the scopes added) and a single-use code. Approvals of one
     * member are made in turn on their locked row, so tabs approving one site at the same moment connect it once.
     */
    @RolesAllowed(Role.MEMBER_GROUP)
    public String approve(AuthorizationRequest request, String address) {
        String member = context.getCallerPrincipal().getName();
        members.takeMyTurn();
        Instant now = Instant.now();
        Consent consent = activeConsent(member, request.application().getId(), now).orElse(null);
        if (consent == null) {
            consent = new Consent(member, request.application().getId(), request.scopes(), now, now.plus(lifetimes.consent()));
            em.persist(consent);
        } else {
            consent.renew(request.scopes(), now, now.plus(lifetimes.consent()));
        }
        String code = TokenDigests.newToken();
        em.persist(GrantToken.code(TokenDigests.of(code), consent.getId(), now, now.plus(lifetimes.code()),
                request.redirectUri(), request.codeChallenge()));
        audit.record(member, "consent.granted", request.application().getId(), address, Scope.format(consent.getScopes()));
        return code;
    }

    /** {@code grant_type=authorization_code}. */
    public TokenResponse exchangeCode(Application client, String code, String redirectUri, String codeVerifier,
                                      String address) {
        Instant now = Instant.now();
        GrantToken grant = token(code, GrantToken.Kind.CODE).orElse(null);
        Consent consent = grant == null ? null : em.find(Consent.class, grant.getConsent());
        switch (GrantRules.judge(grant, consent, client.getId(), now)) {
            case REUSED -> {
                revokeForReuse(consent, client, address, "authorization code used twice");
                throw new OAuthException("invalid_grant", "The code is not valid.");
            }
            case INVALID -> throw new OAuthException("invalid_grant", "The code is not valid.");
            case REDEEMABLE -> { }
        }
        if (!redeem(grant, consent, client, now)) {
            revokeForReuse(consent, client, address, "authorization code used twice");
            throw new OAuthException("invalid_grant", "The code is not valid.");
        }
        if (redirectUri == null || !redirectUri.equals(grant.getRedirectUri())) {
            throw new OAuthException("invalid_grant", "redirect_uri does not match the authorization request.");
        }
        if (grant.getCodeChallenge() != null ? !Pkce.verifies(codeVerifier, grant.getCodeChallenge()) : codeVerifier != null) {
            throw new OAuthException("invalid_grant", "The code_verifier does not match the code_challenge.");
        }
        return issuer.issue(consent, now);
    }

    /** {@code grant_type=refresh_token}: rotates the refresh token; a used one coming back revokes the consent. */
    public TokenResponse refresh(Application client, String refreshToken, String scope, String address) {
        Instant now = Instant.now();
        GrantToken grant = token(refreshToken, GrantToken.Kind.REFRESH).orElse(null);
        Consent consent = grant == null ? null : em.find(Consent.class, grant.getConsent());
        switch (GrantRules.judge(grant, consent, client.getId(), now)) {
            case REUSED -> {
                revokeForReuse(consent, client, address, "a used refresh token was presented again");
                throw new OAuthException("invalid_grant", "The refresh token is not valid.");
            }
            case INVALID -> throw new OAuthException("invalid_grant", "The refresh token is not valid.");
            case REDEEMABLE -> { }
        }
        if (scope != null && !scope.isBlank()) {
            Set<Scope> asked = Scope.parse(scope).orElseThrow(() -> new OAuthException("invalid_scope", "Unknown scope."));
            if (!consent.getScopes().containsAll(asked)) {
                throw new OAuthException("invalid_scope", "The scope exceeds what was granted.");
            }
        }
        if (!redeem(grant, consent, client, now)) {
            revokeForReuse(consent, client, address, "a used refresh token was presented again");
            throw new OAuthException("invalid_grant", "The refresh token is not valid.");
        }
        return issuer.issue(consent, now);
    }

    /**
     * RFC 7009: revokes an access token, or a refresh token and with it the whole consent. Unknown
     * tokens and tokens of other clients are ignored, so the answer is the same either way.
     */
    public void revokeToken(Application client, String token, String address) {
        Instant now = Instant.now();
        Optional<GrantToken> grant = Optional.ofNullable(token).map(TokenDigests::of).map(h -> em.find(GrantToken.class, h));
        if (grant.isEmpty()) {
            return;
        }
        Consent consent = em.find(Consent.class, grant.get().getConsent());
        if (consent == null || !consent.getApplication().equals(client.getId())) {
            return;
        }
        if (grant.get().getKind() == GrantToken.Kind.REFRESH) {
            if (issuer.revokeAll(consent, now, "revoked by the site")) {
                audit.record("app:" + client.getId(), "consent.revoked", consent.getApplication() + " of " + consent.getMember(),
                        address, "refresh token revoked");
                revoked.fire(new ConsentRevoked(consent.getId(), consent.getMember()));
            }
        } else if (grant.get().revoke(now) && grant.get().getKind() == GrantToken.Kind.ACCESS) {
            tokenRevoked.fire(new AccessTokenRevoked(grant.get().getHash(), consent.getMember()));
        }
    }

    /** Who a Bearer access token speaks for, if it is valid now. */
    public Optional<BearerIdentity> bearer(String accessToken) {
        if (accessToken == null || accessToken.isEmpty() || accessToken.length() > 512) {
            return Optional.empty();
        }
        return bearerByHash(TokenDigests.of(accessToken));
    }

    /** The same, for a token known by its hash (what a socket's handshake keeps of it). */
    public Optional<BearerIdentity> bearerByHash(String accessTokenHash) {
        Instant now = Instant.now();
        GrantToken token = em.find(GrantToken.class, accessTokenHash);
        if (token == null || token.getKind() != GrantToken.Kind.ACCESS || !token.isValid(now)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Consent.class, token.getConsent()))
                .filter(c -> c.isActive(now))
                .filter(c -> applications.find(c.getApplication()).filter(Application::isEnabled).isPresent())
                .filter(c -> directory.byUsername(c.getMember()).filter(DirectoryEntry::enabled).isPresent())
                .map(c -> {
                    Instant before = now.minus(LAST_USED_PRECISION);
                    if (c.getLastUsedAt() == null || c.getLastUsedAt().isBefore(before)) {
                        em.createNamedQuery(Consent.MARK_USED).setParameter("now", now).setParameter("id", c.getId())
                                .setParameter("before", before).executeUpdate();
                    }
                    return new BearerIdentity(c.getMember(), c.getApplication(), c.getScopes(), c.getId(), c.endOf(token));
                });
    }

    /** Whether the member holds a consent for this application that is still valid. */
    public boolean hasActiveConsent(String member, String applicationId) {
        return activeConsent(member, applicationId, Instant.now()).isPresent();
    }

    @RolesAllowed(Role.MEMBER_GROUP)
    public List<ConsentView> mine() {
        return em.createNamedQuery(Consent.OF_MEMBER, Consent.class)
                .setParameter("member", context.getCallerPrincipal().getName())
                .getResultList().stream().map(this::view).toList();
    }

    @RolesAllowed(Role.MEMBER_GROUP)
    public void revokeMine(String consentId, String address) {
        Consent consent = em.find(Consent.class, consentId);
        String member = context.getCallerPrincipal().getName();
        if (consent == null || !consent.getMember().equals(member)) {
            throw new AccountRefusedException("There is no such connected site.");
        }
        revoke(consent, member, address, "revoked by the member");
    }

    /**
     * A member disabled — by an administrator, or by the company directory that no longer has them — loses every
     * consent, in the transaction that disables them: their tokens and visitor tickets end for good, as their sessions
     * do, so enabling the account again brings none of them back (a stolen laptop's token stays dead), and a device
     * code they confirmed that no client has redeemed yet goes too. Sites ask again once the member is back.
     */
    public void memberDisabled(@Observes AccountEvent event) {
        if (event.action() != AccountEvent.Action.DISABLED) {
            return;
        }
        Instant now = Instant.now();
        em.createNamedQuery(Consent.OF_MEMBER, Consent.class).setParameter("member", event.member()).getResultList()
                .stream().filter(consent -> consent.isActive(now))
                .forEach(consent -> revoke(consent, event.actor(), event.address(), "the account was disabled"));
        em.createNamedQuery(DeviceAuthorization.APPROVED_BY).setParameter("member", event.member()).executeUpdate();
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public List<ConsentView> all() {
        return em.createNamedQuery(Consent.ALL, Consent.class).getResultList().stream().map(this::view).toList();
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public void revokeAny(String consentId, String address) {
        Consent consent = em.find(Consent.class, consentId);
        if (consent == null) {
            throw new AccountRefusedException("There is no such consent.", "noSuchConsent");
        }
        revoke(consent, context.getCallerPrincipal().getName(), address, "revoked by an administrator");
    }

    /**
     * Uses a code or refresh token once, under the row lock of its consent, taken before anything is
     * written: concurrent redemptions, and the revocation that a second one causes, then queue on
     * that one lock instead of locking the token and the consent in opposite orders (a deadlock the
     * database answers by failing one of them). False if the token was used meanwhile or the consent
     * ended.
     */
    private boolean redeem(GrantToken grant, Consent consent, Application client, Instant now) {
        em.refresh(consent, LockModeType.PESSIMISTIC_WRITE);
        return GrantRules.judge(grant, consent, client.getId(), now) == GrantRules.Verdict.REDEEMABLE
                && singleUse.use(grant, now);
    }

    private void revokeForReuse(Consent consent, Application client, String address, String why) {
        if (issuer.revokeAll(consent, Instant.now(), why)) {
            audit.record("app:" + client.getId(), "token.reuse-refused", consent.getApplication() + " of "
                    + consent.getMember(), address, why + "; consent revoked");
            revoked.fire(new ConsentRevoked(consent.getId(), consent.getMember()));
        }
    }

    private void revoke(Consent consent, String actor, String address, String why) {
        Instant now = Instant.now();
        if (Application.DIRECTORY.equals(consent.getApplication()) && consent.isActive(now)) {
            // before the consent's row is locked: the member's row first, the order an approval takes
            members.stopProfileChat(consent.getMember());
        }
        if (issuer.revokeAll(consent, now, why)) {
            audit.record(actor, "consent.revoked", consent.getApplication() + " of " + consent.getMember(), address, why);
            revoked.fire(new ConsentRevoked(consent.getId(), consent.getMember()));
        }
    }

    private Optional<Consent> activeConsent(String member, String applicationId, Instant now) {
        return em.createNamedQuery(Consent.ACTIVE_OF_MEMBER_AND_APP, Consent.class).setParameter("member", member)
                .setParameter("application", applicationId).setParameter("now", now).getResultStream().findFirst();
    }

    private Optional<GrantToken> token(String value, GrantToken.Kind kind) {
        if (value == null || value.isEmpty() || value.length() > 512) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(GrantToken.class, TokenDigests.of(value))).filter(t -> t.getKind() == kind);
    }

    private ConsentView view(Consent c) {
        String site = applications.find(c.getApplication()).map(Application::getName).orElse(c.getApplication());
        return new ConsentView(c.getId(), c.getMember(), c.getApplication(), site, c.getScopes(), c.getGrantedAt(),
                c.getLastUsedAt(), c.getExpiresAt(), c.getRevokedAt(), c.getRevokedWhy(), c.isActive(Instant.now()));
    }
}
