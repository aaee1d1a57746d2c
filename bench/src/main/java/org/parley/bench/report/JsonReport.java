package org.parley.bench.report;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;

/** The run as JSON, for comparing runs: machine, commit, command, JVM flags, Java version and every figure. */
public final class JsonReport {

    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonReport() {
    }

    public static String of(Report report) {
        JsonObjectBuilder machine = JSON.createObjectBuilder();
        report.machine().forEach(machine::add);
        JsonArrayBuilder scenarios = JSON.createArrayBuilder();
        for (ScenarioResult result : report.results()) {
            JsonArrayBuilder figures = JSON.createArrayBuilder();
            for (Figure figure : result.figures()) {
                JsonObjectBuilder f = JSON.createObjectBuilder().add("name", figure.name()).add("unit", figure.unit());
                if (Double.isNaN(figure.value())) {
                    f.addNull("value");
                } else {
                    f.add("value", figure.value());
                }
                if (figure.target() != null) {
                    f.add("target", JSON.createObjectBuilder()
                            .add(figure.target().atLeast() ? "atLeast" : "atMost", figure.target().value()))
                            .add("met", figure.target().metBy(figure.value()));
                }
                figures.add(f);
            }
            JsonObjectBuilder scenario = JSON.createObjectBuilder().add("name", result.scenario())
                    .add("errors", result.errors()).add("lost", result.lost())
                    .add("notes", JSON.createArrayBuilder(result.notes())).add("figures", figures);
            if (result.failed()) {
                scenario.add("failure", result.failure());
            }
            scenarios.add(scenario);
        }
        JsonObjectBuilder root = JSON.createObjectBuilder()
                .add("startedAt", report.startedAt().toString())
                .add("machine", machine)
                .add("commit", report.commit())
                .add("command", report.command())
                .add("parleyUrl", report.parleyUrl())
                .add("jvmFlags", report.jvmFlags())
                .add("javaVersion", report.javaVersion())
                .add("scale", report.scale())
                .add("scenarios", scenarios);
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(out)) {
            generator.write(root.build());
        }
        return out.toString().strip() + "\n";
    }
}
