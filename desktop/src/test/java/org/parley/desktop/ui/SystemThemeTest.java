package org.parley.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemThemeTest {

    private final List<List<String>> asked = new ArrayList<>();

    private SystemTheme on(String os, Map<String, String> environment, Map<String, String> answers) {
        return new SystemTheme(os, environment, command -> {
            asked.add(command);
            return Optional.ofNullable(answers.get(String.join(" ", command)));
        });
    }

    @Test
    void windowsIsDarkWhenAppsDoNotUseTheLightTheme() {
        String key = "reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize /v AppsUseLightTheme";
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        assertTrue(on("Windows 11", Map.of(), Map.of(key, dark)).dark());
        assertFalse(on("Windows 10", Map.of(), Map.of(key, dark.replace("0x0", "0x1"))).dark());
        assertFalse(on("Windows 10", Map.of(), Map.of()).dark(), "no answer (the value was never set): light");
    }

    @Test
    void macOsIsDarkWhenItsInterfaceStyleIsDark() {
        String key = "defaults read -g AppleInterfaceStyle";
        assertTrue(on("Mac OS X", Map.of(), Map.of(key, "Dark\n")).dark());
        assertFalse(on("Mac OS X", Map.of(), Map.of()).dark(), "light mode: the key does not exist and defaults fails");
    }

    @Test
    void linuxAsksGtkThenGnome() {
        assertTrue(on("Linux", Map.of("GTK_THEME", "Adwaita:dark"), Map.of()).dark());
        assertEquals(List.of(), asked, "GTK_THEME answers without asking anything");
        assertTrue(on("Linux", Map.of(), Map.of("gsettings get org.gnome.desktop.interface color-scheme", "'prefer-dark'\n")).dark());
        assertTrue(on("Linux", Map.of(), Map.of("gsettings get org.gnome.desktop.interface gtk-theme", "'Yaru-dark'\n")).dark());
        assertFalse(on("Linux", Map.of(), Map.of("gsettings get org.gnome.desktop.interface color-scheme", "'default'\n",
                "gsettings get org.gnome.desktop.interface gtk-theme", "'Adwaita'\n")).dark());
        assertFalse(on("Linux", Map.of(), Map.of()).dark(), "no desktop that answers: light");
    }

    @Test
    void parleyThemeDecidesEverywhere() {
        assertTrue(on("Mac OS X", Map.of("PARLEY_THEME", "dark"), Map.of()).dark());
        assertFalse(on("Linux", Map.of("PARLEY_THEME", "Light", "GTK_THEME", "Adwaita:dark"), Map.of()).dark());
        assertEquals(List.of(), asked);
    }
}
