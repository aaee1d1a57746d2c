package org.parley.presence.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.presence.entity.Presence;
import org.parley.presence.entity.PresenceChanged;
import org.parley.presence.entity.PresenceStatus;

/**
 * The live state of every member with clients: each client's status, the member's personal
 * message, whether they appear offline, and when the last client left. Readers take no lock
 * (they read an immutable snapshot); writers lock one member only. Every change answers the
 * {@link PresenceChanged} it causes, if others see a difference.
 */
public class PresenceTable {

    private final Duration grace;
    private final ConcurrentHashMap<String, MemberState> members = new ConcurrentHashMap<>();

    public PresenceTable(Duration grace) {
        this.grace = grace;
    }

    /** What others see of this member now. */
    public Presence presenceOf(String username) {
        MemberState state = members.get(username);
        return state == null ? Presence.OFFLINE : state.seen;
    }

    /** Whether a message to this member reaches a live client now (connected and not appearing offline). */
    public boolean reachable(String username) {
        MemberState state = members.get(username);
        return state != null && !state.clients.isEmpty() && !state.appearOffline;
    }

    /** A client connected; the member's saved personal message is used until a client sets another. */
    public Optional<PresenceChanged> connect(String username, String clientId, PresenceStatus initial,
                                             String savedPersonalMessage) {
        return change(username, state -> {
            if (state.clients.isEmpty() && state.lastLeft == null) {
                state.personalMessage = savedPersonalMessage;
            }
            state.clients.put(clientId, initial == PresenceStatus.OFFLINE ? PresenceStatus.ONLINE : initial);
            if (initial == PresenceStatus.OFFLINE) {
                state.appearOffline = true;
            }
            state.lastLeft = null;
        });
    }

    /** A client sets its status (Offline = appear offline) and, when given, the personal message. */
    public Optional<PresenceChanged> update(String username, String clientId, PresenceStatus status,
                                            String personalMessage, boolean setMessage) {
        return change(username, state -> {
            if (!state.clients.containsKey(clientId)) {
                return;
            }
            if (status == PresenceStatus.OFFLINE) {
                state.appearOffline = true;
            } else {
                state.appearOffline = false;
                state.clients.put(clientId, status);
            }
            if (setMessage) {
                state.personalMessage = personalMessage;
            }
        });
    }

    /** A client left; the member keeps their status for the grace period if it was the last one. */
    public Optional<PresenceChanged> disconnect(String username, String clientId, Instant now) {
        return change(username, state -> {
            if (state.clients.remove(clientId) != null && state.clients.isEmpty()) {
                state.lastLeft = now;
            }
        });
    }

    /** Members whose last client left more than the grace period ago turn Offline now. */
    public List<PresenceChanged> expire(Instant now) {
        List<PresenceChanged> changes = new ArrayList<>();
        for (String username : members.keySet()) {
            change(username, state -> {
                if (state.clients.isEmpty() && state.lastLeft != null && !now.isBefore(state.lastLeft.plus(grace))) {
                    state.gone = true;
                }
            }).ifPresent(changes::add);
        }
        return changes;
    }

    /** The members the table still keeps, with what others see of them. */
    public Map<String, Presence> snapshot() {
        Map<String, Presence> all = new LinkedHashMap<>();
        members.forEach((username, state) -> all.put(username, state.seen));
        return all;
    }

    private Optional<PresenceChanged> change(String username, java.util.function.Consumer<MemberState> edit) {
        PresenceChanged[] changed = new PresenceChanged[1];
        members.compute(username, (name, existing) -> {
            MemberState state = existing == null ? new MemberState() : existing;
            Presence before = state.seen;
            edit.accept(state);
            state.seen = state.aggregate();
            if (!state.seen.equals(before)) {
                changed[0] = new PresenceChanged(name, state.seen);
            }
            boolean nothingToKeep = state.gone || state.clients.isEmpty() && state.lastLeft == null;
            return nothingToKeep ? null : state;
        });
        return Optional.ofNullable(changed[0]);
    }

    private static final class MemberState {
        final Map<String, PresenceStatus> clients = new LinkedHashMap<>();
        String personalMessage;
        boolean appearOffline;
        Instant lastLeft;
        boolean gone;
        volatile Presence seen = Presence.OFFLINE;

        Presence aggregate() {
            if (gone || appearOffline || clients.isEmpty() && lastLeft == null) {
                return Presence.OFFLINE;
            }
            if (clients.isEmpty()) {
                return seen; // within the grace period: as they were
            }
            PresenceStatus best = PresenceStatus.OFFLINE;
            for (PresenceStatus status : clients.values()) {
                best = PresenceStatus.mostAvailable(best, status);
            }
            return new Presence(best, personalMessage);
        }
    }
}
