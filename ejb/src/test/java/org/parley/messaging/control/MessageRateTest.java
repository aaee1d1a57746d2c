package org.parley.messaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MessageRateTest {

    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final MessageRate rate = new MessageRate(now::get);

    @Test
    void eachMinuteCountsItsOwnMessagesAndTheCurrentMinuteIsLast() {
        rate.count();
        rate.count();
        now.addAndGet(60_000);
        rate.count();
        long[] hour = rate.lastHour();
        assertEquals(60, hour.length);
        assertEquals(2, hour[58]);
        assertEquals(1, hour[59]);
        assertEquals(3, LongStream.of(hour).sum());
    }

    @Test
    void aMinuteAnHourAgoIsForgottenWhenItsBucketIsTakenOverAndWhenItLeavesTheHour() {
        rate.count();
        now.addAndGet(60 * 60_000);
        assertEquals(0, LongStream.of(rate.lastHour()).sum(), "an hour later it is out of the window");
        rate.count();
        assertArrayEquals(new long[] {1}, new long[] {rate.lastHour()[59]});
        assertEquals(1, LongStream.of(rate.lastHour()).sum(), "the same bucket counts the new minute only");
    }

    @Test
    void concurrentCountsAreNeverLost() throws InterruptedException {
        int threads = 8;
        int each = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        Thread[] counting = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            counting[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < each; i++) {
                    rate.count();
                }
            });
            counting[t].start();
        }
        start.countDown();
        for (Thread thread : counting) {
            thread.join();
        }
        assertEquals((long) threads * each, rate.lastHour()[59]);
    }
}
