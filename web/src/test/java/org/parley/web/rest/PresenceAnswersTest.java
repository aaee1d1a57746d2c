package org.parley.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parley.presence.entity.PresenceStatus;

class PresenceAnswersTest {

    @Test
    void aJsonpCallbackIsLettersDigitsAndUnderscoresOnly() {
        assertTrue(PresenceAnswers.CALLBACK.matcher("showPresence_2").matches());
        assertTrue(PresenceAnswers.CALLBACK.matcher("x".repeat(128)).matches());
        assertFalse(PresenceAnswers.CALLBACK.matcher("x".repeat(129)).matches());
        assertFalse(PresenceAnswers.CALLBACK.matcher("").matches());
        assertFalse(PresenceAnswers.CALLBACK.matcher("alert(1);x").matches());
        assertFalse(PresenceAnswers.CALLBACK.matcher("a.b").matches());
        assertFalse(PresenceAnswers.CALLBACK.matcher("a\nb").matches());
    }

    @Test
    void everyStatusHasItsIcon() {
        assertEquals("icons/presence/be-right-back.svg", PresenceAnswers.iconPath(PresenceStatus.BE_RIGHT_BACK));
        assertEquals("icons/presence/online.svg", PresenceAnswers.iconPath(PresenceStatus.ONLINE));
        assertEquals("icons/presence/on-the-phone.svg", PresenceAnswers.iconPath(PresenceStatus.ON_THE_PHONE));
    }

    @Test
    void theStatusTextFollowsTheCulture() {
        assertEquals("Be right back", PresenceAnswers.statusText(PresenceStatus.BE_RIGHT_BACK, Locale.forLanguageTag("en-US")));
        assertEquals("Beschäftigt", PresenceAnswers.statusText(PresenceStatus.BUSY, Locale.forLanguageTag("de-DE")));
    }
}
