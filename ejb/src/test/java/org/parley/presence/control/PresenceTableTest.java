package org.parley.presence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.presence.entity.Presence;
import org.parley.presence.entity.PresenceChanged;
import org.parley.presence.entity.PresenceStatus;

class PresenceTableTest {

    private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");
    private final PresenceTable table = new PresenceTable(Duration.ofSeconds(30));

    @Test
    void aMemberWithoutClientsIsOffline() {
        assertEquals(Presence.OFFLINE, table.presenceOf("ada"));
        assertFalse(table.reachable("ada"));
    }

    @Test
    void theMostAvailableClientStatusWins() {
        table.connect("ada", "desk", PresenceStatus.AWAY, null);
        assertEquals(PresenceStatus.AWAY, table.presenceOf("ada").status());
        table.connect("ada", "phone", PresenceStatus.BUSY, null);
        assertEquals(PresenceStatus.BUSY, table.presenceOf("ada").status());
        table.update("ada", "desk", PresenceStatus.ONLINE, null, false);
        assertEquals(PresenceStatus.ONLINE, table.presenceOf("ada").status());
        table.update("ada", "desk", PresenceStatus.OUT_TO_LUNCH, null, false);
        assertEquals(PresenceStatus.BUSY, table.presenceOf("ada").status());
    }

    @Test
    void theOrderOfAvailabilityIsTheDocumentedOne() {
        List<PresenceStatus> order = List.of(PresenceStatus.ONLINE, PresenceStatus.BUSY, PresenceStatus.ON_THE_PHONE,
                PresenceStatus.BE_RIGHT_BACK, PresenceStatus.IDLE, PresenceStatus.AWAY, PresenceStatus.OUT_TO_LUNCH,
                PresenceStatus.OFFLINE);
        for (int i = 0; i + 1 < order.size(); i++) {
            assertEquals(order.get(i), PresenceStatus.mostAvailable(order.get(i + 1), order.get(i)));
        }
    }

    @Test
    void appearingOfflineHidesEveryClientUntilAStatusIsChosenAgain() {
        table.connect("ada", "desk", PresenceStatus.ONLINE, "Writing notes");
        table.connect("ada", "phone", PresenceStatus.BUSY, null);
        Optional<PresenceChanged> hidden = table.update("ada", "phone", PresenceStatus.OFFLINE, null, false);
        assertEquals(Presence.OFFLINE, hidden.orElseThrow().presence());
        assertFalse(table.reachable("ada"), "messages are stored while appearing offline");
        table.update("ada", "desk", PresenceStatus.AWAY, null, false);
        assertEquals(new Presence(PresenceStatus.BUSY, "Writing notes"), table.presenceOf("ada"));
        assertTrue(table.reachable("ada"));
    }

    @Test
    void theLastClientLeavingKeepsTheStatusForTheGracePeriodOnly() {
        table.connect("ada", "desk", PresenceStatus.BUSY, null);
        assertEquals(Optional.empty(), table.disconnect("ada", "desk", T0), "no flicker: nothing others see changes");
        assertEquals(PresenceStatus.BUSY, table.presenceOf("ada").status());
        assertFalse(table.reachable("ada"), "no live client to hand messages to");

        assertTrue(table.expire(T0.plusSeconds(29)).isEmpty());
        List<PresenceChanged> gone = table.expire(T0.plusSeconds(30));
        assertEquals(List.of(new PresenceChanged("ada", Presence.OFFLINE)), gone);
        assertEquals(Presence.OFFLINE, table.presenceOf("ada"));
        assertTrue(table.snapshot().isEmpty(), "nothing kept for a member who left");
    }

    @Test
    void aReconnectWithinTheGracePeriodDoesNotFlicker() {
        table.connect("ada", "desk", PresenceStatus.ONLINE, null);
        table.disconnect("ada", "desk", T0);
        assertEquals(Optional.empty(), table.connect("ada", "desk-again", PresenceStatus.ONLINE, null));
        assertTrue(table.expire(T0.plusSeconds(60)).isEmpty(), "the grace period ended with the reconnect");
        assertEquals(PresenceStatus.ONLINE, table.presenceOf("ada").status());
    }

    @Test
    void aChangeIsAnnouncedOnlyWhenOthersSeeADifference() {
        assertTrue(table.connect("ada", "desk", PresenceStatus.ONLINE, null).isPresent());
        assertTrue(table.connect("ada", "phone", PresenceStatus.AWAY, null).isEmpty());
        assertEquals(new PresenceChanged("ada", new Presence(PresenceStatus.ONLINE, "Back at 3")),
                table.update("ada", "phone", PresenceStatus.AWAY, "Back at 3", true).orElseThrow());
    }

    @Test
    void aClientThatNeverConnectedChangesNothing() {
        assertTrue(table.update("ada", "ghost", PresenceStatus.ONLINE, null, false).isEmpty());
        assertTrue(table.disconnect("ada", "ghost", T0).isEmpty());
        assertTrue(table.snapshot().isEmpty());
    }
}
