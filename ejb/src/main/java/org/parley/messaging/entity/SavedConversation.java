package org.parley.messaging.entity;

import java.time.Instant;
import java.util.List;

/**
 * A conversation that was open when Parley stopped gracefully, kept so that its visitor and the member's clients resume
 * it after the restart as after a network drop ({@link Conversation#save}, {@link Conversation#restore}). It holds what
 * a resume needs and nothing more: the resume token only as its hash, the sequence number, and the replay buffer with
 * each message's receipt.
 *
 * @param visitorGoneSince since when the visitor has had no socket: the resume window runs from here (at the latest, the stop)
 */
public record SavedConversation(String id, String invitee, Reach reach, VisitorIdentity visitor, String page,
                                Instant startedAt, String resumeTokenHash, long lastSeq, boolean announced,
                                Instant visitorGoneSince, Instant savedAt, List<SavedMessage> messages) {

    public SavedConversation {
        messages = List.copyOf(messages);
    }
}
