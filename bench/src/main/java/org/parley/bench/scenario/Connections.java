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
 * full GC, both ÷ N), and the server's CPU while they sit idle (in a second idle window, after the first
 * round of pings), next to its CPU over the same window before they were opened.
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
            // the first idle window holds the first ping round, whose path the JIT compiles then (once, as on a
            // server that runs all day); the second is the steady state, the figure
            Usage firstIdleStart = context.usage();
            limit.measureFor(scale.idle());
            Usage idleStart = context.usage();
            outcome.add(Figure.of("server CPU in the first idle window", coreShare(firstIdleStart, idleStart), "% of a core"));
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
