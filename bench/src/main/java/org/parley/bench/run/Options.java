package org.parley.bench.run;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The command line: {@code [--url URL [--pid PID]] [--scenarios a,b] [--scale full|smoke] [--jvm "FLAGS"] [--out FILE] [--http auto|wrk|java] [--home DIR]}. */
public record Options(String url, Long pid, List<String> scenarios, Scale scale, String jvmFlags, Path out,
                      String http, Path home, String commandLine) {

    public static final List<String> DEFAULT_SCENARIOS = List.of("startup", "relay", "latency", "connections",
            "presence", "fanout");
    public static final List<String> ALL_SCENARIOS = List.of("startup", "relay", "latency", "connections",
            "presence", "fanout", "soak", "desktop");
    /** Parley's JVM unless {@code --jvm} or {@code -Dparley.bench.jvm} says otherwise. */
    public static final String DEFAULT_JVM = "-Xms512m -Xmx1g -XX:+UseParallelGC -XX:+UseTransparentHugePages -XX:MetaspaceSize=192m"
            + " -XX:PerfDataSamplingInterval=1000"; // the run command's (README)

    public static Options parse(String... args) {
        String url = null;
        Long pid = null;
        List<String> scenarios = DEFAULT_SCENARIOS;
        Scale scale = Scale.FULL;
        String jvm = System.getProperty("parley.bench.jvm", DEFAULT_JVM);
        Path out = null;
        String http = "auto";
        Path home = defaultHome();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException(usage());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + usage());
            }
            String value = args[++i];
            switch (option) {
                case "--url" -> url = value.endsWith("/") ? value : value + "/";
                case "--pid" -> pid = Long.parseLong(value);
                case "--scenarios" -> scenarios = scenarios(value);
                case "--scale" -> scale = Scale.named(value);
                case "--jvm" -> jvm = value;
                case "--out" -> out = Path.of(value);
                case "--http" -> http = http(value);
                case "--home" -> home = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + usage());
            }
        }
        return new Options(url, pid, scenarios, scale, jvm, out, http, home, String.join(" ", args));
    }

    private static List<String> scenarios(String value) {
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
        names.stream().filter(n -> !ALL_SCENARIOS.contains(n)).findFirst().ifPresent(n -> {
            throw new IllegalArgumentException("unknown scenario " + n + "; known: " + String.join(",", ALL_SCENARIOS));
        });
        return ALL_SCENARIOS.stream().filter(names::contains).toList();
    }

    private static String http(String value) {
        if (!List.of("auto", "wrk", "java").contains(value)) {
            throw new IllegalArgumentException("--http is auto, wrk or java, not " + value);
        }
        return value;
    }

    /** The folder of parley-bench.jar (or of the compiled classes), where the build put Payara Micro and the WAR. */
    private static Path defaultHome() {
        String configured = System.getProperty("parley.bench.home");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            return Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String usage() {
        return """
                usage: java -jar bench/target/parley-bench.jar [options]
                  --url URL         a running Parley (default: start one from bench/target)
                  --pid PID         its process, for /proc figures (default: found by the listening port)
                  --scenarios LIST  comma-separated, of %s (default %s; soak and desktop run only when named)
                  --scale NAME      full (issue 10's counts, default) or smoke (tiny counts)
                  --jvm "FLAGS"     JVM flags of the Parley the bench starts (default "%s")
                  --http NAME       presence API load: auto (wrk if on PATH), wrk or java
                  --out FILE        the JSON report (default bench/target/bench-<time>.json)
                """.formatted(String.join(",", ALL_SCENARIOS), String.join(",", DEFAULT_SCENARIOS), DEFAULT_JVM);
    }
}
