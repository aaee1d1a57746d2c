package org.parley.monitoring.entity;

import java.time.Instant;
import java.util.List;

/**
 * What the dashboard shows of the conversations and the database at one moment.
 *
 * @param openConversations conversations under way (not ended)
 * @param perMinute         messages (visitors' and members') in each of the last 60 minutes, oldest first
 * @param lastMinute        the start of the last of those minutes, the one under way
 * @param database          whether the database answered, and how fast
 */
public record Figures(int openConversations, List<Long> perMinute, Instant lastMinute, Database database) {

    /** The database's health: whether it answered a validation within 2 s, and how long that took. */
    public record Database(boolean reachable, long millis) {
    }

    public long lastHourTotal() {
        return perMinute.stream().mapToLong(Long::longValue).sum();
    }
}
