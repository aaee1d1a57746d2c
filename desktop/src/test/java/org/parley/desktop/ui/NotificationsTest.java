package org.parley.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.desktop.protocol.Visitor;
import org.parley.desktop.session.ChatView;
import org.parley.desktop.session.Delivery;
import org.parley.desktop.session.Entry;
import org.parley.desktop.session.SessionEvent;
import org.parley.desktop.session.Snapshot;
import org.junit.jupiter.api.Test;

class NotificationsTest {

    private final List<String> heard = new ArrayList<>();
    private final List<String> trayed = new ArrayList<>();
    private final Notifications.Alerts alerts = new Notifications.Alerts() {
        @Override
        public void sound() {
            heard.add("beep");
        }

        @Override
        public boolean tray(String text) {
            trayed.add(text);
            return true;
        }
    };

    private static final Entry FROM_ADA = new Entry(1, null, Instant.EPOCH, true, "Is the build green?", Delivery.DELIVERED);
    private static final Entry MINE = new Entry(2, "m1", Instant.EPOCH, false, "Yes", Delivery.SENT);
    private static final Snapshot ONE_CHAT = new Snapshot(null, null, "3F2A9C41D07B55E1", "Grace", null,
            List.of(new ChatView("c1", new Visitor("Ada", true, "ada", null), "https://intranet/team", Instant.EPOCH,
                    List.of(FROM_ADA, MINE), 1, false, null, false)), List.of(), List.of());

    @Test
    void aNewConversationOrAVisitorsMessageBehindOtherWindowsRingsAndShowsInTheTray() {
        Notifications notifications = new Notifications(alerts, true);
        assertEquals(Optional.of("New conversation with Ada (verified · ada)"),
                notifications.on(false, ONE_CHAT, new SessionEvent.ChatStarted("c1")));
        assertEquals(Optional.of("Ada: Is the build green?"),
                notifications.on(false, ONE_CHAT, new SessionEvent.MessageShown("c1", FROM_ADA)));
        assertEquals(List.of("beep", "beep"), heard);
        assertEquals(List.of("New conversation with Ada (verified · ada)", "Ada: Is the build green?"), trayed);
    }

    @Test
    void nothingWhileTheWindowIsInFrontNorForTheMembersOwnMessages() {
        Notifications notifications = new Notifications(alerts, true);
        assertEquals(Optional.empty(), notifications.on(true, ONE_CHAT, new SessionEvent.MessageShown("c1", FROM_ADA)));
        assertEquals(Optional.empty(), notifications.on(false, ONE_CHAT, new SessionEvent.MessageShown("c1", MINE)));
        assertEquals(Optional.empty(), notifications.on(false, ONE_CHAT, new SessionEvent.ChatStarted("gone")));
        assertEquals(List.of(), heard);
        assertEquals(List.of(), trayed);
    }

    @Test
    void withoutSoundOnlyTheTray() {
        Notifications notifications = new Notifications(alerts, false);
        notifications.on(false, ONE_CHAT, new SessionEvent.ChatStarted("c1"));
        assertEquals(List.of(), heard);
        assertEquals(1, trayed.size());
    }
}
