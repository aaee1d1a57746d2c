package org.parley.messaging.entity;

import java.util.Objects;
import org.parley.account.entity.DirectoryEntry;

/**
 * How a visitor reached a member: through the CID they asked for, from any intranet page or
 * from the member's own public profile page. It holds only while the member can still be
 * reached that way, so a new CID, web sharing turned off (for any page but the profile, while
 * the profile chat is on) or a disabled account ends every socket and conversation that came
 * in by it.
 */
public record Reach(String cid, boolean profile) {

    public Reach {
        Objects.requireNonNull(cid);
    }

    /** Whether this way in still reaches {@code member} as the directory knows them now. */
    public boolean holds(DirectoryEntry member) {
        return member.cid().equals(cid) && (member.visibleOnTheWeb() || profile && member.reachableOnProfile());
    }
}
