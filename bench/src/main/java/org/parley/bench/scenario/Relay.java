package org.parley.bench.scenario;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.bench.client.MemberClient;
import org.parley.bench.client.Visitor;
import org.parley.bench.report.Figure;
import org.parley.bench.report.Target;
import org.parley.bench.run.Scale;

/**
 * Relay throughput: each of N visitor→member pairs sends M messages as fast as the server acks
 * them, never more than W unacked; delivered messages per second and server CPU per message.
 */
final class Relay implements Scenario {

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public void run(Context context, Outcome outcome) throws Exception {
        Scale scale = context.scale();
        int pairs = scale.relayPairs();
        int each = scale.relayMessages();
        Limit limit = new Limit(scale.scenarioLimit());
        List<MemberClient> members = context.members(pairs);
        AtomicIntegerArray acked = new AtomicIntegerArray(pairs * each);
        AtomicIntegerArray received = new AtomicIntegerArray(pairs * each);
        CountDownLatch delivered = new CountDownLatch(pairs * each);
        AtomicLong lastArrival = new AtomicLong();
        for (MemberClient member : members) {
            member.listen((conversation, seq, text, at) -> {
                int key = key(text.substring(text.indexOf(' ') + 1), each);
                if (received.getAndSet(key, 1) == 0) {
                    lastArrival.accumulateAndGet(at, Math::max);
                    delivered.countDown();
                } else {
                    outcome.tally().error("delivered twice: " + text);
                }
            }, outcome.tally());
        }
        AtomicInteger[] next = new AtomicInteger[pairs];
        Visitor.Listener sender = new Visitor.Listener() {
            @Override
            public void ack(Visitor visitor, String id, long at) {
                int pair = Integer.parseInt(id.substring(0, id.indexOf('-')));
                acked.set(key(id.replace('-', ' '), each), 1);
                int n = next[pair].getAndIncrement();
                if (n < each) {
                    send(visitor, pair, n);
                }
            }
        };
        List<Visitor> visitors = Opening.all(pairs, pairs, i -> Visitor.open(context.sockets(),
                members.get(i).member().cid(), sender, outcome.tally()), outcome.tally(), limit);
        if (visitors.size() < pairs) {
            throw new IllegalStateException("only " + visitors.size() + " of " + pairs + " visitors could open a control");
        }
        // a visitor's pair number (its place in the list) travels in its messages' ids and texts
        Usage start = context.usage();
        try {
            for (int pair = 0; pair < pairs; pair++) {
                visitors.get(pair).identify("Relay visitor " + pair);
                next[pair] = new AtomicInteger(Math.min(scale.relayWindow(), each));
            }
            for (int pair = 0; pair < pairs; pair++) {
                for (int n = 0; n < Math.min(scale.relayWindow(), each); n++) {
                    send(visitors.get(pair), pair, n);
                }
            }
            limit.awaitMessages(delivered, pairs * each, Limit.GRACE, outcome.tally());
            Usage end = context.usage();
            long arrived = pairs * each - delivered.getCount();
            double seconds = (lastArrival.get() - start.wallNanos()) / 1e9;
            outcome.add(Figure.of("delivered", arrived / seconds, "msg/s", Target.atLeast(14_000)));
            outcome.add(Figure.of("server CPU per message", end.serverCpuSince(start) / arrived / 1e3, "µs",
                    Target.atMost(100)));
            outcome.add(Figure.of("generator CPU per message", end.generatorCpuSince(start) / arrived / 1e3, "µs"));
            outcome.addAll(end.figuresSince(start));
        } finally {
            outcome.lost(lost(acked, received));
            Stalls.note(outcome, visitors, acked, received, k -> k / each);
            Opening.closeAll(visitors, Visitor::close, outcome.tally(), limit);
        }
    }

    /** {@code "PAIR N"} → the message's index among all. */
    private static int key(String pairAndN, int each) {
        int space = pairAndN.indexOf(' ');
        return Integer.parseInt(pairAndN.substring(0, space)) * each + Integer.parseInt(pairAndN.substring(space + 1));
    }

    private static void send(Visitor visitor, int pair, int n) {
        visitor.send(pair + "-" + n, "relay " + pair + " " + n);
    }

    static long lost(AtomicIntegerArray acked, AtomicIntegerArray received) {
        long lost = 0;
        for (int i = 0; i < acked.length(); i++) {
            if (acked.get(i) == 1 && received.get(i) == 0) {
                lost++;
            }
        }
        return lost;
    }
}
