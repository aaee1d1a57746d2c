package org.parley.bench.report;

import java.util.List;

/**
 * What one scenario measured: its figures, the errors and lost messages it counted, notes on how
 * it measured, and why it failed if it did (over its time limit, the server refused, …).
 */
public record ScenarioResult(String scenario, List<Figure> figures, long errors, long lost, List<String> notes,
                             String failure) {

    public boolean failed() {
        return failure != null;
    }

    public Figure figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(scenario + " has no figure '" + name + "'"));
    }
}
