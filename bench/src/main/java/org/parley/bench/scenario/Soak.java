package org.parley.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.parley.bench.client.MemberClient;
import org.parley.bench.client.Visitor;
import org.parley.bench.report.Figure;
import org.parley.bench.run.Heap;
import org.parley.bench.run.Scale;

/**
 * Soak (by hand only): R messages per second over N members for a long time, while visitors arrive
 * and leave (each sends M messages, closes its control, and a new visitor takes its place); the
 * server's live heap after a full GC is sampled every interval and must stay flat, with no error
 * and no lost message.
 */
final class Soak implements Scenario {

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public void run(Context context, Outcome outcome) throws Exception {
        Scale scale = context.scale();
        int slots = scale.soakPairs();
        int rate = scale.soakRate();
        long total = rate * scale.soakRun().toSeconds();
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a soak of " + total + " messages is too long");
        }
        long interval = 1_000_000_000L / rate;
        Limit limit = new Limit(scale.soakLimit());
        List<MemberClient> members = context.members(slots);
        AtomicIntegerArray acked = new AtomicIntegerArray((int) total);
        AtomicIntegerArray received = new AtomicIntegerArray((int) total);
        CountDownLatch delivered = new CountDownLatch((int) total);
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(5), 3);
        for (MemberClient member : members) {
            member.listen((conversation, seq, text, at) -> {
                String[] parts = text.split(" ");
                if (received.getAndSet(Integer.parseInt(parts[1]), 1) == 0) {
                    latency.recordValue(Math.max(0, at - Long.parseLong(parts[2])));
                    delivered.countDown();
                }
            }, outcome.tally());
        }
        Visitor.Listener acks = new Visitor.Listener() {
            @Override
            public void ack(Visitor visitor, String id, long at) {
                acked.set(Integer.parseInt(id), 1);
            }
        };
        List<CompletableFuture<Visitor>> current = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            current.add(arrive(context, members.get(slot), acks, outcome));
        }
        List<Long> heap = new ArrayList<>();
        OptionalLong pid = context.parley().pid();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        if (pid.isPresent()) {
            long every = scale.soakSample().toNanos();
            sampler.scheduleAtFixedRate(() -> {
                long kib = Heap.liveKiB(pid.getAsLong());
                synchronized (heap) {
                    heap.add(kib);
                }
            }, every, every, TimeUnit.NANOSECONDS);
        }
        Usage start = context.usage();
        long visitorsSeen = slots;
        try {
            long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            int[] sentBy = new int[slots];
            for (int k = 0; k < total; k++) {
                long intended = begin + k * interval;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if ((k & 1023) == 0) {
                    limit.check("sending " + total + " messages at " + rate + "/s");
                }
                int slot = k % slots;
                String id = String.valueOf(k);
                String text = "soak " + k + " " + intended;
                // each visitor's frames stay in order: the next one is chained on the last
                CompletableFuture<Visitor> sending = current.get(slot).thenApply(v -> {
                    v.send(id, text);
                    return v;
                });
                if (++sentBy[slot] == scale.soakMessagesPerVisitor()) {
                    sentBy[slot] = 0;
                    sending.thenAccept(Visitor::close);
                    current.set(slot, arrive(context, members.get(slot), acks, outcome));
                    visitorsSeen++;
                } else {
                    current.set(slot, sending);
                }
            }
            limit.awaitMessages(delivered, total, Limit.GRACE, outcome.tally());
            Usage end = context.usage();
            outcome.add(Figure.of("delivered", total / end.secondsSince(start), "msg/s"));
            outcome.add(Figure.of("visitors that came and went", visitorsSeen, ""));
            outcome.add(Latency.ms("p99", latency.getValueAtPercentile(99), null));
            outcome.add(Latency.ms("max", latency.getMaxValue(), null));
            synchronized (heap) {
                if (!heap.isEmpty()) {
                    long max = heap.stream().mapToLong(Long::longValue).max().orElse(-1);
                    outcome.add(Figure.of("live heap, first sample", heap.get(0) / 1024.0, "MiB"));
                    outcome.add(Figure.of("live heap, last sample", heap.get(heap.size() - 1) / 1024.0, "MiB"));
                    outcome.add(Figure.of("live heap, highest sample", max / 1024.0, "MiB"));
                    outcome.note("live heap after GC each " + scale.soakSample().toSeconds() + " s (KiB): " + heap);
                }
            }
            outcome.addAll(end.figuresSince(start));
        } finally {
            sampler.shutdownNow();
            outcome.lost(Relay.lost(acked, received));
            List<Visitor> last = new ArrayList<>();
            for (CompletableFuture<Visitor> visitor : current) {
                last.add(limit.join(visitor, "the last visitors' controls"));
            }
            Opening.closeAll(last, Visitor::close, outcome.tally(), limit);
        }
    }

    private static CompletableFuture<Visitor> arrive(Context context, MemberClient member, Visitor.Listener acks,
                                                     Outcome outcome) {
        return Visitor.open(context.sockets(), member.member().cid(), acks, outcome.tally()).thenApply(v -> {
            v.identify("Soak visitor");
            return v;
        });
    }
}
