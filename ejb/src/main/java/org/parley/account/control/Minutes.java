package org.parley.account.control;

import java.time.Duration;

/** A wait told to people in whole minutes: rounded up, at least one, and "1 minute" in the singular. */
public final class Minutes {

    private Minutes() {
    }

    /** The wait in whole minutes, rounded up; at least 1. */
    public static long toWait(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    /** The same in English words: "1 minute", "12 minutes". */
    public static String inWords(Duration wait) {
        long minutes = toWait(wait);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
