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

    /** Windows: {@code GetLastInputInfo} against {@code GetTickCount}. */
    final class WindowsInput implements LastInput {

        interface User32 extends Library {
            boolean GetLastInputInfo(LastInputInfo info);
        }

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
    }

    /** macOS: seconds since any input event in the combined session state. */
    final class MacInput implements LastInput {

        interface CoreGraphics extends Library {
            double CGEventSourceSecondsSinceLastEventType(int stateId, int eventType);
        }

        private static final int COMBINED_SESSION_STATE = 0;
        private static final int ANY_INPUT_EVENT = ~0;
        private final CoreGraphics graphics = Native.load("CoreGraphics", CoreGraphics.class);

        @Override
        public Optional<Duration> idle() {
            double seconds = graphics.CGEventSourceSecondsSinceLastEventType(COMBINED_SESSION_STATE, ANY_INPUT_EVENT);
            return Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        }
    }
}
