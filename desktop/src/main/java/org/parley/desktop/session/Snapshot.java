package org.parley.desktop.session;

import java.util.List;
import java.util.Optional;
import org.parley.desktop.protocol.Presence;
import org.parley.desktop.protocol.ServerFrame;

/** Everything the member's views show, as it is after one change. Immutable. */
public record Snapshot(ConnectionState state, String notice, String cid, String displayName, Presence presence,
                       List<ChatView> chats, List<ServerFrame.OfflineNote> offline, List<ServerFrame.Contact> contacts) {

    public Optional<ChatView> chat(String id) {
        return chats.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Unread visitor messages over every conversation, for the badge. */
    public int unread() {
        return chats.stream().mapToInt(ChatView::unread).sum();
    }
}
