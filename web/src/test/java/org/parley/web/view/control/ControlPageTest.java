package org.parley.web.view.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.consent.control.IntranetOrigins;
import org.parley.web.i18n.Markets;

/** What the control page writes besides its markup: its policy, its JSON island, its words. */
class ControlPageTest {

    @Test
    void thePolicyAllowsParleyAndTheIntranetOriginsToFrameThePage() {
        String policy = ControlPageFilter.policy("n0nce", IntranetOrigins.of(List.of("https://intranet.example",
                " http://127.0.0.1:28765 ", "HTTPS://Portal.Example/", "https://evil.example; script-src *", "*",
                "javascript:alert(1)")));
        assertEquals("default-src 'none'; script-src 'self'; style-src 'self' 'nonce-n0nce'; img-src 'self'; "
                + "connect-src 'self'; frame-ancestors 'self' https://intranet.example http://127.0.0.1:28765 "
                + "https://portal.example; base-uri 'none'; form-action 'self'", policy);
        assertTrue(ControlPageFilter.policy("n", List.of()).contains("frame-ancestors 'self';"));
    }

    @Test
    void everyPageGetsAFreshNonce() {
        String nonce = ControlPageFilter.newNonce();
        assertTrue(nonce.matches("[A-Za-z0-9_-]{24}"), nonce);
        assertNotEquals(nonce, ControlPageFilter.newNonce());
    }

    @Test
    void theJsonIslandCannotEndItsScriptElement() {
        String safe = ImmeBacking.scriptSafe("{\"name\":\"</script><script>alert(1)</script>&amp;\u2028\"}");
        assertFalse(safe.contains("<") || safe.contains(">") || safe.contains("&") || safe.contains("\u2028"), safe);
        assertEquals("{\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u0026amp;\\u2028\"}",
                safe);
    }

    @Test
    void everyCultureSaysEverythingTheControlSays() throws IOException {
        Set<String> keys = load("Control.properties").stringPropertyNames();
        assertTrue(keys.contains("chat.with") && keys.contains("message.leave"), keys.toString());
        for (String language : List.of("de", "fr", "es", "ja", "ar", "he")) {
            Properties own = load("Control_" + language + ".properties");
            assertEquals(keys, own.stringPropertyNames(), language);
            for (String key : keys) {
                assertEquals(placeholders(load("Control.properties").getProperty(key)), placeholders(own.getProperty(key)),
                        language + " " + key);
            }
        }
    }

    @Test
    void theRightToLeftCulturesSpeakTheirOwnScript() {
        ResourceBundle arabic = Markets.bundle("Control", Markets.resolve("ar-SA"));
        ResourceBundle hebrew = Markets.bundle("Control", Markets.resolve("he-IL"));
        assertTrue(arabic.getString("send").codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC));
        assertTrue(hebrew.getString("send").codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HEBREW));
        assertEquals("Send", Markets.bundle("Control", Locale.forLanguageTag("en-US")).getString("send"));
    }

    private static List<String> placeholders(String text) {
        return java.util.regex.Pattern.compile("\\{\\w+}").matcher(text).results().map(r -> r.group()).distinct().sorted().toList();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ControlPageTest.class.getResourceAsStream("/org/parley/web/i18n/" + name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
