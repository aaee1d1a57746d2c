package org.parley.messaging.control;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Messages per minute over the last hour, counted on the relay path without a lock: a ring of 60
 * buckets, one per minute, each a single long holding the minute it counts (high 32 bits) and its
 * count (low 32 bits), changed by compare-and-set. The first message of a new minute takes over the
 * bucket that counted the same minute an hour earlier.
 */
public final class MessageRate {

    public static final int MINUTES = 60;

    private final AtomicLongArray buckets = new AtomicLongArray(MINUTES);
    private final LongSupplier millis;

    public MessageRate() {
        this(System::currentTimeMillis);
    }

    public MessageRate(LongSupplier millis) {
        this.millis = millis;
    }

    /** One more message now. */
    public void count() {
        long minute = millis.getAsLong() / 60_000;
        int index = (int) (minute % MINUTES);
        long tag = (minute & 0xFFFF_FFFFL) << 32;
        while (true) {
            long bucket = buckets.get(index);
            long next = (bucket & 0xFFFF_FFFF_0000_0000L) == tag
                    ? (bucket & 0xFFFF_FFFFL) == 0xFFFF_FFFFL ? bucket : bucket + 1 // a full bucket stays full
                    : tag | 1;
            if (buckets.compareAndSet(index, bucket, next)) {
                return;
            }
        }
    }

    /** Messages in each of the last 60 minutes, oldest first; the last is the minute now under way. */
    public long[] lastHour() {
        long now = millis.getAsLong() / 60_000;
        long[] counts = new long[MINUTES];
        for (int i = 0; i < MINUTES; i++) {
            long minute = now - (MINUTES - 1 - i);
            long bucket = buckets.get((int) (minute % MINUTES));
            counts[i] = (bucket >>> 32) == (minute & 0xFFFF_FFFFL) ? bucket & 0xFFFF_FFFFL : 0;
        }
        return counts;
    }

    /** The start of the minute now under way, in milliseconds since the epoch. */
    public long currentMinuteStart() {
        return millis.getAsLong() / 60_000 * 60_000;
    }
}
