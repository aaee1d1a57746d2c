package org.parley.desktop.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A frame the server sent on {@code /ws/client}, decoded by {@link ServerFrames#decode}. */
public sealed interface ServerFrame {

    /**
     * One open conversation as {@code welcome} and {@code conversation.started} describe it; {@code seen} holds the
     * visitor's latest receipt of the member's messages ({@code seq} to true once read, false once delivered).
     */
    record Opened(String id, Visitor visitor, String page, Instant startedAt, List<Line> messages, Map<Long, Boolean> seen) {
    }

    /**
     * An unread offline message: left while the member was away, or never confirmed by a client. One left on a
     * contact point names it ({@code contact}, else null) and, when the visitor gave one, how to answer them
     * ({@code replyTo}, their words, else null).
     */
    record OfflineNote(String id, Instant at, Visitor visitor, String text, ContactPoint contact, String replyTo) {

        /** Where it came from, as the web console words it ("Via Help desk · answer to: …"); empty when not on a contact point. */
        public String via() {
            return contact == null ? "" : "Via " + contact.title() + (replyTo == null ? "" : " \u00b7 answer to: " + replyTo);
        }
    }

    /** The contact point (its name and title) a visitor left an offline message on. */
    record ContactPoint(String name, String title) {
    }

    /** {@code offline {message}}: a visitor just left a message on a contact point this member is on. */
    record OfflineLeft(OfflineNote message) implements ServerFrame {
    }

    record Welcome(String cid, String displayName, Presence presence, List<Opened> conversations,
                   List<OfflineNote> offline) implements ServerFrame {
    }

    record PresenceChanged(Presence presence) implements ServerFrame {
    }

    record ConversationStarted(Opened conversation) implements ServerFrame {
    }

    record Message(String conversation, Line line) implements ServerFrame {
    }

    record Typing(String conversation, boolean active) implements ServerFrame {
    }

    record ConversationEnded(String conversation, String reason) implements ServerFrame {
    }

    /**
     * {@code ack {id, seq?, at?, queued?}}: {@code seq} is 0 when the acknowledged frame was no message; {@code queued}
     * (visitor socket only) when the message was kept as an offline message for a member who is away.
     */
    record Ack(String id, long seq, Instant at, boolean queued) implements ServerFrame {
    }

    record Error(String code, String message, String ref, long retryAfterSeconds) implements ServerFrame {
    }

    record OfflineRead(List<String> ids) implements ServerFrame {
    }

    /** The visitor's control showed (or, {@code read}, showed in front of the visitor) the member's message {@code seq}. */
    record Receipt(String conversation, long seq, boolean read) implements ServerFrame {
    }

    /** A colleague who shares their presence, with their live status. */
    record Contact(String cid, String username, String displayName, Presence presence) {
    }

    /** The answer to {@code contacts}: every colleague who shares their presence. */
    record Contacts(List<Contact> contacts) implements ServerFrame {
    }

    /** One contact changed; {@code contact} is null when {@code username} no longer shares (or is gone). */
    record ContactChanged(String username, Contact contact) implements ServerFrame {
    }

    /**
     * {@code hello} on the visitor socket: the colleague the member writes to ({@code id} is their public CID), their
     * presence, whether Parley took the member as a verified visitor, and the token that resumes the conversation.
     */
    record Hello(String id, String displayName, Presence presence, boolean verified, String resume) implements ServerFrame {
    }

    /** {@code ended {reason}} on the visitor socket: the colleague closed the conversation, or can no longer be reached. */
    record Ended(String reason) implements ServerFrame {
    }

    /** A well-formed frame of a type this client does not know (a newer server): ignored, and said once. */
    record Unknown(String type) implements ServerFrame {
    }
}
