package org.parley.bench.report;

/** A figure's target from issue 10: at least or at most {@code value}. */
public record Target(boolean atLeast, double value) {

    public static Target atLeast(double value) {
        return new Target(true, value);
    }

    public static Target atMost(double value) {
        return new Target(false, value);
    }

    public boolean metBy(double figure) {
        return !Double.isNaN(figure) && (atLeast ? figure >= value : figure <= value);
    }

    @Override
    public String toString() {
        return (atLeast ? "≥ " : "≤ ") + Figure.format(value);
    }
}
