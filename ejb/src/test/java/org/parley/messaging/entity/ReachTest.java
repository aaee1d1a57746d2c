package org.parley.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.Role;

class ReachTest {

    private static final String CID = "3F2A9C41D07B55E1";

    private static DirectoryEntry member(String cid, boolean webSharing, boolean profileChat, boolean enabled) {
        return new DirectoryEntry("ada", cid, "Ada", null, null, null, webSharing, true, profileChat, enabled,
                Role.MEMBER, 0);
    }

    @Test
    void anyPageReachesOnlyAMemberWhoSharesOnTheWeb() {
        Reach page = new Reach(CID, false);
        assertTrue(page.holds(member(CID, true, false, true)));
        assertFalse(page.holds(member(CID, false, true, true)), "a chat control on the profile is not web sharing");
        assertFalse(page.holds(member(CID, true, false, false)), "disabled");
        assertFalse(page.holds(member("0123456789ABCDEF", true, false, true)), "a new CID");
    }

    @Test
    void theProfileReachesAMemberWithProfileChatOrWebSharing() {
        Reach profile = new Reach(CID, true);
        assertTrue(profile.holds(member(CID, false, true, true)));
        assertTrue(profile.holds(member(CID, true, false, true)));
        assertFalse(profile.holds(member(CID, false, false, true)), "neither");
        assertFalse(profile.holds(member(CID, false, true, false)), "disabled");
        assertFalse(profile.holds(member("0123456789ABCDEF", false, true, true)), "a new CID");
    }
}
