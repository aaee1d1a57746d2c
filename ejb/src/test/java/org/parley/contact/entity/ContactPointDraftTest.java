package org.parley.contact.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.contact.entity.ContactRefusedException.Reason;

class ContactPointDraftTest {

    private static final Set<String> MEMBERS = Set.of("ada", "bob");

    private static Reason refused(ContactPointDraft draft) {
        return assertThrows(ContactRefusedException.class, () -> draft.check(MEMBERS::contains)).reason();
    }

    @Test
    void aGoodDraftIsCleanedAndPasses() {
        var draft = ContactPointDraft.of("  IT-Help ", "IT help\ndesk\u202E", "Call us.\r\nOr write.", List.of(" Ada", "bob "), true);
        assertEquals("it-help", draft.name());
        assertEquals("IT help desk", draft.title());
        assertEquals("Call us.\nOr write.", draft.intro());
        assertEquals(List.of("ada", "bob"), draft.members());
        assertDoesNotThrow(() -> draft.check(MEMBERS::contains));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-it", "it-", "it help", "it_help", "it/help", "%", "ä", "..", "it%2Fhelp",
            "a12345678901234567890123456789012345678901"})
    void aNameThatIsNoSlugIsRefused(String name) {
        assertEquals(Reason.NAME_INVALID, refused(ContactPointDraft.of(name, "T", "", List.of("ada"), true)));
    }

    @Test
    void titleIntroAndMembersKeepTheirRules() {
        assertEquals(Reason.TITLE_INVALID, refused(ContactPointDraft.of("it", " \u0007 ", "", List.of("ada"), true)));
        assertEquals(Reason.TITLE_INVALID, refused(ContactPointDraft.of("it", "x".repeat(101), "", List.of("ada"), true)));
        assertEquals(Reason.INTRO_TOO_LONG, refused(ContactPointDraft.of("it", "T", "x".repeat(10_000), List.of("ada"), true)));
        assertEquals(Reason.MEMBERS_EMPTY, refused(ContactPointDraft.of("it", "T", "", List.of(), true)));
        assertEquals(Reason.MEMBER_TWICE, refused(ContactPointDraft.of("it", "T", "", List.of("ada", "ADA"), true)));
        assertEquals(Reason.MEMBER_UNKNOWN, refused(ContactPointDraft.of("it", "T", "", List.of("ada", "eve"), true)));
    }
}
