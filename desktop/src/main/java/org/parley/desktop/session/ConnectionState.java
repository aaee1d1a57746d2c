package org.parley.desktop.session;

/** Where the session stands with the server, as the member should see it. */
public enum ConnectionState {
    CONNECTING,
    ONLINE,
    /** The socket is gone; the session tries again by itself. Anything typed meanwhile waits. */
    RECONNECTING,
    /** The credential no longer works: only signing in again helps. */
    SIGNED_OUT,
    /** The member quit or signed out. */
    STOPPED
}
