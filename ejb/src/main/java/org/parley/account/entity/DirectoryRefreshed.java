package org.parley.account.entity;

/**
 * Fired by the member directory once it shows a member's committed change ({@link MemberChanged}):
 * whatever reads the directory from now on sees the change, so answers built from it before are stale.
 */
public record DirectoryRefreshed(String username) {
}
