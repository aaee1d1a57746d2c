package org.parley.bench.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The errors one scenario met: counted, and the first few kept word for word for the report. */
public final class Tally {

    private static final int KEPT = 5;

    private final AtomicLong errors = new AtomicLong();
    private final List<String> first = new CopyOnWriteArrayList<>();

    public void error(String what) {
        if (errors.incrementAndGet() <= KEPT) {
            first.add(what);
        }
    }

    public long errors() {
        return errors.get();
    }

    public List<String> first() {
        return List.copyOf(first);
    }
}
