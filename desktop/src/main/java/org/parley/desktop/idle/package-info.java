/**
 * How long the member has been away from the computer: the operating system's last-input time
 * through JNA (the XScreenSaver extension on X11, {@code GetLastInputInfo} on Windows,
 * {@code CGEventSourceSecondsSinceLastEventType} on macOS), else activity in Parley's own windows.
 */
package org.parley.desktop.idle;
