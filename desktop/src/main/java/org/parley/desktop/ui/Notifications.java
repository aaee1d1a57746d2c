package org.parley.desktop.ui;

import java.awt.AWTException;
import java.awt.Image;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.util.Optional;
import org.parley.desktop.session.SessionEvent;
import org.parley.desktop.session.Snapshot;

/**
 * A new conversation or a visitor's message while the window is not in front: a tray notification
 * where the desktop has a tray, and a sound unless the member turned it off. The title's badge
 * (the window's) counts the unread ones either way.
 */
final class Notifications {

    /** Where a notification goes: the desktop's sound and tray. */
    interface Alerts {
        void sound();

        /** Shows the text in the tray; false when the desktop has no tray. */
        boolean tray(String text);
    }

    private final Alerts alerts;
    private final boolean sound;

    Notifications(Alerts alerts, boolean sound) {
        this.alerts = alerts;
        this.sound = sound;
    }

    /** Tells the member of {@code event} unless the window is in front; answers what it said, if anything. */
    Optional<String> on(boolean windowInFront, Snapshot snapshot, SessionEvent event) {
        if (windowInFront) {
            return Optional.empty();
        }
        Optional<String> text = Optional.empty();
        if (event instanceof SessionEvent.ChatStarted started) {
            text = snapshot.chat(started.chat()).map(c -> "New conversation with " + c.visitor().shown());
        } else if (event instanceof SessionEvent.OfflineArrived arrived) {
            text = Optional.of("Offline message from " + arrived.message().visitor().shown() + ": " + arrived.message().text());
        } else if (event instanceof SessionEvent.MessageShown message && message.entry().theirs()) {
            text = snapshot.chat(message.chat()).map(c -> c.visitor().name() + ": " + message.entry().text());
        }
        text.ifPresent(said -> {
            if (sound) {
                alerts.sound();
            }
            alerts.tray(said);
        });
        return text;
    }

    /** The desktop's own: {@code Toolkit.beep} and a {@link TrayIcon} added on first use (clicking it brings the window to the front). */
    static final class Desktop implements Alerts {

        private final Runnable toFront;
        private final Image icon;
        private TrayIcon tray;

        Desktop(Runnable toFront, Image icon) {
            this.toFront = toFront;
            this.icon = icon;
        }

        @Override
        public void sound() {
            Toolkit.getDefaultToolkit().beep();
        }

        @Override
        public boolean tray(String text) {
            if (!SystemTray.isSupported()) {
                return false;
            }
            try {
                if (tray == null) {
                    tray = new TrayIcon(icon, "Parley");
                    tray.setImageAutoSize(true);
                    tray.addActionListener(e -> toFront.run());
                    SystemTray.getSystemTray().add(tray);
                }
                tray.displayMessage("Parley", text, TrayIcon.MessageType.INFO);
                return true;
            } catch (AWTException e) {
                tray = null; // no tray after all: the title's badge still counts
                return false;
            }
        }

        /** Takes the icon out of the tray when the window closes. */
        void remove() {
            if (tray != null) {
                SystemTray.getSystemTray().remove(tray);
                tray = null;
            }
        }
    }
}
