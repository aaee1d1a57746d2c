package org.parley.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.settings.entity.Setting;
import org.parley.settings.entity.SettingValues;

class CurrentSettingsTest {

    @Test
    void aSettingNeverSavedIsTheConfiguredValueAndASavedOneOverridesIt() {
        CurrentSettings settings = CurrentSettings.of(Map.of(Setting.ACCESS_TTL, "PT2H", Setting.INTRANET_ORIGINS, "https://a.example"));
        assertEquals(Duration.ofHours(2), settings.now().duration(Setting.ACCESS_TTL));
        assertEquals(Duration.ofSeconds(60), settings.now().duration(Setting.CODE_TTL), "the built-in default");
        assertEquals(Set.of("https://a.example"), settings.now().intranetOrigins());
        assertFalse(settings.now().isSaved(Setting.ACCESS_TTL));

        settings.apply(Map.of(Setting.ACCESS_TTL, "pt15m"));
        SettingValues now = settings.now();
        assertEquals(Duration.ofMinutes(15), now.duration(Setting.ACCESS_TTL));
        assertEquals("PT15M", now.text(Setting.ACCESS_TTL));
        assertTrue(now.isSaved(Setting.ACCESS_TTL));
        assertEquals("PT2H", settings.configured(Setting.ACCESS_TTL), "the configured value stays the default");

        settings.apply(Map.of());
        assertEquals(Duration.ofHours(2), settings.now().duration(Setting.ACCESS_TTL), "a removed value is the configured one again");
    }

    @Test
    void aSavedValueThatNoLongerPassesIsIgnoredButABadConfiguredOneStopsTheStart() {
        CurrentSettings settings = CurrentSettings.of(Map.of());
        settings.apply(Map.of(Setting.VISITOR_MESSAGE_BURST, "-1"));
        assertEquals(20, settings.now().whole(Setting.VISITOR_MESSAGE_BURST));
        assertFalse(settings.now().isSaved(Setting.VISITOR_MESSAGE_BURST));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CurrentSettings.of(Map.of(Setting.VISITOR_MESSAGES_PER_SECOND, "0")));
        assertTrue(refused.getMessage().contains("parley.limits.visitor-messages-per-second"), refused.getMessage());
    }
}
