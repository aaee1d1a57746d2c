package org.parley.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A value an administrator saved for a setting; it overrides the configured one until removed. */
@Entity
@Table(name = "settings")
@NamedQuery(name = SavedSetting.ALL, query = "SELECT s FROM SavedSetting s")
public class SavedSetting {

    public static final String ALL = "SavedSetting.all";
    public static final int KEY_MAX = 100;

    /** The setting's configuration key ({@link Setting#key()}). */
    @Id
    @Column(name = "setting_key", length = KEY_MAX)
    private String key;

    @Column(name = "setting_value", nullable = false, length = Setting.VALUE_MAX)
    private String value;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    protected SavedSetting() {
    }

    public SavedSetting(Setting setting, String value, Instant at, String by) {
        this.key = setting.key();
        change(value, at, by);
    }

    public final void change(String value, Instant at, String by) {
        this.value = value;
        this.changedAt = at;
        this.changedBy = by;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
