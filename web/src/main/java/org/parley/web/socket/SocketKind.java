package org.parley.web.socket;

/** What is at the other end of a socket, as the admin console lists and counts them. */
public enum SocketKind {
    /** The desktop client, on {@code /ws/client} with a Bearer token. */
    DESKTOP,
    /** The web console, on {@code /ws/client} with the signed-in session. */
    CONSOLE,
    /** An IM control of a visitor, on {@code /ws/control}. */
    VISITOR,
    /** A directory page watching presence, on {@code /ws/presence}. */
    PRESENCE
}
