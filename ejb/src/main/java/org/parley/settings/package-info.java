/**
 * Settings: what administrators change at run time under Admin → Settings — token lifetimes, rate
 * limits, whether new members take offline messages, the intranet origins, the retention of offline
 * messages and audit entries. Each is a MicroProfile Config key whose configured value stays the
 * default; a saved value (table {@code settings}) overrides it. {@code CurrentSettings} holds the
 * values in effect in memory for every reader (hot paths read a field, never the database);
 * {@code Settings} saves changes all or nothing and fires {@code SettingsChanged} in the transaction
 * (the audit trail records each change, old → new); after the commit the values in memory are
 * refreshed, and observers holding limits (open conversations, socket limits) take the new ones.
 * {@code RetentionSweeper} deletes offline messages and audit entries older than their retention, hourly.
 */
package org.parley.settings;
