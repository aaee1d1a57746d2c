package org.parley.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.Role;
import org.parley.presence.boundary.PresenceRegistry;
import org.parley.presence.entity.Presence;
import org.parley.presence.entity.PresenceStatus;

class PresenceAnswersTest {

    @Test
    void aJsonpCallbackIsLettersDigitsAndUnderscoresOnly() {
        assertTrue(PresenceAnswers.CALLBACK.matcher("showPresence_2").matches());
        assertTrue(PresenceAnswers.CALLBACK.matcher("x".repeat(128)).matches());
        assertFalse(PresenceAnswers.CALLBACK.matcher("x".repeat(129)).matches());
        assertFalse(PresenceAnswers.CALLBACK.matcher("").matches());
        assertFalse(PresenceAnswers.CALLBACK.matcher("alert(1);x").matches());
        assertFalse(PresenceAnswers.CALLBACK.matcher("a.b").matches());
        assertFalse(PresenceAnswers.CALLBACK.matcher("a\nb").matches());
    }

    @Test
    void everyStatusHasItsIcon() {
        assertEquals("icons/presence/be-right-back.svg", PresenceAnswers.iconPath(PresenceStatus.BE_RIGHT_BACK));
        assertEquals("icons/presence/online.svg", PresenceAnswers.iconPath(PresenceStatus.ONLINE));
        assertEquals("icons/presence/on-the-phone.svg", PresenceAnswers.iconPath(PresenceStatus.ON_THE_PHONE));
    }

    @Test
    void theStatusTextFollowsTheCulture() {
        assertEquals("Be right back", PresenceAnswers.statusText(PresenceStatus.BE_RIGHT_BACK, Locale.forLanguageTag("en-US")));
        assertEquals("Beschäftigt", PresenceAnswers.statusText(PresenceStatus.BUSY, Locale.forLanguageTag("de-DE")));
    }

    @Test
    void anAnswerIsKeptForARealAddressButNotForAMadeUpHostOfKilobytes() {
        PresenceAnswers answers = new PresenceAnswers();
        answers.directory = new MemberDirectory() {
            @Override
            public String publicId(DirectoryEntry member) {
                return member.cid() + "@intranet";
            }
        };
        answers.registry = new PresenceRegistry() {
            @Override
            public Presence presenceOf(String username) {
                return new Presence(PresenceStatus.ONLINE, null);
            }
        };
        Optional<DirectoryEntry> ada = Optional.of(new DirectoryEntry("ada", "0123456789ABCDEF", "Ada", null, null, null,
                true, true, true, true, Role.MEMBER, 0));
        Locale english = Locale.forLanguageTag("en-US");
        assertSame(answers.answer(ada, english, "http://intranet/"), answers.answer(ada, english, "http://intranet/"));
        String madeUp = "http://" + "a".repeat(PresenceAnswers.MAX_KEPT_BASE) + "/";
        PresenceAnswers.Answer first = answers.answer(ada, english, madeUp);
        assertTrue(first.json().getJsonObject("icon").getString("url").startsWith(madeUp), "answered with the address as asked");
        assertNotSame(first, answers.answer(ada, english, madeUp), "built again: nothing of it was kept");
    }
}
