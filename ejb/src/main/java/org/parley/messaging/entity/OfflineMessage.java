package org.parley.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A visitor's message left while the member was offline or appeared offline; kept until read. A
 * message left on a contact point is stored once for every member of its list, the copies sharing
 * one {@code handlingGroup}: when one member marks theirs read, every copy is read (handled for all).
 */
@Entity
@Table(name = "offline_messages")
@NamedQuery(name = OfflineMessage.UNREAD,
        query = "SELECT o FROM OfflineMessage o WHERE o.invitee = :invitee AND o.readAt IS NULL ORDER BY o.sentAt, o.id")
@NamedQuery(name = OfflineMessage.UNREAD_COUNT,
        query = "SELECT COUNT(o) FROM OfflineMessage o WHERE o.invitee = :invitee AND o.readAt IS NULL")
@NamedQuery(name = OfflineMessage.BY_IDS,
        query = "SELECT o FROM OfflineMessage o WHERE o.invitee = :invitee AND o.id IN :ids")
@NamedQuery(name = OfflineMessage.OLDER_THAN, query = "DELETE FROM OfflineMessage o WHERE o.sentAt < :cutoff")
@NamedQuery(name = OfflineMessage.UNREAD_IN_GROUPS,
        query = "SELECT o FROM OfflineMessage o WHERE o.handlingGroup IN :groups AND o.readAt IS NULL ORDER BY o.invitee")
public class OfflineMessage {

    public static final String UNREAD = "OfflineMessage.unread";
    public static final String UNREAD_COUNT = "OfflineMessage.unreadCount";
    public static final String BY_IDS = "OfflineMessage.byIds";
    /** Deletes what is older than the retention ({@code parley.retention.offline-messages}). */
    public static final String OLDER_THAN = "OfflineMessage.olderThan";
    public static final String UNREAD_IN_GROUPS = "OfflineMessage.unreadInGroups";
    /** The longest way to answer a visitor gave (an e-mail address, a phone number) on a contact point. */
    public static final int REPLY_TO_MAX = 200;
    public static final int CONTACT_TITLE_MAX = 100;
    public static final int CONTACT_NAME_MAX = 40;
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

    /** The contact point the message was left on (its name), or {@code null} for a message to the member alone. */
    @Column(name = "contact_point", length = CONTACT_NAME_MAX)
    private String contactPoint;

    /** The contact point's title when the message was left. */
    @Column(name = "contact_title", length = CONTACT_TITLE_MAX)
    private String contactTitle;

    /** How the visitor asked to be answered, as they wrote it; may be {@code null}. */
    @Column(name = "reply_to", length = REPLY_TO_MAX)
    private String replyTo;

    /** Shared by the copies of one message left on a contact point; {@code null} otherwise. */
    @Column(name = "handling_group", length = 36)
    private String handlingGroup;

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

    /** One member's copy of a message left on a contact point ({@code group} ties the copies together). */
    public static OfflineMessage onContactPoint(String invitee, VisitorIdentity visitor, String text, Instant sentAt,
                                                String contactPoint, String contactTitle, String replyTo, String group) {
        OfflineMessage message = new OfflineMessage(invitee, visitor, text, sentAt);
        message.contactPoint = Objects.requireNonNull(contactPoint);
        message.contactTitle = Objects.requireNonNull(contactTitle);
        message.replyTo = replyTo;
        message.handlingGroup = Objects.requireNonNull(group);
        return message;
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

    public String getContactPoint() {
        return contactPoint;
    }

    public String getContactTitle() {
        return contactTitle;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getHandlingGroup() {
        return handlingGroup;
    }
}
