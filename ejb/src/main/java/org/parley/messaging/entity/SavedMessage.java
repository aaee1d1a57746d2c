package org.parley.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * One message of a {@link SavedConversation}'s replay buffer, with what the other side confirmed of it:
 * {@code receipt} is {@code delivered} or {@code read} (for a visitor's message: a member client showed it; for the
 * member's: the visitor's control did), null while nobody did. A visitor message neither queued nor confirmed is one
 * the member's clients must still confirm.
 */
@Embeddable
public class SavedMessage {

    public static final String DELIVERED = "delivered";
    public static final String READ = "read";

    @Column(nullable = false)
    private long seq;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 7)
    private Party sender;

    @Column(nullable = false, length = OfflineMessage.TEXT_MAX)
    private String text;

    @Column(nullable = false)
    private boolean queued;

    @Column(length = 9)
    private String receipt;

    protected SavedMessage() {
    }

    SavedMessage(ConversationMessage message, String receipt) {
        this.seq = message.seq();
        this.sentAt = message.at();
        this.sender = message.from();
        this.text = message.text();
        this.queued = message.queued();
        this.receipt = receipt;
    }

    ConversationMessage message() {
        return new ConversationMessage(seq, sentAt, sender, text, queued);
    }

    /** Null while unconfirmed, else whether it was read. */
    Boolean read() {
        return receipt == null ? null : READ.equals(receipt);
    }
}
