package org.parley.bench.scenario;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.parley.bench.client.MemberClient;
import org.parley.bench.client.Visitor;
import org.parley.bench.report.Figure;
import org.parley.bench.report.Target;
import org.parley.bench.run.Scale;

/**
 * Latency at a fixed rate: R messages per second spread over N pairs for T seconds; the time from
 * each message's <em>intended</em> send time (its slot in the schedule, so a generator or server
 * that falls behind is measured, not hidden: no coordinated omission) to its arrival at the member.
 * A warm-up round at the same rate over the same pairs comes first, as for the relay and the
 * Presence API, so the figures are those of a server whose JIT has compiled this path (at this rate
 * a message wakes threads the saturated relay keeps awake, and for the first seconds the server
 * compiles them); its own p99 is reported too. The measured run follows without a gap, and its first
 * seconds are left out as well.
 */
final class Latency implements Scenario {

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public void run(Context context, Outcome outcome) throws Exception {
        Scale scale = context.scale();
        int pairs = scale.latencyPairs();
        int rate = scale.latencyRate();
        int warm = slots(rate, scale.latencyWarmUpRound().toNanos());
        int total = slots(rate, scale.latencyRun().toNanos());
        long interval = 1_000_000_000L / rate;
        Limit limit = new Limit(scale.scenarioLimit());
        List<MemberClient> members = context.members(pairs);
        AtomicIntegerArray acked = new AtomicIntegerArray(warm + total);
        AtomicIntegerArray received = new AtomicIntegerArray(warm + total);
        CountDownLatch warmedUp = new CountDownLatch(warm);
        CountDownLatch delivered = new CountDownLatch(total);
        Histogram warmUpLatency = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(5), 3);
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(5), 3);
        AtomicLong measuredFrom = new AtomicLong(Long.MAX_VALUE);
        for (MemberClient member : members) {
            member.listen((conversation, seq, text, at) -> {
                String[] parts = text.split(" ");
                int k = Integer.parseInt(parts[1]);
                long intended = Long.parseLong(parts[2]);
                if (received.getAndSet(k, 1) == 0) {
                    if (k < warm) {
                        warmUpLatency.recordValue(Math.max(0, at - intended));
                        warmedUp.countDown();
                    } else {
                        if (intended >= measuredFrom.get()) {
                            latency.recordValue(Math.max(0, at - intended));
                        }
                        delivered.countDown();
                    }
                }
            }, outcome.tally());
        }
        Visitor.Listener acks = new Visitor.Listener() {
            @Override
            public void ack(Visitor visitor, String id, long at) {
                acked.set(Integer.parseInt(id), 1);
            }
        };
        List<Visitor> visitors = Opening.all(pairs, pairs, i -> Visitor.open(context.sockets(),
                members.get(i).member().cid(), acks, outcome.tally()), outcome.tally(), limit);
        if (visitors.size() < pairs) {
            throw new IllegalStateException("only " + visitors.size() + " of " + pairs + " visitors could open a control");
        }
        visitors.forEach(v -> v.identify("Latency visitor"));
        long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long runFrom = begin + warm * interval;
        measuredFrom.set(runFrom + scale.latencyWarmUp().toNanos());
        try {
            send(visitors, begin, 0, warm, interval, limit);
            Usage start = context.usage();
            long behind = send(visitors, begin, warm, warm + total, interval, limit);
            double sending = (System.nanoTime() - runFrom) / 1e9;
            limit.awaitMessages(warmedUp, warm, Limit.GRACE, outcome.tally());
            limit.awaitMessages(delivered, total, Limit.GRACE, outcome.tally());
            Usage end = context.usage();
            if (warm > 0) {
                outcome.add(ms("warm-up round (" + warm + " messages), p99", warmUpLatency.getValueAtPercentile(99), null));
            }
            outcome.add(Figure.of("rate sent", total / sending, "msg/s"));
            outcome.add(Figure.of("messages measured (after warm-up)", latency.getTotalCount(), ""));
            outcome.add(ms("p50", latency.getValueAtPercentile(50), null));
            outcome.add(ms("p95", latency.getValueAtPercentile(95), null));
            outcome.add(ms("p99", latency.getValueAtPercentile(99), Target.atMost(1.5)));
            outcome.add(ms("max", latency.getMaxValue(), null));
            outcome.add(Figure.of("server CPU per message", end.serverCpuSince(start) / (total - delivered.getCount())
                    / 1e3, "µs"));
            outcome.add(Figure.of("generator's schedule, most behind", behind / 1e6, "ms"));
            outcome.addAll(end.figuresSince(start));
        } finally {
            outcome.lost(Relay.lost(acked, received));
            Stalls.note(outcome, visitors, acked, received, k -> k % pairs);
            Opening.closeAll(visitors, Visitor::close, outcome.tally(), limit);
        }
    }

    /** Sends messages {@code from} to {@code to} at their slots in the schedule; how far behind it fell at most. */
    private static long send(List<Visitor> visitors, long begin, int from, int to, long interval, Limit limit) {
        long behind = 0;
        for (int k = from; k < to; k++) {
            long intended = begin + k * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                behind = Math.max(behind, -wait);
            }
            if ((k & 1023) == 0) {
                limit.check("sending " + (to - from) + " messages at " + 1_000_000_000L / interval + "/s");
            }
            visitors.get(k % visitors.size()).send(String.valueOf(k), "latency " + k + " " + intended);
        }
        return behind;
    }

    private static int slots(int rate, long nanos) {
        return (int) (rate * nanos / 1_000_000_000L);
    }

    static Figure ms(String name, long nanos, Target target) {
        return Figure.of(name, nanos / 1e6, "ms", target);
    }
}
