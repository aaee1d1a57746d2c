package org.parley.companydirectory.entity;

/**
 * A sync with the company directory ended (finished or stopped), fired in the transaction that records
 * it; the audit trail observes it.
 *
 * @param actor   who started it: an admin's username (Sync now), or {@code directory-sync} (the schedule)
 * @param address the admin's address, or {@code null}
 * @param run     what it did
 */
public record DirectorySynced(String actor, String address, DirectorySyncRun run) {
}
