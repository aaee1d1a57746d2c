package org.parley.desktop.session;

/** Told of every change, on the session's thread: a listener that draws hands over to its own thread and returns. */
@FunctionalInterface
public interface SessionListener {

    void changed(Snapshot snapshot, SessionEvent event);
}
