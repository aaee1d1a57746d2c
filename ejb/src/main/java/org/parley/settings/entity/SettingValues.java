package org.parley.settings.entity;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The effective value of every setting at one moment, immutable: readers on hot paths take the
 * current one and read a field of it, without a lock and without the database.
 *
 * @param values every setting's value, of the type {@link Setting#parse} gives
 * @param texts  every setting's value as shown to admins
 * @param saved  the settings whose value an administrator saved (the others are the configured value)
 */
public record SettingValues(Map<Setting, Object> values, Map<Setting, String> texts, Set<Setting> saved) {

    public SettingValues {
        if (values.size() != Setting.values().length || texts.size() != Setting.values().length) {
            throw new IllegalArgumentException("every setting needs a value");
        }
        values = Collections.unmodifiableMap(new EnumMap<>(values));
        texts = Collections.unmodifiableMap(new EnumMap<>(texts));
        saved = Set.copyOf(saved);
    }

    public Duration duration(Setting setting) {
        return (Duration) values.get(setting);
    }

    public int whole(Setting setting) {
        return (Integer) values.get(setting);
    }

    public double decimal(Setting setting) {
        return (Double) values.get(setting);
    }

    public boolean flag(Setting setting) {
        return (Boolean) values.get(setting);
    }

    /** {@code parley.intranet.origins}: the intranet pages trusted besides Parley's own. */
    @SuppressWarnings("unchecked")
    public Set<String> intranetOrigins() {
        return (Set<String>) values.get(Setting.INTRANET_ORIGINS);
    }

    public String text(Setting setting) {
        return texts.get(setting);
    }

    public boolean isSaved(Setting setting) {
        return saved.contains(setting);
    }
}
