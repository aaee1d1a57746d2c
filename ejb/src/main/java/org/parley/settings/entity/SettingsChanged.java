package org.parley.settings.entity;

import java.util.List;

/**
 * Settings an administrator changed, fired in the transaction that saved them: the audit trail
 * records each change in it; after the commit the settings in memory are refreshed, and then
 * whatever holds a limit (rate limiters of open conversations, socket limits) takes the new one.
 *
 * @param actor   the administrator
 * @param address where they were
 * @param changes each setting that changed, with its value before and after (as shown to admins)
 */
public record SettingsChanged(String actor, String address, List<Change> changes) {

    /** One setting's change; {@code before} and {@code after} are its effective values. */
    public record Change(Setting setting, String before, String after) {
    }
}
