package org.parley.bench.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.parley.bench.client.MemberClient;
import org.parley.bench.client.Visitor;
import org.parley.bench.report.Figure;
import org.parley.bench.report.Target;
import org.parley.bench.run.Scale;

/**
 * Relay throughput: each of N visitor→member pairs sends M messages as fast as the server acks
 * them, never more than W unacked; delivered messages per second and server CPU per message. A
 * warm-up round over the same pairs comes first, so the figures are those of a server whose JIT
 * has compiled the relay path (a server that runs all day), not of its first seconds; the warm-up
 * round's own rate is reported too. Three measured rounds follow, and the median one gives the
 * figures (each lasts a few seconds, so one alone varies with what the JIT and GC happen to do).
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
        Limit limit = new Limit(scale.scenarioLimit());
        List<MemberClient> members = context.members(pairs);
        AtomicReference<Round> current = new AtomicReference<>();
        for (MemberClient member : members) {
            member.listen((conversation, seq, text, at) -> received(current.get(), text, at, outcome), outcome.tally());
        }
        Visitor.Listener sender = new Visitor.Listener() {
            @Override
            public void ack(Visitor visitor, String id, long at) {
                Round round = current.get();
                if (round != null) {
                    round.acked(visitor, id);
                }
            }
        };
        List<Visitor> visitors = Opening.all(pairs, pairs, i -> Visitor.open(context.sockets(),
                members.get(i).member().cid(), sender, outcome.tally()), outcome.tally(), limit);
        if (visitors.size() < pairs) {
            throw new IllegalStateException("only " + visitors.size() + " of " + pairs + " visitors could open a control");
        }
        try {
            for (int pair = 0; pair < pairs; pair++) {
                visitors.get(pair).identify("Relay visitor " + pair);
            }
            if (scale.relayWarmUp() > 0) {
                Round warmUp = new Round(0, pairs, scale.relayWarmUp(), scale.relayWindow());
                current.set(warmUp);
                Usage start = context.usage();
                warmUp.run(visitors, limit, outcome);
                outcome.add(Figure.of("warm-up round (" + pairs * scale.relayWarmUp() + " messages)",
                        warmUp.rate(start), "msg/s"));
                if (warmUp.missing() > 0) {
                    throw new IllegalStateException(warmUp.missing() + " warm-up messages did not arrive");
                }
            }
            // three measured rounds, each of issue 10's size; the median one is the figure (a round lasts seconds)
            List<Measured> rounds = new ArrayList<>();
            for (int number = 1; number <= ROUNDS; number++) {
                Round round = new Round(number, pairs, scale.relayMessages(), scale.relayWindow());
                current.set(round);
                Usage start = context.usage();
                round.run(visitors, limit, outcome);
                rounds.add(new Measured(round, start, context.usage()));
                if (round.missing() > 0) {
                    break;
                }
            }
            List<Measured> byRate = rounds.stream().sorted(Comparator.comparingDouble(Measured::rate)).toList();
            Measured median = byRate.get(byRate.size() / 2);
            outcome.add(Figure.of("delivered", median.rate(), "msg/s", Target.atLeast(14_000)));
            outcome.add(Figure.of("server CPU per message", median.end.serverCpuSince(median.start)
                    / median.round.arrived() / 1e3, "µs", Target.atMost(100)));
            outcome.add(Figure.of("generator CPU per message", median.end.generatorCpuSince(median.start)
                    / median.round.arrived() / 1e3, "µs"));
            outcome.note("measured rounds (" + pairs * scale.relayMessages() + " messages each), msg/s: "
                    + rounds.stream().map(m -> String.format(Locale.ROOT, "%,.0f", m.rate()))
                    .collect(Collectors.joining(", ")) + "; the figures are the median round's");
            outcome.addAll(median.end.figuresSince(median.start));
        } finally {
            Round last = current.get();
            if (last != null) {
                outcome.lost(lost(last.acked, last.received));
                Stalls.note(outcome, visitors, last.acked, last.received, k -> k / last.each);
            }
            Opening.closeAll(visitors, Visitor::close, outcome.tally(), limit);
        }
    }

    private static final int ROUNDS = 3;

    /** A round with the usage around it. */
    private record Measured(Round round, Usage start, Usage end) {
        double rate() {
            return round.rate(start);
        }
    }

    /**
     * One round: every pair sends {@code each} messages, ids {@code "ROUND-PAIR-N"} and texts
     * {@code "relay ROUND PAIR N"}, so a late ack or copy of another round is told apart.
     */
    private static final class Round {
        final int number;
        final int pairs;
        final int each;
        final int window;
        final AtomicIntegerArray acked;
        final AtomicIntegerArray received;
        final CountDownLatch delivered;
        final AtomicLong lastArrival = new AtomicLong();
        final AtomicInteger[] next;
        final String idPrefix;
        final String textPrefix;

        Round(int number, int pairs, int each, int window) {
            this.number = number;
            this.pairs = pairs;
            this.each = each;
            this.window = Math.min(window, each);
            this.acked = new AtomicIntegerArray(pairs * each);
            this.received = new AtomicIntegerArray(pairs * each);
            this.delivered = new CountDownLatch(pairs * each);
            this.next = new AtomicInteger[pairs];
            this.idPrefix = number + "-";
            this.textPrefix = "relay " + number + " ";
            for (int pair = 0; pair < pairs; pair++) {
                next[pair] = new AtomicInteger(this.window);
            }
        }

        void run(List<Visitor> visitors, Limit limit, Outcome outcome) throws InterruptedException {
            for (int pair = 0; pair < pairs; pair++) {
                for (int n = 0; n < window; n++) {
                    send(visitors.get(pair), pair, n);
                }
            }
            limit.awaitMessages(delivered, (long) pairs * each, Limit.GRACE, outcome.tally());
        }

        private void send(Visitor visitor, int pair, int n) {
            visitor.send(idPrefix + pair + "-" + n, textPrefix + pair + " " + n);
        }

        void acked(Visitor visitor, String id) {
            if (!id.startsWith(idPrefix)) {
                return; // a late ack of the round before
            }
            int dash = id.indexOf('-', idPrefix.length());
            int pair = Integer.parseInt(id, idPrefix.length(), dash, 10);
            int n = Integer.parseInt(id, dash + 1, id.length(), 10);
            acked.set(pair * each + n, 1);
            int following = next[pair].getAndIncrement();
            if (following < each) {
                send(visitor, pair, following);
            }
        }

        void received(String text, long at, Outcome outcome) {
            if (!text.startsWith(textPrefix)) {
                return;
            }
            int space = text.indexOf(' ', textPrefix.length());
            int key = Integer.parseInt(text, textPrefix.length(), space, 10) * each
                    + Integer.parseInt(text, space + 1, text.length(), 10);
            if (received.getAndSet(key, 1) == 0) {
                lastArrival.accumulateAndGet(at, Math::max);
                delivered.countDown();
            } else {
                outcome.tally().error("delivered twice: " + text);
            }
        }

        long arrived() {
            return (long) pairs * each - delivered.getCount();
        }

        long missing() {
            return delivered.getCount();
        }

        double rate(Usage start) {
            return arrived() / ((lastArrival.get() - start.wallNanos()) / 1e9);
        }
    }

    private static void received(Round round, String text, long at, Outcome outcome) {
        if (round != null) {
            round.received(text, at, outcome);
        }
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
