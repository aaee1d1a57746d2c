package org.parley.messaging.entity;

import java.util.Objects;
import org.parley.account.entity.DirectoryEntry;

/**
 * How a visitor reached a member: through the CID they asked for, from any intranet page, from
 * the member's own public profile page, or through a contact point ({@code contact}, its name)
 * that routed the visitor to this member. It holds only while the member can still be reached
 * that way, so a new CID, web sharing turned off (for any page but the profile, while the profile
 * chat is on) or a disabled account ends every socket and conversation that came in by it.
 * A contact point's reach does not ask for web sharing: the visitor never named the member, an
 * administrator put them on the contact point's list.
 */
public record Reach(String cid, boolean profile, String contact) {

    public Reach {
        Objects.requireNonNull(cid);
    }

    /** A reach through a CID, from any page or from the member's profile page. */
    public Reach(String cid, boolean profile) {
        this(cid, profile, null);
    }

    /** A reach through the contact point {@code contact}, which routed the visitor to the member with this CID. */
    public static Reach throughContact(String cid, String contact) {
        return new Reach(cid, false, Objects.requireNonNull(contact));
    }

    /** Whether this way in still reaches {@code member} as the directory knows them now. */
    public boolean holds(DirectoryEntry member) {
        if (!member.cid().equals(cid)) {
            return false;
        }
        if (contact != null) {
            return member.enabled();
        }
        return member.visibleOnTheWeb() || profile && member.reachableOnProfile();
    }
}
