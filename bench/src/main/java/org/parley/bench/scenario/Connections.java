package org.parley.bench.scenario;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.bench.client.MemberClient;
import org.parley.bench.client.Visitor;
import org.parley.bench.report.Figure;
import org.parley.bench.report.Target;
import org.parley.bench.run.Heap;
import org.parley.bench.run.Scale;

/**
 * Connections: N visitor controls opened (each until its {@code hello}) and held idle; how fast
 * they are set up, what each costs the server in CPU and memory (RSS growth, and live heap after a
 * full GC, both ÷ N), and the server's CPU while they sit idle (in the last of several idle windows, each
 * with one round of pings), next to its CPU over the same window before they were opened.
 */
final class Connections implements Scenario {

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public void run(Context context, Outcome outcome) throws Exception {
        Scale scale = context.scale();
        int count = scale.connections();
        Limit limit = new Limit(scale.scenarioLimit());
        List<MemberClient> members = context.members(scale.members());
        OptionalLong pid = context.parley().pid();
        // the same window without the sockets first: what Parley (and Payara) spend idle by themselves
        Usage quietStart = context.usage();
        limit.measureFor(scale.idle());
        outcome.add(Figure.of("server CPU idle before the sockets opened", coreShare(quietStart, context.usage()),
                "% of a core"));
        long heapBefore = pid.isPresent() ? Heap.liveKiB(pid.getAsLong()) : -1;
        Usage start = context.usage();
        AtomicInteger upgraded = new AtomicInteger();
        List<Visitor> visitors = Opening.all(count, scale.connectConcurrency(), i -> Visitor.open(context.sockets(),
                members.get(i % members.size()).member().cid(), new Visitor.Listener() {
                }, outcome.tally(), upgraded::incrementAndGet), outcome.tally(), limit);
        if (visitors.size() < count) {
            outcome.note(upgraded.get() + " of " + count + " handshakes were answered (101), " + visitors.size()
                    + " sockets got their hello");
        }
        try {
            Usage open = context.usage();
            double seconds = open.secondsSince(start);
            outcome.add(Figure.of("set-up", visitors.size() / seconds, "conn/s", Target.atLeast(1_000)));
            outcome.add(Figure.of("server CPU per connection set-up", open.serverCpuSince(start) / count / 1e6, "ms"));
            outcome.add(Figure.of("generator CPU per connection set-up", open.generatorCpuSince(start) / count / 1e6,
                    "ms"));
            outcome.add(Figure.of("RSS per connection", kib(open.serverRssKiB(), start.serverRssKiB(), count), "KiB",
                    Target.atMost(30)));
            long heapAfter = pid.isPresent() ? Heap.liveKiB(pid.getAsLong()) : -1;
            outcome.add(Figure.of("live heap per connection (after full GC)", kib(heapAfter, heapBefore, count), "KiB"));
            // each idle window holds two of the server's sweeps (an idle socket is pinged in one, sent a heartbeat in
            // the other); the JIT compiles that path over the first sweeps (a sweep runs it 10,000 times, then nothing
            // for 30 s), as a server that runs all day did long ago: every window is reported, the last is the figure
            Usage idleStart = context.usage();
            for (int window = 1; window < scale.idleWindows(); window++) {
                limit.measureFor(scale.idle());
                Usage next = context.usage();
                outcome.add(Figure.of("server CPU in idle window " + window, coreShare(idleStart, next), "% of a core"));
                idleStart = next;
            }
            limit.measureFor(scale.idle());
            Usage idleEnd = context.usage();
            outcome.add(Figure.of("server CPU while idle", coreShare(idleStart, idleEnd), "% of a core",
                    Target.atMost(1)));
            long dropped = visitors.stream().filter(v -> !v.isOpen()).count();
            if (dropped > 0) {
                outcome.tally().error(dropped + " idle sockets were closed by the server");
            }
            outcome.addAll(idleEnd.figuresSince(start));
        } finally {
            Opening.closeAll(visitors, Visitor::close, outcome.tally(), limit);
        }
        if (heapBefore < 0) {
            outcome.note("live heap not measured: jcmd/jstat could not attach to the server's process");
        }
    }

    private static double coreShare(Usage start, Usage end) {
        return 100 * end.serverCpuSince(start) / 1e9 / end.secondsSince(start);
    }

    private static double kib(long after, long before, int count) {
        return after < 0 || before < 0 ? Double.NaN : (double) (after - before) / count;
    }
}
