package org.parley.account.entity;

/** Fired (after the transaction commits) when a member is created or changes what others may see of them. */
public record MemberChanged(String username) {
}
