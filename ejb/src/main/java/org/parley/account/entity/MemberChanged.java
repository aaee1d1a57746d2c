package org.parley.account.entity;

/**
 * Fired by the account boundary when a member is created or changes what the in-memory
 * directory keeps of them (what others may see, role, enabled, session generation); observers
 * act after the transaction commits.
 */
public record MemberChanged(String username) {
}
