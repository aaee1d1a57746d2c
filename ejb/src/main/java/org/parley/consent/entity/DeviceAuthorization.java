package org.parley.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An RFC 8628 device authorization: the desktop client's text mode shows a user code, the member
 * confirms it on a Parley page, and the client polling with its device code gets tokens.
 */
@Entity
@Table(name = "device_authorizations")
@NamedQuery(name = DeviceAuthorization.BY_USER_CODE, query = "SELECT d FROM DeviceAuthorization d WHERE d.userCode = :code")
@NamedQuery(name = DeviceAuthorization.DEAD, query = "DELETE FROM DeviceAuthorization d WHERE d.expiresAt < :now")
public class DeviceAuthorization {

    public static final String BY_USER_CODE = "DeviceAuthorization.byUserCode";
    public static final String DEAD = "DeviceAuthorization.dead";

    @Id
    @Column(name = "device_code_hash", length = 64)
    private String deviceCodeHash;

    @Column(name = "user_code", nullable = false, length = 16, unique = true)
    private String userCode;

    @Column(nullable = false, length = 64)
    private String application;

    @Column(nullable = false, length = 200)
    private String scopes;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_polled_at")
    private Instant lastPolledAt;

    @Column(name = "approved_by", length = 64)
    private String approvedBy;

    @Column(nullable = false)
    private boolean denied;

    protected DeviceAuthorization() {
    }

    public DeviceAuthorization(String deviceCodeHash, String userCode, String application, String scopes, Instant expiresAt) {
        this.deviceCodeHash = Objects.requireNonNull(deviceCodeHash);
        this.userCode = Objects.requireNonNull(userCode);
        this.application = Objects.requireNonNull(application);
        this.scopes = Objects.requireNonNull(scopes);
        this.expiresAt = expiresAt;
    }

    /** Records a poll; true when it came sooner than {@code interval} after the last one (RFC 8628 slow_down). */
    public boolean polledTooSoon(Instant now, Duration interval) {
        boolean tooSoon = lastPolledAt != null && now.isBefore(lastPolledAt.plus(interval));
        lastPolledAt = now;
        return tooSoon;
    }

    public void approve(String member) {
        this.approvedBy = Objects.requireNonNull(member);
    }

    public void deny() {
        this.denied = true;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String getUserCode() {
        return userCode;
    }

    public String getApplication() {
        return application;
    }

    public String getScopes() {
        return scopes;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public boolean isDenied() {
        return denied;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
