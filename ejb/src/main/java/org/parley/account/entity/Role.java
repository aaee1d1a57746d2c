package org.parley.account.entity;

import java.util.Locale;
import java.util.Set;

/** What a member may do. An admin is a member too. */
public enum Role {
    MEMBER(Set.of(Role.MEMBER_GROUP)),
    ADMIN(Set.of(Role.MEMBER_GROUP, Role.ADMIN_GROUP));

    /** The security role of everyone signed in. */
    public static final String MEMBER_GROUP = "member";
    /** The security role of administrators. */
    public static final String ADMIN_GROUP = "admin";

    private final Set<String> groups;

    Role(Set<String> groups) {
        this.groups = groups;
    }

    /** The role in words for the log and the audit trail: {@code member} or {@code admin}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The security groups a signed-in member with this role belongs to. */
    public Set<String> groups() {
        return groups;
    }
}
