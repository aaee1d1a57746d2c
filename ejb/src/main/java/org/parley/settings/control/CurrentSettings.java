package org.parley.settings.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.parley.consent.control.IntranetOrigins;
import org.parley.settings.entity.InvalidSettingException;
import org.parley.settings.entity.Setting;
import org.parley.settings.entity.SettingValues;

/**
 * The settings in effect, in memory: the configured values (MicroProfile Config, read once) with
 * the values administrators saved on top. Hot paths read {@link #now()}, a field read; the
 * settings boundary swaps in new values after a change is committed.
 */
@ApplicationScoped
public class CurrentSettings {

    private static final Logger LOG = Logger.getLogger(CurrentSettings.class.getName());

    private Map<Setting, String> configured;
    private volatile SettingValues now;

    /** Reads the configuration; a configured value that breaks its rule stops the start, as it always did. */
    @PostConstruct
    void configure() {
        configured = configured(ConfigProvider.getConfig(CurrentSettings.class.getClassLoader()));
        now = combine(configured, Map.of());
    }

    /**
     * Settings with these values, the built-in defaults for the rest, and no configuration read:
     * for unit tests of what reads settings.
     */
    public static CurrentSettings of(Map<Setting, String> values) {
        CurrentSettings settings = new CurrentSettings();
        settings.configured = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            settings.configured.put(setting, values.getOrDefault(setting, setting.builtIn()));
        }
        settings.now = combine(settings.configured, Map.of());
        return settings;
    }

    /** The values in effect now. */
    public SettingValues now() {
        return now;
    }

    /** What the configuration (or, without it, Parley) says for this setting: its value when none is saved. */
    public String configured(Setting setting) {
        return configured.get(setting);
    }

    /** Puts the saved values (by setting, as text) on top of the configured ones; a saved value that no longer passes is ignored and logged. */
    public void apply(Map<Setting, String> saved) {
        now = combine(configured, saved);
    }

    static Map<Setting, String> configured(Config config) {
        Map<Setting, String> texts = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            if (setting.type() == Setting.Type.ORIGINS) {
                // entries that are no origins count for nothing (ControlPageFilter warns of them at start-up)
                List<String> entries = config.getOptionalValues(setting.key(), String.class).orElse(List.of());
                texts.put(setting, String.join("\n", IntranetOrigins.of(entries)));
            } else {
                texts.put(setting, config.getOptionalValue(setting.key(), String.class).orElse(setting.builtIn()));
            }
        }
        return texts;
    }

    static SettingValues combine(Map<Setting, String> configured, Map<Setting, String> saved) {
        Map<Setting, Object> values = new EnumMap<>(Setting.class);
        Map<Setting, String> texts = new EnumMap<>(Setting.class);
        Set<Setting> kept = new HashSet<>();
        for (Setting setting : Setting.values()) {
            String savedText = saved.get(setting);
            if (savedText != null) {
                try {
                    values.put(setting, setting.parse(savedText));
                    texts.put(setting, setting.canonical(savedText));
                    kept.add(setting);
                    continue;
                } catch (InvalidSettingException e) {
                    LOG.warning(() -> "The saved value of " + e.getMessage() + " It is ignored: the configured value applies. "
                            + "Save a valid one under Admin → Settings.");
                }
            }
            String text = configured.get(setting);
            try {
                values.put(setting, setting.parse(text));
                texts.put(setting, setting.canonical(text));
            } catch (InvalidSettingException e) {
                throw new IllegalArgumentException("The configured value of " + e.getMessage(), e);
            }
        }
        return new SettingValues(values, texts, kept);
    }
}
