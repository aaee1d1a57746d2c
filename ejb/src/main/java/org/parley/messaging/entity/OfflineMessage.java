package org.parley.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A visitor's message left while the member was offline or appeared offline; kept until read. */
@Entity
@Table(name = "offline_messages")
@NamedQuery(name = OfflineMessage.UNREAD,
        query = "SELECT o FROM OfflineMessage o WHERE o.invitee = :invitee AND o.readAt IS NULL ORDER BY o.sentAt, o.id")
@NamedQuery(name = OfflineMessage.UNREAD_COUNT,
        query = "SELECT COUNT(o) FROM OfflineMessage o WHERE o.invitee = :invitee AND o.readAt IS NULL")
@NamedQuery(name = OfflineMessage.BY_IDS,
        query = "SELECT o FROM OfflineMessage o WHERE o.invitee = :invitee AND o.id IN :ids")
@NamedQuery(name = OfflineMessage.OLDER_THAN, query = "DELETE FROM OfflineMessage o WHERE o.sentAt < :cutoff")
public class OfflineMessage {

    public static final String UNREAD = "OfflineMessage.unread";
    public static final String UNREAD_COUNT = "OfflineMessage.unreadCount";
    public static final String BY_IDS = "OfflineMessage.byIds";
    /** Deletes what is older than the retention ({@code parley.retention.offline-messages}). */
    public static final String OLDER_THAN = "OfflineMessage.olderThan";
    public static final int TEXT_MAX = 2000;
    public static final int VISITOR_NAME_MAX = 100;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "invitee", nullable = false, length = 64)
    private String invitee;

    @Column(name = "visitor_name", nullable = false, length = VISITOR_NAME_MAX)
    private String visitorName;

    @Column(name = "visitor_verified", nullable = false)
    private boolean visitorVerified;

    /** The verified visitor's username; {@code null} for a nickname. */
    @Column(name = "visitor_username", length = 64)
    private String visitorUsername;

    @Column(nullable = false, length = TEXT_MAX)
    private String text;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected OfflineMessage() {
    }

    public OfflineMessage(String invitee, VisitorIdentity visitor, String text, Instant sentAt) {
        this.id = UUID.randomUUID().toString();
        this.invitee = Objects.requireNonNull(invitee);
        this.visitorName = visitor.name();
        this.visitorVerified = visitor.verified();
        this.visitorUsername = visitor.username();
        this.text = Objects.requireNonNull(text);
        this.sentAt = sentAt;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public String getId() {
        return id;
    }

    public String getInvitee() {
        return invitee;
    }

    public VisitorIdentity getVisitor() {
        // messages stored before usernames were kept stay as they were shown then: by name only
        return visitorVerified && visitorUsername != null ? VisitorIdentity.member(visitorName, visitorUsername)
                : VisitorIdentity.anonymous(visitorName);
    }

    public String getText() {
        return text;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
