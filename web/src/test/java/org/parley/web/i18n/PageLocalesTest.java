package org.parley.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PageLocalesTest {

    @Test
    void mktComesFirstAndFallsBackLikeTheControl() {
        assertEquals(Locale.forLanguageTag("de-DE"), PageLocales.of("de-AT", null, "ar"));
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of("xx-XX", null, "de"));
    }

    @Test
    void withoutMktTheBrowsersFirstShippedLanguageIsUsed() {
        assertEquals(Locale.forLanguageTag("ar-SA"), PageLocales.of(null, null, "ar-EG,ar;q=0.9,en;q=0.5"));
        assertEquals(Locale.forLanguageTag("de-DE"), PageLocales.of(null, null, "nl-NL, de;q=0.7, en;q=0.3"));
        assertEquals(Locale.forLanguageTag("ar-SA"), PageLocales.of("", null, "he, ar;q=0.5"),
                "Hebrew pages are not written yet: the next language the browser takes");
    }

    @Test
    void theMembersChoiceComesAfterMktAndBeforeTheBrowser() {
        assertEquals(Locale.forLanguageTag("ar-SA"), PageLocales.of(null, "ar-SA", "de"));
        assertEquals(Locale.forLanguageTag("de-DE"), PageLocales.of("de-DE", "ar-SA", "en"));
    }

    @Test
    void aCultureThePagesAreNotTranslatedIntoGivesEnglishPages() {
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of("fr-FR", null, "de"));
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of(null, "ja-JP", "de"));
    }

    @Test
    void nothingUsableIsEnglish() {
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of(null, null, null));
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of(null, null, "nl, sv;q=0.5"));
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of(null, null, "de;q=x,,;;%ZZ"));
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of(null, null, "de;q=0"));
        assertEquals(Locale.forLanguageTag("en-US"), PageLocales.of(null, null, "de,".repeat(600)));
    }
}
