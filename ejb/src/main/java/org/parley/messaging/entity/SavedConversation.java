package org.parley.messaging.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation that was open when Parley stopped gracefully, kept so that its visitor and the member's clients resume
 * it after the restart as after a network drop ({@link Conversation#save}, {@link Conversation#restore}). It holds what
 * a resume needs and nothing more: the resume token only as its hash, the sequence number, and the replay buffer with
 * each message's receipt. Rows live from the shutdown to the next start, which takes them back and deletes them.
 */
@Entity
@Table(name = "saved_conversations")
@NamedQuery(name = SavedConversation.ALL, query = "SELECT s FROM SavedConversation s ORDER BY s.startedAt")
public class SavedConversation {

    public static final String ALL = "SavedConversation.all";

    @Id
    @Column(length = 48)
    String id;

    @Column(nullable = false, length = 64)
    String invitee;

    @Column(name = "reach_cid", nullable = false, length = 16)
    String reachCid;

    @Column(name = "reach_profile", nullable = false)
    boolean reachProfile;

    @Column(name = "reach_contact", length = OfflineMessage.CONTACT_NAME_MAX)
    String reachContact;

    @Column(name = "visitor_name", nullable = false, length = OfflineMessage.VISITOR_NAME_MAX)
    String visitorName;

    /** A verified visitor's username; null for a nickname. */
    @Column(name = "visitor_username", length = 64)
    String visitorUsername;

    @Column(length = 2000)
    String page;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "resume_token_hash", nullable = false, length = 64)
    String resumeTokenHash;

    @Column(name = "last_seq", nullable = false)
    long lastSeq;

    @Column(nullable = false)
    boolean announced;

    /** Since when the visitor has had no socket: the resume window runs from here (at the latest, the shutdown). */
    @Column(name = "visitor_gone_since", nullable = false)
    Instant visitorGoneSince;

    @Column(name = "saved_at", nullable = false)
    Instant savedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "saved_conversation_messages", joinColumns = @JoinColumn(name = "conversation"))
    @OrderBy("seq")
    List<SavedMessage> messages = new ArrayList<>();

    protected SavedConversation() {
    }

    SavedConversation(String id, String invitee, Reach reach, VisitorIdentity visitor, String page, Instant startedAt,
                      String resumeTokenHash, long lastSeq, boolean announced, Instant visitorGoneSince, Instant savedAt,
                      List<SavedMessage> messages) {
        this.id = id;
        this.invitee = invitee;
        this.reachCid = reach.cid();
        this.reachProfile = reach.profile();
        this.reachContact = reach.contact();
        this.visitorName = visitor.name();
        this.visitorUsername = visitor.username();
        this.page = page;
        this.startedAt = startedAt;
        this.resumeTokenHash = resumeTokenHash;
        this.lastSeq = lastSeq;
        this.announced = announced;
        this.visitorGoneSince = visitorGoneSince;
        this.savedAt = savedAt;
        this.messages = new ArrayList<>(messages);
    }

    public String id() {
        return id;
    }

    public Instant savedAt() {
        return savedAt;
    }

    Reach reach() {
        return new Reach(reachCid, reachProfile, reachContact);
    }

    VisitorIdentity visitor() {
        return visitorUsername == null ? VisitorIdentity.anonymous(visitorName) : VisitorIdentity.member(visitorName, visitorUsername);
    }
}
