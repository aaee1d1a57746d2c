package org.parley.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A member accepted a site's invitation to share their presence (SPEC.md §1); they may withdraw it. */
@Entity
@Table(name = "invitations")
@NamedQuery(name = Invitation.OF_MEMBER, query = "SELECT i FROM Invitation i WHERE i.member = :member ORDER BY i.acceptedAt DESC")
public class Invitation {

    public static final String OF_MEMBER = "Invitation.ofMember";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64)
    private String member;

    @Column(length = 64)
    private String application;

    @Column(nullable = false, length = 200)
    private String site;

    @Column(name = "return_url", nullable = false, length = 2000)
    private String returnUrl;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected Invitation() {
    }

    public Invitation(String member, String application, String site, String returnUrl, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.member = Objects.requireNonNull(member);
        this.application = application;
        this.site = Objects.requireNonNull(site);
        this.returnUrl = Objects.requireNonNull(returnUrl);
        this.acceptedAt = now;
    }

    /** The member accepts the same site's invitation again: one invitation, accepted now, with the latest return address. */
    public void acceptAgain(String returnUrl, Instant now) {
        this.returnUrl = Objects.requireNonNull(returnUrl);
        this.acceptedAt = now;
    }

    /** Whether this is the member's active invitation from the site {@code site} (by {@code application}, or by none). */
    public boolean isActiveFrom(String application, String site) {
        return isActive() && Objects.equals(this.application, application) && this.site.equals(site);
    }

    public boolean withdraw(Instant now) {
        if (withdrawnAt != null) {
            return false;
        }
        withdrawnAt = now;
        return true;
    }

    public boolean isActive() {
        return withdrawnAt == null;
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

    public String getSite() {
        return site;
    }

    public String getReturnUrl() {
        return returnUrl;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }
}
