package org.parley.web.socket;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open sockets of each member's clients. Every change of a member's set happens inside one
 * {@code compute} on that member's entry and swaps an immutable copy in, so a client that
 * connects while the member's last client leaves is never put into a set that is being dropped;
 * readers get a snapshot and take no lock.
 */
final class MemberClients {

    /** What a removal did: the socket it removed (null if there was none) and whether the member has no client left. */
    record Removal(Outbox removed, boolean wasLast) {
    }

    private final ConcurrentHashMap<String, Map<String, Outbox>> byMember = new ConcurrentHashMap<>();

    /** Adds a client of the member unless they have {@code most} connected already; whether it was added. */
    boolean add(String username, String clientId, Outbox outbox, int most) {
        boolean[] added = new boolean[1];
        byMember.compute(username, (u, mine) -> {
            if (mine != null && mine.size() >= most) {
                return mine;
            }
            Map<String, Outbox> next = mine == null ? new HashMap<>() : new HashMap<>(mine);
            next.put(clientId, outbox);
            added[0] = true;
            return Map.copyOf(next);
        });
        return added[0];
    }

    Removal remove(String username, String clientId) {
        Outbox[] removed = new Outbox[1];
        Map<String, Outbox> left = byMember.compute(username, (u, mine) -> {
            if (mine == null || !mine.containsKey(clientId)) {
                return mine;
            }
            Map<String, Outbox> next = new HashMap<>(mine);
            removed[0] = next.remove(clientId);
            return next.isEmpty() ? null : Map.copyOf(next);
        });
        return new Removal(removed[0], removed[0] != null && left == null);
    }

    /** How many members have a client connected now. */
    int members() {
        return byMember.size();
    }

    /** The member's clients by client id, as they are now. */
    Map<String, Outbox> of(String username) {
        return byMember.getOrDefault(username, Map.of());
    }
}
