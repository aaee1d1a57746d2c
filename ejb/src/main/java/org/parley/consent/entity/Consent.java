package org.parley.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A member's permission for one application, with the scopes granted. It lives until it
 * expires or is revoked (by the member, an admin, or because a used refresh token came back);
 * every token issued under it dies with it.
 */
@Entity
@Table(name = "consents")
@NamedQuery(name = Consent.ACTIVE_OF_MEMBER_AND_APP, query = "SELECT c FROM Consent c WHERE c.member = :member "
        + "AND c.application = :application AND c.revokedAt IS NULL AND c.expiresAt > :now")
@NamedQuery(name = Consent.OF_MEMBER, query = "SELECT c FROM Consent c WHERE c.member = :member ORDER BY c.grantedAt DESC")
@NamedQuery(name = Consent.ALL, query = "SELECT c FROM Consent c ORDER BY c.grantedAt DESC")
@NamedQuery(name = Consent.LAPSED_MEMBERS_OF_APPLICATION, query = "SELECT DISTINCT c.member FROM Consent c "
        + "WHERE c.application = :application AND (c.revokedAt IS NOT NULL OR c.expiresAt <= :now) "
        + "AND NOT EXISTS (SELECT a FROM Consent a WHERE a.member = c.member AND a.application = :application "
        + "AND a.revokedAt IS NULL AND a.expiresAt > :now)")
@NamedQuery(name = Consent.DEAD, query = "SELECT c FROM Consent c WHERE c.expiresAt < :cutoff OR c.revokedAt < :cutoff")
@NamedQuery(name = Consent.MARK_USED, query = "UPDATE Consent c SET c.lastUsedAt = :now WHERE c.id = :id "
        + "AND (c.lastUsedAt IS NULL OR c.lastUsedAt < :before)")
public class Consent {

    public static final String ACTIVE_OF_MEMBER_AND_APP = "Consent.activeOfMemberAndApp";
    public static final String OF_MEMBER = "Consent.ofMember";
    public static final String ALL = "Consent.all";
    public static final String DEAD = "Consent.dead";
    /**
     * Notes a use of the consent's access token. A bulk update, outside optimistic locking: calls that
     * present one token at the same moment all write it, and none of them fails on the row's version
     * (nor does a refresh or revocation that changed the row meanwhile).
     */
    public static final String MARK_USED = "Consent.markUsed";
    /** Members who held a consent for the application and hold no active one now. */
    public static final String LAPSED_MEMBERS_OF_APPLICATION = "Consent.lapsedMembersOfApplication";

    @Id
    @Column(length = 36)
    private String id;

    @Version
    private long version;

    @Column(nullable = false, length = 64)
    private String member;

    @Column(nullable = false, length = 64)
    private String application;

    @Column(nullable = false, length = 200)
    private String scopes;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_why", length = 200)
    private String revokedWhy;

    protected Consent() {
    }

    public Consent(String member, String application, Set<Scope> scopes, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.member = Objects.requireNonNull(member);
        this.application = Objects.requireNonNull(application);
        this.scopes = Scope.format(scopes);
        this.grantedAt = now;
        this.expiresAt = expiresAt;
    }

    /** The member approved again: the scopes add up, the year starts again. */
    public void renew(Set<Scope> more, Instant now, Instant expiresAt) {
        Set<Scope> all = EnumSet.noneOf(Scope.class);
        all.addAll(getScopes());
        all.addAll(more);
        this.scopes = Scope.format(all);
        this.grantedAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Revokes it; true the first time only. */
    public boolean revoke(Instant now, String why) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        revokedWhy = why;
        return true;
    }

    /** When a token issued under it stops being valid: at its own expiry, or at this consent's if that comes first. */
    public Instant endOf(GrantToken token) {
        return token.getExpiresAt().isBefore(expiresAt) ? token.getExpiresAt() : expiresAt;
    }

    public void used(Instant now) {
        lastUsedAt = now;
    }

    public Set<Scope> getScopes() {
        return Scope.parse(scopes).orElse(EnumSet.noneOf(Scope.class));
    }

    public String getId() {
        return id;
    }

    public String getMember() {
        return member;
    }

    public String getApplication() {
        return application;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedWhy() {
        return revokedWhy;
    }
}
