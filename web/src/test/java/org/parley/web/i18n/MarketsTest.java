package org.parley.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MarketsTest {

    @Test
    void aShippedCultureIsUsedAsItIs() {
        assertEquals(Locale.forLanguageTag("fr-FR"), Markets.resolve("fr-FR"));
        assertEquals(Locale.forLanguageTag("ja-JP"), Markets.resolve("ja-jp"));
        assertEquals(Locale.forLanguageTag("he-IL"), Markets.resolve("he_IL"));
    }

    @Test
    void anotherCultureFallsBackToItsLanguageThenToEnglish() {
        assertEquals(Locale.forLanguageTag("de-DE"), Markets.resolve("de-AT"));
        assertEquals(Locale.forLanguageTag("es-ES"), Markets.resolve("es-MX"));
        assertEquals(Markets.DEFAULT, Markets.resolve("pt-BR"));
        assertEquals(Markets.DEFAULT, Markets.resolve(null));
        assertEquals(Markets.DEFAULT, Markets.resolve("<script>"));
    }

    @Test
    void arabicAndHebrewAreRightToLeft() {
        assertTrue(Markets.rightToLeft(Markets.resolve("ar-SA")));
        assertTrue(Markets.rightToLeft(Markets.resolve("he-IL")));
        assertFalse(Markets.rightToLeft(Markets.resolve("en-US")));
    }

    @Test
    void everyShippedCultureSaysEveryStatus() {
        for (Locale culture : Markets.SHIPPED) {
            for (String status : new String[] {"Online", "Busy", "OnThePhone", "BeRightBack", "Idle", "Away", "OutToLunch", "Offline"}) {
                assertFalse(Markets.bundle("Presence", culture).getString("status." + status).isBlank(), culture + " " + status);
            }
        }
        assertEquals("Hors ligne", Markets.bundle("Presence", Markets.resolve("fr-CA")).getString("status.Offline"));
    }

    @Test
    void onlyAPlainCultureTagIsPassedOnInAnAddress() {
        org.junit.jupiter.api.Assertions.assertTrue(Markets.plainTag("de-DE"));
        org.junit.jupiter.api.Assertions.assertTrue(Markets.plainTag("zh_Hant_TW"));
        for (String hostile : new String[] {null, "", "de-DE%0d%0aSet-Cookie:x", "de\r\nX: y", "de\"><script>", "de-DE&x=1",
                "d", "de-" + "A".repeat(9), "\uD800de", "ar\u202E"}) {
            org.junit.jupiter.api.Assertions.assertFalse(Markets.plainTag(hostile), String.valueOf(hostile));
        }
    }
}
