package org.parley.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core (WCAG 2.1 A and AA rules) run on the page a browser shows. */
public final class Axe {

    private static final String SOURCE = source();

    private Axe() {
    }

    /**
     * The serious and critical violations on the page shown now, each in one line naming the
     * page, the rule and the elements; the minor and moderate ones are printed for the record.
     * CSS transitions and animations are stopped first, so that colours are measured at rest
     * and not half-way through a button's hover transition.
     */
    public static List<String> seriousViolations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("const still = document.createElement('style');"
                + "still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';"
                + "document.head.appendChild(still);");
        js.executeScript(SOURCE);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || ''))})))))"
                + ".catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));");
        JsonArray violations = Json.createReader(new StringReader((String) result)).readArray();
        String page = browser.getCurrentUrl();
        if (!violations.isEmpty()) {
            System.out.println("axe on " + page + ": " + violations);
        }
        return violations.getValuesAs(JsonObject.class).stream()
                .filter(v -> List.of("serious", "critical").contains(v.getString("impact", "")))
                .map(v -> page + ": " + v).toList();
    }

    /** axe-core's script, from the webjar on the test class path, whatever its version. */
    private static String source() {
        ClassLoader loader = Axe.class.getClassLoader();
        try (InputStream pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            Properties properties = new Properties();
            properties.load(pom);
            String path = "META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
            try (InputStream script = loader.getResourceAsStream(path)) {
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
