package org.parley.httpguard.control;

import java.util.concurrent.ConcurrentHashMap;

/**
 * When to tell the log about something that happens again and again for one key (a peer's address): at its first
 * occurrence, then at most once per period, with how many occurred since it was last told. Remembers at most so many
 * keys; past that it forgets them all and tells each again, so a flood of addresses cannot make it grow.
 */
public final class Notices {

    private final long periodNanos;
    private final int capacity;
    private final ConcurrentHashMap<String, Notice> byKey = new ConcurrentHashMap<>();

    private static final class Notice {

        private long toldAt;
        private long since;

        Notice(long toldAt) {
            this.toldAt = toldAt;
        }
    }

    public Notices(long periodNanos, int capacity) {
        this.periodNanos = periodNanos;
        this.capacity = capacity;
    }

    /**
     * Counts one occurrence for {@code key} at {@code now} ({@link System#nanoTime()}); answers how many occurred since
     * it was last told, this one included, when it is time to tell, else {@code 0}.
     */
    public long occurred(String key, long now) {
        if (byKey.size() >= capacity && !byKey.containsKey(key)) {
            byKey.clear();
        }
        Notice notice = byKey.computeIfAbsent(key, k -> new Notice(now - periodNanos));
        synchronized (notice) {
            notice.since++;
            if (now - notice.toldAt < periodNanos) {
                return 0;
            }
            notice.toldAt = now;
            long told = notice.since;
            notice.since = 0;
            return told;
        }
    }
}
