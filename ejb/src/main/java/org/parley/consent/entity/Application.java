package org.parley.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.parley.consent.control.TokenDigests;

/**
 * An intranet site registered by an admin (an OAuth client). A confidential application
 * authenticates with its secret; after a rotation the previous secret stays valid until
 * {@code previousSecretUntil}. A public client (the desktop client) has no secret and must use PKCE.
 */
@Entity
@Table(name = "applications")
@NamedQuery(name = Application.ALL, query = "SELECT a FROM Application a ORDER BY a.builtIn DESC, a.name")
public class Application {

    public static final String ALL = "Application.all";
    public static final String DIRECTORY = "parley-directory";
    public static final String DESKTOP = "parley-desktop";
    public static final int NAME_MAX = 100;
    public static final int URL_MAX = 2000;
    /** The redirect URLs together, one per line: the column's length. */
    public static final int REDIRECT_URIS_MAX = 4000;
    public static final int REDIRECT_URIS_COUNT_MAX = 20;

    @Id
    @Column(length = 64)
    private String id;

    @Version
    private long version;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "secret_hash", length = 64)
    private String secretHash;

    @Column(name = "previous_secret_hash", length = 64)
    private String previousSecretHash;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    /** One registered redirect URL per line, matched exactly. */
    @Column(name = "redirect_uris", nullable = false, length = REDIRECT_URIS_MAX)
    private String redirectUris;

    @Column(name = "privacy_url", length = URL_MAX)
    private String privacyUrl;

    @Column(name = "public_client", nullable = false)
    private boolean publicClient;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Application() {
    }

    public Application(String id, String name, List<String> redirectUris, String privacyUrl, String secretHash,
                       Instant now) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.redirectUris = String.join("\n", redirectUris);
        this.privacyUrl = privacyUrl;
        this.secretHash = Objects.requireNonNull(secretHash);
        this.enabled = true;
        this.createdAt = now;
    }

    /** A new secret; the old one keeps working until {@code overlapEnds}. */
    public void rotateSecret(String newSecretHash, Instant overlapEnds) {
        if (publicClient) {
            throw new IllegalStateException("a public client has no secret");
        }
        this.previousSecretHash = this.secretHash;
        this.previousSecretUntil = overlapEnds;
        this.secretHash = newSecretHash;
    }

    /** Whether {@code candidateHash} is the secret, or the previous one within its overlap; compared in constant time. */
    public boolean secretMatches(String candidateHash, Instant now) {
        boolean current = TokenDigests.sameHash(secretHash, candidateHash);
        boolean previous = previousSecretUntil != null && now.isBefore(previousSecretUntil)
                && TokenDigests.sameHash(previousSecretHash, candidateHash);
        return current | previous;
    }

    public void update(String name, List<String> redirectUris, String privacyUrl) {
        this.name = Objects.requireNonNull(name);
        this.redirectUris = String.join("\n", redirectUris);
        this.privacyUrl = privacyUrl;
    }

    public void disable() {
        if (builtIn) {
            throw new IllegalStateException("a built-in application stays enabled");
        }
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    public List<String> getRedirectUris() {
        return Arrays.stream(redirectUris.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPrivacyUrl() {
        return privacyUrl;
    }

    public boolean isPublicClient() {
        return publicClient;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPreviousSecretUntil() {
        return previousSecretUntil;
    }
}
