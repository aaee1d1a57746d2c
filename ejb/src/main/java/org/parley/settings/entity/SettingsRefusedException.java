package org.parley.settings.entity;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Values that were not saved, every one of them, because at least one broke its rule; nothing was changed. */
@ApplicationException(rollback = true)
public class SettingsRefusedException extends RuntimeException {

    private final transient List<InvalidSettingException> problems;

    public SettingsRefusedException(List<InvalidSettingException> problems) {
        super(String.join(" ", problems.stream().map(Throwable::getMessage).toList()), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Each refused value, in the order of the settings. */
    public List<InvalidSettingException> problems() {
        return problems;
    }
}
