package org.parley.web.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The cultures ({@code mkt}) Parley speaks: a requested culture is used when shipped, else the
 * first shipped culture of its language, else {@code en-US}. Right-to-left cultures are marked.
 */
public final class Markets {

    public static final Locale DEFAULT = Locale.forLanguageTag("en-US");
    public static final List<Locale> SHIPPED = List.of(DEFAULT, Locale.forLanguageTag("de-DE"),
            Locale.forLanguageTag("fr-FR"), Locale.forLanguageTag("es-ES"), Locale.forLanguageTag("ja-JP"),
            Locale.forLanguageTag("ar-SA"), Locale.forLanguageTag("he-IL"));

    private Markets() {
    }

    /** The shipped culture for {@code mkt} ({@code de-AT} → {@code de-DE}, {@code xx} → {@code en-US}). */
    public static Locale resolve(String mkt) {
        if (mkt == null || mkt.isBlank() || mkt.length() > 35) {
            return DEFAULT;
        }
        Locale asked = Locale.forLanguageTag(mkt.trim().replace('_', '-'));
        Optional<Locale> exact = SHIPPED.stream().filter(l -> l.equals(asked)).findFirst();
        return exact.or(() -> SHIPPED.stream().filter(l -> l.getLanguage().equals(asked.getLanguage())).findFirst())
                .orElse(DEFAULT);
    }

    /** Whether {@code mkt} is written as a culture tag ({@code de-DE}, {@code zh_Hant_TW}): letters, digits and separators only, safe to pass on in an address. */
    public static boolean plainTag(String mkt) {
        return mkt != null && mkt.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}");
    }

    public static boolean rightToLeft(Locale locale) {
        return List.of("ar", "he").contains(locale.getLanguage());
    }

    /** A bundle of {@code org.parley.web.i18n} in the culture, without falling back to the JVM's own locale. */
    public static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle("org.parley.web.i18n." + name, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
