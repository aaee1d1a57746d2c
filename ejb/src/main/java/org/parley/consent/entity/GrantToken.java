package org.parley.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A token issued under a consent, known by its hash only: an authorization code (single use,
 * bound to its redirect URI and PKCE challenge), an access token, a refresh token (single use:
 * it rotates, and a used one coming back means it was stolen), or a visitor ticket (single use).
 */
@Entity
@Table(name = "grant_tokens")
@NamedQuery(name = GrantToken.OF_CONSENT, query = "SELECT t FROM GrantToken t WHERE t.consent = :consent")
@NamedQuery(name = GrantToken.DEAD, query = "DELETE FROM GrantToken t WHERE t.expiresAt < :now")
@NamedQuery(name = GrantToken.USE, query = "UPDATE GrantToken t SET t.usedAt = :now WHERE t.hash = :hash AND t.usedAt IS NULL")
@NamedQuery(name = GrantToken.UNUSED_NEWEST_FIRST, query = "SELECT t FROM GrantToken t WHERE t.consent = :consent"
        + " AND t.kind = :kind AND t.usedAt IS NULL ORDER BY t.issuedAt DESC, t.hash")
@NamedQuery(name = GrantToken.USED_NEWEST_FIRST, query = "SELECT t FROM GrantToken t WHERE t.consent = :consent"
        + " AND t.kind = :kind AND t.usedAt IS NOT NULL ORDER BY t.usedAt DESC, t.hash")
@NamedQuery(name = GrantToken.WAITING, query = "SELECT COUNT(t) FROM GrantToken t WHERE t.consent = :consent"
        + " AND t.kind = :kind AND t.usedAt IS NULL AND t.revokedAt IS NULL AND t.expiresAt > :now")
public class GrantToken {

    public static final String OF_CONSENT = "GrantToken.ofConsent";
    public static final String DEAD = "GrantToken.dead";
    /** Marks one token used unless it was already: the database decides which of concurrent redemptions wins. */
    public static final String USE = "GrantToken.use";
    /** A consent's tokens of one kind never used (access tokens are never marked so), the newest first. */
    public static final String UNUSED_NEWEST_FIRST = "GrantToken.unusedNewestFirst";
    /** A consent's tokens of one kind already used, the most recently used first. */
    public static final String USED_NEWEST_FIRST = "GrantToken.usedNewestFirst";
    /** How many of a consent's tokens of one kind can still be used. */
    public static final String WAITING = "GrantToken.waiting";

    public enum Kind { CODE, ACCESS, REFRESH, VISITOR_TICKET }

    @Id
    @Column(length = 64)
    private String hash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, length = 36)
    private String consent;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "redirect_uri", length = 2000)
    private String redirectUri;

    @Column(name = "code_challenge", length = 128)
    private String codeChallenge;

    protected GrantToken() {
    }

    public GrantToken(String hash, Kind kind, String consent, Instant issuedAt, Instant expiresAt) {
        this.hash = Objects.requireNonNull(hash);
        this.kind = Objects.requireNonNull(kind);
        this.consent = Objects.requireNonNull(consent);
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.expiresAt = expiresAt;
    }

    public static GrantToken code(String hash, String consent, Instant issuedAt, Instant expiresAt, String redirectUri,
                                  String codeChallenge) {
        GrantToken code = new GrantToken(hash, Kind.CODE, consent, issuedAt, expiresAt);
        code.redirectUri = redirectUri;
        code.codeChallenge = codeChallenge;
        return code;
    }

    /** Usable now: not expired, not revoked, and (for single-use kinds) not used. */
    public boolean isValid(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && (kind == Kind.ACCESS || usedAt == null);
    }

    /**
     * Marks a single-use token used in memory; false if it was used already. Redemption goes through
     * {@code org.parley.consent.control.SingleUse}, which first claims the token in the database.
     */
    public boolean use(Instant now) {
        if (usedAt != null) {
            return false;
        }
        usedAt = now;
        return true;
    }

    /** Revokes it; true the first time only. */
    public boolean revoke(Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    public boolean wasUsed() {
        return usedAt != null;
    }

    public String getHash() {
        return hash;
    }

    public Kind getKind() {
        return kind;
    }

    public String getConsent() {
        return consent;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public String getCodeChallenge() {
        return codeChallenge;
    }
}
