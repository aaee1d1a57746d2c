package org.parley.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text table on stdout: one row per figure, then each scenario's errors and lost messages;
 * why a scenario failed follows below the table, so one long reason does not widen every row.
 */
public final class Table {

    private static final String[] HEADER = {"scenario", "figure", "value", "target", "met"};

    private Table() {
    }

    public static String of(Report report) {
        List<String[]> rows = new ArrayList<>();
        for (ScenarioResult result : report.results()) {
            for (Figure figure : result.figures()) {
                rows.add(new String[] {result.scenario(), figure.name(), figure.valueText(), figure.targetText(),
                        figure.met()});
            }
            rows.add(new String[] {result.scenario(), "errors / lost messages", result.errors() + " / " + result.lost(),
                    "0 / 0", result.errors() == 0 && result.lost() == 0 ? "yes" : "no"});
            if (result.failed()) {
                rows.add(new String[] {result.scenario(), "FAILED", "(see below)", "", "no"});
            }
        }
        StringBuilder out = new StringBuilder(render(rows));
        report.results().stream().filter(ScenarioResult::failed)
                .forEach(r -> out.append(r.scenario()).append(" FAILED: ").append(r.failure()).append('\n'));
        return out.toString();
    }

    static String render(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            line(out, all.get(r), widths);
            if (r == 0) {
                String[] rule = new String[HEADER.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                line(out, rule, widths);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            line.append(i == 0 ? "" : "  ").append(row[i]).append(" ".repeat(widths[i] - row[i].length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
