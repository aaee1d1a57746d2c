package org.parley.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing somebody did. {@code actor} is a username, or {@code app:ID} for an application. */
@Entity
@Table(name = "audit_entries")
public class AuditEntry {

    public static final int DETAIL_MAX = 1000;

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(length = 200)
    private String subject;

    @Column(length = 64)
    private String address;

    @Column(length = DETAIL_MAX)
    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Instant at, String actor, String action, String subject, String address, String detail) {
        this.id = UUID.randomUUID().toString();
        this.at = at;
        this.actor = cut(actor, 64);
        this.action = cut(action, 64);
        this.subject = cut(subject, 200);
        this.address = cut(address, 64);
        this.detail = cut(detail, DETAIL_MAX);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public String getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getAddress() {
        return address;
    }

    public String getDetail() {
        return detail;
    }
}
