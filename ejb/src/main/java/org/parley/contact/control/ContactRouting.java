package org.parley.contact.control;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.parley.presence.entity.PresenceStatus;

/**
 * Which member of a contact point's list a visitor reaches. Available are the statuses before
 * {@code Away} in {@link PresenceStatus}'s order of availability: Online, Busy, On the phone,
 * Be right back, Idle. Away, Out to lunch and Offline (which is also what a member appearing
 * offline shows) are not. Among the available members the most available status wins, then the
 * fewest open conversations, then the place on the list.
 */
public final class ContactRouting {

    private ContactRouting() {
    }

    /** Whether a member with this status takes new visitors of a contact point. */
    public static boolean available(PresenceStatus status) {
        return status.ordinal() < PresenceStatus.AWAY.ordinal();
    }

    /**
     * The member to route to, from {@code members} in list order, each one's status and open
     * conversations; empty when nobody is available.
     */
    public static Optional<String> pick(List<String> members, Function<String, PresenceStatus> status,
                                        ToIntFunction<String> openConversations) {
        record Candidate(int place, String username, PresenceStatus status, int open) {
        }
        return IntStream.range(0, members.size())
                .mapToObj(i -> new Candidate(i, members.get(i), status.apply(members.get(i)), 0))
                .filter(c -> available(c.status()))
                .map(c -> new Candidate(c.place(), c.username(), c.status(), openConversations.applyAsInt(c.username())))
                .min(Comparator.comparing(Candidate::status).thenComparingInt(Candidate::open)
                        .thenComparingInt(Candidate::place))
                .map(Candidate::username);
    }
}
