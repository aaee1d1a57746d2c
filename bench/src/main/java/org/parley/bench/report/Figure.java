package org.parley.bench.report;

import java.util.Locale;

/** One measured value of a scenario, with its unit and, where issue 10 sets one, its target. */
public record Figure(String name, double value, String unit, Target target) {

    public static Figure of(String name, double value, String unit) {
        return new Figure(name, value, unit, null);
    }

    public static Figure of(String name, double value, String unit, Target target) {
        return new Figure(name, value, unit, target);
    }

    /** "yes", "no", or "" without a target. */
    public String met() {
        return target == null ? "" : target.metBy(value) ? "yes" : "no";
    }

    public String valueText() {
        return format(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    public String targetText() {
        return target == null ? "" : target + (unit.isEmpty() ? "" : " " + unit);
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
