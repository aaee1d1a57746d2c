package org.parley.bench.scenario;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.ToIntFunction;
import org.parley.bench.client.Visitor;

/**
 * When messages went missing, says on which side they stuck: visitors whose frames the generator
 * could not write (the server stopped reading), and visitors none of whose messages were acked.
 */
final class Stalls {

    private Stalls() {
    }

    /**
     * Notes about the visitors; {@code pairOf} maps message index → visitor index, and a visitor
     * with nothing acked or received out of what it sent is named.
     */
    static void note(Outcome outcome, List<Visitor> visitors, AtomicIntegerArray acked, AtomicIntegerArray received,
                     ToIntFunction<Integer> pairOf) {
        long unwritable = visitors.stream().filter(v -> v.unwritten() > 0).count();
        if (unwritable > 0) {
            outcome.note(unwritable + " of " + visitors.size() + " visitors still had frames the generator could not"
                    + " write to the server (" + visitors.stream().mapToLong(Visitor::unwritten).sum() + " frames)");
        }
        int[] ackedBy = new int[visitors.size()];
        int[] unreceivedBy = new int[visitors.size()];
        for (int i = 0; i < acked.length(); i++) {
            int pair = pairOf.applyAsInt(i);
            ackedBy[pair] += acked.get(i);
            unreceivedBy[pair] += 1 - received.get(i);
        }
        StringBuilder silent = new StringBuilder();
        for (int pair = 0; pair < visitors.size(); pair++) {
            if (unreceivedBy[pair] > 0) {
                silent.append(" #").append(pair).append(" (").append(ackedBy[pair]).append(" acked, ")
                        .append(unreceivedBy[pair]).append(" not received, ").append(visitors.get(pair).unwritten())
                        .append(" unwritten, open ").append(visitors.get(pair).isOpen()).append(')');
            }
        }
        if (!silent.isEmpty()) {
            outcome.note("visitors whose messages did not all arrive:" + silent);
        }
    }
}
