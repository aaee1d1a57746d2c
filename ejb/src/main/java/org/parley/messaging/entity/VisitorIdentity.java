package org.parley.messaging.entity;

import java.util.Objects;

/**
 * The visitor as the member sees them: a nickname they picked, or a verified member. A verified
 * visitor carries their {@code username}, which nobody else can have: display names are free
 * text, so a member could take a colleague's name, but not their username.
 */
public record VisitorIdentity(String name, boolean verified, String username) {

    public VisitorIdentity {
        Objects.requireNonNull(name);
        if (verified != (username != null)) {
            throw new IllegalArgumentException("a verified visitor, and only one, has a username");
        }
    }

    /** A visitor known only by the nickname they picked. */
    public static VisitorIdentity anonymous(String nickname) {
        return new VisitorIdentity(nickname, false, null);
    }

    /** A signed-in member, or one a site vouched for with a visitor ticket. */
    public static VisitorIdentity member(String displayName, String username) {
        return new VisitorIdentity(displayName, true, Objects.requireNonNull(username));
    }
}
