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
 * confirms it on a Parley page, and the client polling with its device code gets tokens, once. A
 * client that polls sooner than its interval is told to slow down, and from then on its interval is
 * 5 seconds longer (RFC 8628 §3.5).
 */
@Entity
@Table(name = "device_authorizations")
@NamedQuery(name = DeviceAuthorization.BY_USER_CODE, query = "SELECT d FROM DeviceAuthorization d WHERE d.userCode = :code")
@NamedQuery(name = DeviceAuthorization.DEAD, query = "DELETE FROM DeviceAuthorization d WHERE d.expiresAt < :now")
@NamedQuery(name = DeviceAuthorization.PENDING, query = "SELECT COUNT(d) FROM DeviceAuthorization d WHERE d.expiresAt >= :now")
@NamedQuery(name = DeviceAuthorization.REDEEM, query = "DELETE FROM DeviceAuthorization d "
        + "WHERE d.deviceCodeHash = :hash AND d.approvedBy IS NOT NULL")
@NamedQuery(name = DeviceAuthorization.DECIDE, query = "UPDATE DeviceAuthorization d SET d.approvedBy = :member, "
        + "d.denied = :denied WHERE d.deviceCodeHash = :hash AND d.approvedBy IS NULL AND d.denied = false")
@NamedQuery(name = DeviceAuthorization.APPROVED_BY, query = "DELETE FROM DeviceAuthorization d WHERE d.approvedBy = :member")
public class DeviceAuthorization {

    public static final String BY_USER_CODE = "DeviceAuthorization.byUserCode";
    public static final String DEAD = "DeviceAuthorization.dead";
    /** How many have not expired yet. */
    public static final String PENDING = "DeviceAuthorization.pending";
    /** Takes an approved authorization away: the database decides which of concurrent polls gets the tokens. */
    public static final String REDEEM = "DeviceAuthorization.redeem";
    /** Approves or denies a pending authorization: the database decides which of concurrent decisions counts. */
    public static final String DECIDE = "DeviceAuthorization.decide";
    /** Takes away what a member approved and no client has redeemed yet (the member was disabled). */
    public static final String APPROVED_BY = "DeviceAuthorization.approvedBy";

    /** RFC 8628 §3.5: each slow_down adds this to the client's interval. */
    public static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

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

    @Column(name = "poll_interval_seconds", nullable = false)
    private long pollIntervalSeconds;

    @Column(name = "approved_by", length = 64)
    private String approvedBy;

    @Column(nullable = false)
    private boolean denied;

    protected DeviceAuthorization() {
    }

    public DeviceAuthorization(String deviceCodeHash, String userCode, String application, String scopes, Instant expiresAt,
                               Duration pollInterval) {
        this.deviceCodeHash = Objects.requireNonNull(deviceCodeHash);
        this.userCode = Objects.requireNonNull(userCode);
        this.application = Objects.requireNonNull(application);
        this.scopes = Objects.requireNonNull(scopes);
        this.expiresAt = expiresAt;
        this.pollIntervalSeconds = pollInterval.toSeconds();
    }

    /**
     * Records a poll; true when it came sooner than the interval after the last one (RFC 8628
     * {@code slow_down}), which raises the interval by {@link #SLOW_DOWN_STEP} for every later poll.
     */
    public boolean polledTooSoon(Instant now) {
        boolean tooSoon = lastPolledAt != null && now.isBefore(lastPolledAt.plus(getPollInterval()));
        if (tooSoon) {
            pollIntervalSeconds += SLOW_DOWN_STEP.toSeconds();
        }
        lastPolledAt = now;
        return tooSoon;
    }

    /** How long the client must wait between two polls, now. */
    public Duration getPollInterval() {
        return Duration.ofSeconds(pollIntervalSeconds);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String getDeviceCodeHash() {
        return deviceCodeHash;
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
