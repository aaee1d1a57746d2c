package org.parley.contact.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.presence.entity.PresenceStatus;

class ContactRoutingTest {

    private static Optional<String> pick(List<String> members, Map<String, PresenceStatus> statuses, Map<String, Integer> open) {
        return ContactRouting.pick(members, m -> statuses.getOrDefault(m, PresenceStatus.OFFLINE), m -> open.getOrDefault(m, 0));
    }

    @Test
    void theMostAvailableStatusWinsOverTheListOrder() {
        assertEquals(Optional.of("bob"), pick(List.of("ada", "bob"),
                Map.of("ada", PresenceStatus.IDLE, "bob", PresenceStatus.ONLINE), Map.of()));
    }

    @Test
    void amongEquallyAvailableMembersTheOneWithFewestOpenConversationsWinsThenTheListOrder() {
        var statuses = Map.of("ada", PresenceStatus.ONLINE, "bob", PresenceStatus.ONLINE, "cy", PresenceStatus.ONLINE);
        assertEquals(Optional.of("bob"), pick(List.of("ada", "bob", "cy"), statuses, Map.of("ada", 2, "bob", 1, "cy", 1)));
        assertEquals(Optional.of("ada"), pick(List.of("ada", "bob", "cy"), statuses, Map.of()));
    }

    @Test
    void awayOutToLunchAndOfflineAreNotAvailable() {
        assertEquals(Optional.empty(), pick(List.of("ada", "bob", "cy"),
                Map.of("ada", PresenceStatus.AWAY, "bob", PresenceStatus.OUT_TO_LUNCH), Map.of()));
        for (PresenceStatus status : PresenceStatus.values()) {
            boolean expected = status != PresenceStatus.AWAY && status != PresenceStatus.OUT_TO_LUNCH
                    && status != PresenceStatus.OFFLINE;
            assertEquals(expected, ContactRouting.available(status), status.name());
        }
    }

    @Test
    void busyComesBeforeIdleAndAfterOnline() {
        assertEquals(Optional.of("bob"), pick(List.of("ada", "bob"),
                Map.of("ada", PresenceStatus.IDLE, "bob", PresenceStatus.BUSY), Map.of()));
        assertTrue(ContactRouting.available(PresenceStatus.BE_RIGHT_BACK));
        assertFalse(pick(List.of(), Map.of(), Map.of()).isPresent());
    }
}
