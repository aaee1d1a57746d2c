package org.parley.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.Party;
import org.parley.messaging.entity.Reach;
import org.parley.messaging.entity.SavedConversation;
import org.parley.messaging.entity.SavedMessage;
import org.parley.messaging.entity.VisitorIdentity;

class KeptConversationsTest {

    private static final Instant STOPPED = Instant.parse("2026-12-03T16:00:00Z");

    @Test
    void whatAStopKeptIsTakenBackOnceAndOnlyTheOwnerCouldReadIt(@TempDir Path data) throws Exception {
        SavedConversation open = new SavedConversation("c1", "ada", new Reach("3F2A9C41D07B55E1", false, "help-desk"),
                VisitorIdentity.member("Grace Hopper", "grace"), "https://intranet.example/page?x=\"1\"",
                STOPPED.minusSeconds(60), "a".repeat(64), 3, true, STOPPED, STOPPED, List.of(
                new SavedMessage(new ConversationMessage(1, STOPPED.minusSeconds(50), Party.VISITOR, "Hello \u202e\"}]", false), true),
                new SavedMessage(new ConversationMessage(2, STOPPED.minusSeconds(40), Party.MEMBER, "Hi", false), false),
                new SavedMessage(new ConversationMessage(3, STOPPED.minusSeconds(30), Party.VISITOR, "Still there?", false), null)));
        SavedConversation anonymous = new SavedConversation("c2", "ada", new Reach("3F2A9C41D07B55E1", true, null),
                VisitorIdentity.anonymous("Guest"), null, STOPPED, "b".repeat(64), 0, false, STOPPED, STOPPED, List.of());
        KeptConversations file = new KeptConversations(data);

        file.keep(List.of(open, anonymous));

        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file.file()));
        assertEquals(List.of(open, anonymous), file.take());
        assertFalse(Files.exists(file.file()), "taken back once: the file is gone");
        assertEquals(List.of(), file.take());
    }

    @Test
    void aFileThatCannotBeReadIsSetAsideAndNothingIsResumed(@TempDir Path data) throws Exception {
        KeptConversations file = new KeptConversations(data);
        Files.writeString(file.file(), "[{\"id\":\"c1\"");

        assertEquals(List.of(), file.take());
        assertFalse(Files.exists(file.file()));
        assertTrue(Files.exists(data.resolve("conversations-at-stop.json.unreadable")));
    }
}
