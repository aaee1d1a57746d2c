package org.parley.desktop.idle;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.awt.AWTEvent;
import java.awt.Toolkit;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Time since the last keyboard or mouse input, and whether the screen saver (or lock) is on. */
public interface LastInput {

    /** Since the last input anywhere this source can see; empty when it cannot tell just now. */
    Optional<Duration> idle();

    /** Whether the screen is locked or the screen saver runs: that counts as away. */
    default boolean screenLocked() {
        return false;
    }

    /** The operating system's source where one works here, else Parley's own windows. */
    static LastInput best() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            LastInput system = os.startsWith("windows") ? new WindowsInput() : os.startsWith("mac") ? new MacInput() : new X11Input();
            if (system.idle().isPresent()) {
                return system;
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // no such library here (no X server, Wayland only, a JNA without this platform): the window's activity will do
        }
        return new WindowInput();
    }

    /** Activity in this program's own windows only. */
    final class WindowInput implements LastInput {

        private volatile long last = System.nanoTime();

        WindowInput() {
            Toolkit.getDefaultToolkit().addAWTEventListener(e -> last = System.nanoTime(),
                    AWTEvent.KEY_EVENT_MASK | AWTEvent.MOUSE_EVENT_MASK | AWTEvent.MOUSE_MOTION_EVENT_MASK);
        }

        @Override
        public Optional<Duration> idle() {
            return Optional.of(Duration.ofNanos(System.nanoTime() - last));
        }
    }

    /** X11's XScreenSaver extension ({@code libXss}): idle time of the whole display, and whether the saver is on. */
    final class X11Input implements LastInput {

        interface X11 extends Library {
            Pointer XOpenDisplay(String name);

            NativeLong XDefaultRootWindow(Pointer display);
        }

        interface Xss extends Library {
            Info XScreenSaverAllocInfo();

            int XScreenSaverQueryInfo(Pointer display, NativeLong drawable, Info info);
        }

        /** {@code XScreenSaverInfo}. */
        @Structure.FieldOrder({"window", "state", "kind", "tilOrSince", "idle", "eventMask"})
        public static class Info extends Structure {
            public NativeLong window;
            public int state;
            public int kind;
            public NativeLong tilOrSince;
            public NativeLong idle;
            public NativeLong eventMask;
        }

        private static final int SCREEN_SAVER_ON = 1;
        private final Xss xss = Native.load("Xss", Xss.class);
        private final Pointer display;
        private final NativeLong root;
        private final Info info;

        X11Input() {
            X11 x11 = Native.load("X11", X11.class);
            display = x11.XOpenDisplay(null);
            if (display == null) {
                throw new IllegalStateException("no X display");
            }
            root = x11.XDefaultRootWindow(display);
            info = xss.XScreenSaverAllocInfo();
        }

        @Override
        public synchronized Optional<Duration> idle() {
            if (xss.XScreenSaverQueryInfo(display, root, info) == 0) {
                return Optional.empty();
            }
            info.read();
            return Optional.of(Duration.ofMillis(info.idle.longValue()));
        }

        @Override
        public synchronized boolean screenLocked() {
            return xss.XScreenSaverQueryInfo(display, root, info) != 0 && info.readField("state").equals(SCREEN_SAVER_ON);
        }
    }

    /**
     * Windows: {@code GetLastInputInfo} against {@code GetTickCount}; the workstation is locked when
     * the desktop that receives input cannot be opened or switched to (the secure desktop has it).
     */
    final class WindowsInput implements LastInput {

        interface User32 extends Library {
            boolean GetLastInputInfo(LastInputInfo info);

            Pointer OpenInputDesktop(int flags, boolean inherit, int desiredAccess);

            boolean SwitchDesktop(Pointer desktop);

            boolean CloseDesktop(Pointer desktop);
        }

        private static final int DESKTOP_SWITCHDESKTOP = 0x0100;

        interface Kernel32 extends Library {
            int GetTickCount();
        }

        @Structure.FieldOrder({"cbSize", "dwTime"})
        public static class LastInputInfo extends Structure {
            public int cbSize = 8;
            public int dwTime;
        }

        private final User32 user32 = Native.load("user32", User32.class);
        private final Kernel32 kernel32 = Native.load("kernel32", Kernel32.class);

        @Override
        public Optional<Duration> idle() {
            LastInputInfo info = new LastInputInfo();
            if (!user32.GetLastInputInfo(info)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Integer.toUnsignedLong(kernel32.GetTickCount() - info.dwTime)));
        }

        @Override
        public boolean screenLocked() {
            Pointer desktop = user32.OpenInputDesktop(0, false, DESKTOP_SWITCHDESKTOP);
            if (desktop == null) {
                return true;
            }
            try {
                return !user32.SwitchDesktop(desktop);
            } finally {
                user32.CloseDesktop(desktop);
            }
        }
    }

    /**
     * macOS: seconds since any input event in the combined session state; the screen is locked when
     * the session's dictionary ({@code CGSessionCopyCurrentDictionary}) says {@code CGSSessionScreenIsLocked}.
     */
    final class MacInput implements LastInput {

        interface CoreGraphics extends Library {
            double CGEventSourceSecondsSinceLastEventType(int stateId, int eventType);

            Pointer CGSessionCopyCurrentDictionary();
        }

        interface CoreFoundation extends Library {
            Pointer CFStringCreateWithCString(Pointer allocator, String text, int encoding);

            Pointer CFDictionaryGetValue(Pointer dictionary, Pointer key);

            boolean CFBooleanGetValue(Pointer value);

            void CFRelease(Pointer object);
        }

        private static final int UTF8 = 0x08000100;
        private final CoreFoundation foundation = Native.load("CoreFoundation", CoreFoundation.class);

        private static final int COMBINED_SESSION_STATE = 0;
        private static final int ANY_INPUT_EVENT = ~0;
        private final CoreGraphics graphics = Native.load("CoreGraphics", CoreGraphics.class);

        @Override
        public Optional<Duration> idle() {
            double seconds = graphics.CGEventSourceSecondsSinceLastEventType(COMBINED_SESSION_STATE, ANY_INPUT_EVENT);
            return Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        }

        @Override
        public boolean screenLocked() {
            Pointer session = graphics.CGSessionCopyCurrentDictionary();
            if (session == null) {
                return false; // no window server session (ssh): nothing to lock
            }
            Pointer key = foundation.CFStringCreateWithCString(null, "CGSSessionScreenIsLocked", UTF8);
            try {
                Pointer locked = foundation.CFDictionaryGetValue(session, key);
                return locked != null && foundation.CFBooleanGetValue(locked);
            } finally {
                foundation.CFRelease(key);
                foundation.CFRelease(session);
            }
        }
    }
}
