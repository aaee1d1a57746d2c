package org.parley.desktop.session;

import java.util.concurrent.ThreadFactory;

/** Threads of the client's own: daemons, so closing the window or {@code /quit} ends the program, and named, for thread dumps. */
public final class Daemons {

    private Daemons() {
    }

    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs {@code task} once on a thread of its own. */
    public static void run(String name, Runnable task) {
        named(name).newThread(task).start();
    }
}
