package org.parley.desktop.session;

import java.util.List;
import org.parley.desktop.protocol.Presence;
import org.parley.desktop.protocol.ServerFrame;

/** What just changed; the {@link Snapshot} delivered with it shows the result. */
public sealed interface SessionEvent {

    record StateChanged(ConnectionState state, String sentence) implements SessionEvent {
    }

    record SignedIn(String cid, String displayName) implements SessionEvent {
    }

    record PresenceChanged(Presence presence) implements SessionEvent {
    }

    record ChatStarted(String chat) implements SessionEvent {
    }

    /** A visitor's message arrived, or the member's own appeared (typed here, or answered from another client). */
    record MessageShown(String chat, Entry entry) implements SessionEvent {
    }

    record DeliveryChanged(String chat, Entry entry) implements SessionEvent {
    }

    /** The member read the conversation: its visitor messages are confirmed read and nothing in it is unread. */
    record ChatRead(String chat) implements SessionEvent {
    }

    record Typing(String chat, boolean active) implements SessionEvent {
    }

    record ChatEnded(String chat, String reason) implements SessionEvent {
    }

    record OfflineChanged(List<ServerFrame.OfflineNote> offline) implements SessionEvent {
    }

    /** A visitor just left an offline message on a contact point the member is on (while connected); it is in the list too. */
    record OfflineArrived(ServerFrame.OfflineNote message) implements SessionEvent {
    }

    /** The contact list came, or one contact changed. */
    record ContactsChanged(List<ServerFrame.Contact> contacts) implements SessionEvent {
    }

    /** Something went wrong that the member should read (an error frame, a frame not understood); the session goes on. */
    record Notice(String sentence) implements SessionEvent {
    }
}
