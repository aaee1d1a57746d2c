package org.parley.bench.scenario;

/** One bounded load against Parley, measuring what issue 10 asks of it. */
public interface Scenario {

    String name();

    /** Runs the load, adding figures to {@code outcome} as they are known; fails with a clear message past its limit. */
    void run(Context context, Outcome outcome) throws Exception;
}
