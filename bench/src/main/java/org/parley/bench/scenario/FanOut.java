package org.parley.bench.scenario;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.parley.bench.client.MemberClient;
import org.parley.bench.client.PresenceWatcher;
import org.parley.bench.client.Visitor;
import org.parley.bench.report.Figure;
import org.parley.bench.report.Target;
import org.parley.bench.run.Scale;

/**
 * Fan-out: C open controls and W directory pages ({@code /ws/presence}) watch one member; the member
 * changes status from its client K times; for each change, the time from sending it until each
 * socket has the new status, and whether every socket saw every change.
 */
final class FanOut implements Scenario {

    private static final List<String> STATUSES = List.of("Busy", "Away", "Online");

    /** The change under way: what status the sockets must report, since when, and who has. */
    private record Change(String status, long sentNanos, AtomicIntegerArray seen, CountDownLatch all) {
    }

    private volatile Change change;

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public void run(Context context, Outcome outcome) throws Exception {
        Scale scale = context.scale();
        int controls = scale.fanOutControls();
        int watchers = scale.fanOutWatchers();
        Limit limit = new Limit(scale.scenarioLimit());
        MemberClient member = context.members(1).get(0);
        String cid = member.member().cid();
        Histogram controlTimes = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(5), 3);
        Histogram watcherTimes = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(5), 3);
        List<Visitor> opened = Opening.all(controls, scale.connectConcurrency(), i -> Visitor.open(context.sockets(), cid,
                new Visitor.Listener() {
                    @Override
                    public void presence(Visitor visitor, String status, long at) {
                        saw(i, status, at, controlTimes);
                    }
                }, outcome.tally()), outcome.tally(), limit);
        List<PresenceWatcher> watching = Opening.all(watchers, scale.connectConcurrency(),
                i -> PresenceWatcher.watch(context.sockets(), cid, (status, at) -> saw(controls + i, status, at,
                        watcherTimes), outcome.tally()), outcome.tally(), limit);
        Usage start = context.usage();
        int sockets = controls + watchers;
        long missed = 0;
        try {
            for (int k = 0; k < scale.fanOutChanges(); k++) {
                String status = STATUSES.get(k % STATUSES.size());
                Change now = new Change(status, System.nanoTime(), new AtomicIntegerArray(sockets),
                        new CountDownLatch(sockets));
                change = now;
                member.status(status);
                if (!now.all().await(Math.min(limit.remainingNanos(), TimeUnit.SECONDS.toNanos(30)),
                        TimeUnit.NANOSECONDS)) {
                    missed += now.all().getCount();
                    outcome.tally().error(now.all().getCount() + " of " + sockets + " sockets did not see "
                            + status + " within 30 s");
                }
            }
            Usage end = context.usage();
            outcome.add(Figure.of("sockets that saw every change", sockets - missed, "of " + sockets));
            outcome.add(Latency.ms("controls p99", controlTimes.getValueAtPercentile(99), Target.atMost(100)));
            outcome.add(Latency.ms("controls max", controlTimes.getMaxValue(), null));
            outcome.add(Latency.ms("watchers p99", watcherTimes.getValueAtPercentile(99), Target.atMost(100)));
            outcome.add(Latency.ms("watchers max", watcherTimes.getMaxValue(), null));
            outcome.addAll(end.figuresSince(start));
        } finally {
            Opening.closeAll(opened, Visitor::close, outcome.tally(), limit);
            Opening.closeAll(watching, PresenceWatcher::close, outcome.tally(), limit);
        }
    }

    private void saw(int socket, String status, long at, Histogram times) {
        Change now = change;
        if (now != null && now.status().equals(status) && now.seen().getAndSet(socket, 1) == 0) {
            times.recordValue(Math.max(0, at - now.sentNanos()));
            now.all().countDown();
        }
    }
}
