package org.parley.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private final Conversation conversation = new Conversation("c1", "ada", new Reach("3F2A9C41D07B55E1", false), VisitorIdentity.anonymous("Charles"),
            null, NOW, "token");

    private ConversationMessage fromVisitor(String text) {
        return conversation.append(Party.VISITOR, text, NOW, false);
    }

    @Test
    void aResumeFromFurtherBackThanTheReplayBufferGetsTheLast200() {
        for (int i = 1; i <= 250; i++) {
            conversation.append(i % 2 == 0 ? Party.MEMBER : Party.VISITOR, "m" + i, NOW, false);
        }
        List<ConversationMessage> replay = conversation.after(0);
        assertEquals(Conversation.REPLAY_LIMIT, replay.size());
        assertEquals(51, replay.get(0).seq());
        assertEquals(250, replay.get(199).seq());
    }

    @Test
    void aVisitorMessageWaitsForAConfirmationAndIsDeliveredThenRead() {
        fromVisitor("one");
        conversation.append(Party.MEMBER, "reply", NOW, false);
        fromVisitor("two");
        assertEquals(List.of(1L, 3L), conversation.unconfirmed().stream().map(ConversationMessage::seq).toList(),
                "the member's own message needs no receipt");

        assertEquals(List.of(new Receipt("c1", "ada", 1, false)), conversation.confirm(1, false));
        assertEquals(List.of(), conversation.confirm(1, false), "a second client confirming it changes nothing");
        assertEquals(List.of(new Receipt("c1", "ada", 1, true)), conversation.confirm(1, true));
        assertEquals(List.of(), conversation.confirm(1, true));
        assertEquals(List.of(new Receipt("c1", "ada", 3, false), new Receipt("c1", "ada", 3, true)),
                conversation.confirm(3, true), "read at once: delivered first, then read");
        assertTrue(conversation.unconfirmed().isEmpty());
        assertEquals(List.of(new Receipt("c1", "ada", 1, true), new Receipt("c1", "ada", 3, true)), conversation.receipts());
        assertEquals(List.of(), conversation.confirm(2, true), "the member's own message gets no receipt");
    }

    @Test
    void aReceiptForNoMessageOfTheConversationIsInvalid() {
        fromVisitor("one");
        for (long seq : List.of(0L, 2L)) {
            MessagingRefusedException e = assertThrows(MessagingRefusedException.class, () -> conversation.confirm(seq, false));
            assertEquals(MessagingRefusedException.INVALID, e.code());
        }
    }

    @Test
    void aVisitorsReceiptForNoMessageOfTheConversationIsInvalidAndForTheirOwnGivesNone() {
        fromVisitor("one");
        conversation.append(Party.MEMBER, "reply", NOW, false);
        for (long seq : List.of(0L, -1L, 3L, 5000L)) {
            MessagingRefusedException e = assertThrows(MessagingRefusedException.class,
                    () -> conversation.seenByVisitor(seq, false), "seq " + seq);
            assertEquals(MessagingRefusedException.INVALID, e.code());
            assertEquals("seq: not a message of this conversation.", e.getMessage());
        }
        assertEquals(List.of(), conversation.seenByVisitor(1, true), "the visitor's own message gets no receipt");
        assertEquals(List.of(new VisitorReceipt("c1", "ada", 2, false)), conversation.seenByVisitor(2, false));
    }

    @Test
    void messagesStoredOfflineLeaveTheMembersViewAndCannotBeConfirmedAnyMore() {
        fromVisitor("one");
        fromVisitor("two");
        conversation.confirm(2, false);
        List<ConversationMessage> waiting = conversation.unconfirmed();
        assertEquals(List.of("one"), waiting.stream().map(ConversationMessage::text).toList());
        conversation.storedOffline(waiting);
        assertTrue(conversation.unconfirmed().isEmpty());
        assertEquals(List.of("two"), conversation.liveMessages().stream().map(ConversationMessage::text).toList());
        assertEquals(2, conversation.after(0).size(), "the visitor's own view keeps both");
        assertEquals(List.of(), conversation.confirm(1, true), "stored already: no receipt, it stays an offline message");
    }

    @Test
    void moreThan200UnconfirmedMessagesOverflowOldestFirst() {
        for (int i = 1; i <= Conversation.UNCONFIRMED_LIMIT + 3; i++) {
            fromVisitor("m" + i);
        }
        List<ConversationMessage> overflow = conversation.overflow();
        assertEquals(List.of(1L, 2L, 3L), overflow.stream().map(ConversationMessage::seq).toList());
        conversation.storedOffline(overflow);
        assertTrue(conversation.overflow().isEmpty());
        assertEquals(Conversation.UNCONFIRMED_LIMIT, conversation.unconfirmed().size());
    }

    @Test
    void aConversationEndsOnceWithItsReason() {
        assertTrue(conversation.end(ConversationEnded.CLOSED));
        assertFalse(conversation.end(ConversationEnded.VISITOR_LEFT));
        assertEquals(ConversationEnded.CLOSED, conversation.endReason());
        assertThrows(MessagingRefusedException.class, () -> fromVisitor("late"));
    }

    @Test
    void aConversationKeptForARestartComesBackWithItsNumbersReplayBufferAndReceipts() {
        fromVisitor("one");
        conversation.append(Party.MEMBER, "reply", NOW, false);
        fromVisitor("two");
        conversation.append(Party.VISITOR, "left while away", NOW, true);
        conversation.confirm(1, true);
        conversation.seenByVisitor(2, false);
        Instant stopped = NOW.plusSeconds(5);

        Conversation back = Conversation.restore(conversation.save(stopped));

        assertEquals(conversation.after(0), back.after(0), "the replay buffer, in order");
        assertEquals(List.of(3L), back.unconfirmed().stream().map(ConversationMessage::seq).toList(),
                "what no client confirmed still waits for one");
        assertEquals(List.of(new Receipt("c1", "ada", 1, true)), back.receipts());
        assertEquals(List.of(new VisitorReceipt("c1", "ada", 2, false)), back.visitorReceipts(), "for the member's next welcome");
        assertEquals(List.of(), back.seenByVisitor(2, false), "the visitor's delivered receipt is not given twice");
        assertEquals(List.of(new VisitorReceipt("c1", "ada", 2, true)), back.seenByVisitor(2, true));
        assertEquals("token", back.resumeTokenHash());
        assertEquals(new Reach("3F2A9C41D07B55E1", false), back.reach());
        assertEquals(VisitorIdentity.anonymous("Charles"), back.visitor());
        assertFalse(back.visitorGoneLongerThan(java.time.Duration.ofMinutes(10), stopped.plusSeconds(599)),
                "the resume window runs from the stop");
        assertTrue(back.visitorGoneLongerThan(java.time.Duration.ofMinutes(10), stopped.plusSeconds(601)));
        assertEquals(5, back.append(Party.MEMBER, "after the restart", NOW, false).seq());
    }
}
