package org.parley.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PageLocalesTest {

    @Test
    void mktComesFirstAndFallsBackLikeTheControl() {
        assertEquals(Locale.forLanguageTag("de-DE"), PageLocales.of("de-AT", "ar"));
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of("xx-XX", "de"));
    }

    @Test
    void withoutMktTheBrowsersFirstShippedLanguageIsUsed() {
        assertEquals(Locale.forLanguageTag("ar-SA"), PageLocales.of(null, "ar-EG,ar;q=0.9,en;q=0.5"));
        assertEquals(Locale.forLanguageTag("de-DE"), PageLocales.of(null, "nl-NL, de;q=0.7, en;q=0.3"));
        assertEquals(Locale.forLanguageTag("he-IL"), PageLocales.of("", "he"));
    }

    @Test
    void nothingUsableIsEnglish() {
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of(null, null));
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of(null, "nl, sv;q=0.5"));
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of(null, "de;q=x,,;;%ZZ"));
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of(null, "de;q=0"));
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of(null, "de,".repeat(600)));
    }
}
