package org.parley.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import org.parley.bench.client.Tally;
import org.parley.bench.report.Figure;
import org.parley.bench.report.ScenarioResult;

/** What a scenario has measured so far; the runner turns it into a result, also when the scenario fails midway. */
public final class Outcome {

    private final String scenario;
    private final Tally tally;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long lost;

    Outcome(String scenario) {
        this(scenario, new Tally());
    }

    private Outcome(String scenario, Tally tally) {
        this.scenario = scenario;
        this.tally = tally;
    }

    /** For a warm-up: its figures and notes are its own, its errors count as this scenario's. */
    Outcome aside() {
        return new Outcome(scenario, tally);
    }

    List<Figure> figures() {
        return figures;
    }

    Tally tally() {
        return tally;
    }

    void add(Figure figure) {
        figures.add(figure);
    }

    void addAll(List<Figure> more) {
        figures.addAll(more);
    }

    void note(String note) {
        notes.add(note);
    }

    /** Messages the server acknowledged that never reached the member. */
    void lost(long count) {
        lost = count;
    }

    ScenarioResult result(String failure) {
        List<String> all = new ArrayList<>(notes);
        tally.first().forEach(e -> all.add("error: " + e));
        return new ScenarioResult(scenario, List.copyOf(figures), tally.errors(), lost, all, failure);
    }
}
