package org.parley.companydirectory.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The company directory as the admin console shows it.
 *
 * @param directory    the directory in words ({@code ldaps://host:636, Active Directory, people under …}), or empty when
 *                     none is configured
 * @param problem      why its settings cannot work, or empty
 * @param canSync      whether it can be synced (a service account is configured)
 * @param interval     how often the scheduled sync runs
 * @param runningSince when the sync under way started, or empty
 * @param last         the last sync, or empty
 */
public record SyncState(Optional<String> directory, Optional<String> problem, boolean canSync, Duration interval,
                        Optional<Instant> runningSince, Optional<DirectorySyncRun> last) {
}
