package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemberClientsTest {

    private final MemberClients clients = new MemberClients();

    private static Outbox outbox() {
        return new Outbox(null, 1);
    }

    @Test
    void theLastClientLeavingIsToldAndLeavesNothingBehind() {
        Outbox desk = outbox();
        Outbox laptop = outbox();
        clients.add("ada", "desk", desk, 10);
        clients.add("ada", "laptop", laptop, 10);
        assertEquals(Map.of("desk", desk, "laptop", laptop), clients.of("ada"));

        MemberClients.Removal first = clients.remove("ada", "desk");
        assertSame(desk, first.removed());
        assertFalse(first.wasLast());
        MemberClients.Removal second = clients.remove("ada", "laptop");
        assertSame(laptop, second.removed());
        assertTrue(second.wasLast());
        assertTrue(clients.of("ada").isEmpty());
    }

    @Test
    void removingAClientThatIsNotThereChangesNothing() {
        Outbox desk = outbox();
        clients.add("ada", "desk", desk, 10);
        MemberClients.Removal removal = clients.remove("ada", "laptop");
        assertNull(removal.removed());
        assertFalse(removal.wasLast());
        assertFalse(clients.remove("grace", "desk").wasLast());
        assertEquals(Map.of("desk", desk), clients.of("ada"));
    }

    @Test
    void aSnapshotDoesNotChangeUnderTheReader() {
        clients.add("ada", "desk", outbox(), 10);
        Map<String, Outbox> before = clients.of("ada");
        clients.add("ada", "laptop", outbox(), 10);
        assertEquals(1, before.size());
        assertEquals(2, clients.of("ada").size());
    }

    /** The race of issue 9: a client connecting while the member's last client leaves must stay registered. */
    @Test
    void aClientThatConnectsWhileTheLastOneLeavesIsNeverLost() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            for (int i = 0; i < 100_000; i++) {
                String leaving = "old-" + i;
                String joining = "new-" + i;
                Outbox joined = outbox();
                clients.add("ada", leaving, outbox(), 10);
                Future<?> leave = threads.submit(() -> {
                    together.await();
                    return clients.remove("ada", leaving);
                });
                Future<?> join = threads.submit(() -> {
                    together.await();
                    clients.add("ada", joining, joined, 10);
                    return null;
                });
                leave.get(10, TimeUnit.SECONDS);
                join.get(10, TimeUnit.SECONDS);
                assertEquals(Map.of(joining, joined), clients.of("ada"), "round " + i);
                assertTrue(clients.remove("ada", joining).wasLast(), "round " + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aMemberWithAsManyClientsAsAllowedGetsNoMoreUntilOneLeaves() {
        Outbox desk = outbox();
        assertTrue(clients.add("ada", "desk", desk, 2));
        assertTrue(clients.add("ada", "laptop", outbox(), 2));
        assertFalse(clients.add("ada", "phone", outbox(), 2));
        assertEquals(2, clients.of("ada").size(), "the refused client is not there");
        assertTrue(clients.add("grace", "desk", outbox(), 2), "another member counts on their own");

        clients.remove("ada", "laptop");
        assertTrue(clients.add("ada", "phone", outbox(), 2));
        assertSame(desk, clients.of("ada").get("desk"));
    }
}
