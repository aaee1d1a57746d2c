package org.parley.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code wrk --latency} printed: requests per second, latency percentiles, and the failures it counted. */
public record WrkOutput(double requestsPerSecond, Map<String, Double> percentilesMs, long requests,
                        long non2xx, long socketErrors) {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    public static WrkOutput parse(String text) {
        Matcher rate = RATE.matcher(text);
        Matcher total = TOTAL.matcher(text);
        if (!rate.find() || !total.find()) {
            throw new IllegalArgumentException("not the output of wrk --latency:\n" + text);
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        Matcher p = PERCENTILE.matcher(text);
        while (p.find()) {
            double value = Double.parseDouble(p.group(2));
            percentiles.put("p" + p.group(1), switch (p.group(3)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            });
        }
        Matcher non2xx = NON_2XX.matcher(text);
        Matcher socket = SOCKET_ERRORS.matcher(text);
        long socketErrors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        return new WrkOutput(Double.parseDouble(rate.group(1)), percentiles, Long.parseLong(total.group(1)),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors);
    }
}
