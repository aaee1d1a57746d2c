package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import java.util.Map;
import org.parley.messaging.entity.MessagingRefusedException;
import org.parley.settings.control.CurrentSettings;
import org.parley.settings.entity.Setting;

class SocketLimitsTest {

    private final SocketLimits limits = new SocketLimits(Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC));

    SocketLimitsTest() {
        limits.settings = CurrentSettings.of(Map.of(Setting.SOCKETS_PER_ADDRESS, "2", Setting.PRESENCE_SOCKETS_PER_ADDRESS, "1",
                Setting.PRESENCE_WATCHES_PER_SECOND, "1", Setting.PRESENCE_WATCH_BURST, "3",
                Setting.MEMBER_REQUESTS_PER_SECOND, "1", Setting.MEMBER_REQUEST_BURST, "2",
                Setting.MEMBER_MESSAGES_PER_SECOND, "4", Setting.MEMBER_MESSAGE_BURST, "3"));
    }

    @Test
    void visitorAndDirectoryPageSocketsAreCountedApartPerAddress() {
        assertTrue(limits.admitPage("10.0.0.1"));
        assertFalse(limits.admitPage("10.0.0.1"), "the address's one page socket is open");
        assertTrue(limits.admitVisitor("10.0.0.1"), "pages do not use up the chats");
        assertTrue(limits.admitVisitor("10.0.0.1"));
        assertFalse(limits.admitVisitor("10.0.0.1"));
        assertTrue(limits.admitPage("10.0.0.2"), "another address counts on its own");

        limits.releasePage("10.0.0.1");
        assertTrue(limits.admitPage("10.0.0.1"));
        limits.releaseVisitor("10.0.0.1");
        assertTrue(limits.admitVisitor("10.0.0.1"));
    }

    @Test
    void watchesShareOneAllowancePerAddress() {
        for (int i = 0; i < 3; i++) {
            limits.countWatch("10.0.0.1");
        }
        MessagingRefusedException refused = assertThrows(MessagingRefusedException.class, () -> limits.countWatch("10.0.0.1"));
        assertEquals(MessagingRefusedException.RATE_LIMITED, refused.code());
        assertTrue(refused.retryAfter().toMillis() > 0);
        limits.countWatch("10.0.0.2");
    }

    @Test
    void changedSettingsApplyToTheNextSocketAndToAllowancesUnderWay() {
        assertTrue(limits.admitVisitor("10.0.0.3"));
        assertTrue(limits.admitVisitor("10.0.0.3"));
        assertFalse(limits.admitVisitor("10.0.0.3"));
        limits.countWatch("10.0.0.3");
        limits.settings.apply(Map.of(Setting.SOCKETS_PER_ADDRESS, "3", Setting.PRESENCE_WATCH_BURST, "1"));
        limits.settingsChanged(null);
        assertTrue(limits.admitVisitor("10.0.0.3"), "a third socket under the new limit");
        limits.countWatch("10.0.0.3");
        assertThrows(MessagingRefusedException.class, () -> limits.countWatch("10.0.0.3"),
                "the address had 2 watches left, of which it keeps the new burst of 1");
    }

    @Test
    void aMembersRequestsShareOneAllowanceOverAllTheirClients() {
        limits.countMemberRequest("ada");
        limits.countMemberRequest("ada"); // from their other client: the same allowance
        MessagingRefusedException refused = assertThrows(MessagingRefusedException.class, () -> limits.countMemberRequest("ada"));
        assertEquals(MessagingRefusedException.RATE_LIMITED, refused.code());
        assertEquals(1_000, refused.retryAfter().toMillis(), "one change a second: the next in a second");
        limits.countMemberRequest("grace");
        limits.countWatch("ada"); // a username is no address: the allowances are apart

        limits.settings.apply(Map.of(Setting.MEMBER_REQUESTS_PER_SECOND, "0.5"));
        limits.settingsChanged(null);
        assertEquals(2_000, assertThrows(MessagingRefusedException.class, () -> limits.countMemberRequest("ada"))
                .retryAfter().toMillis(), "a changed rate applies to the allowance under way");
    }

    @Test
    void aMembersMessagesHaveTheirOwnAllowanceApartFromTheirRequests() {
        for (int i = 0; i < 3; i++) {
            limits.countMemberMessage("ada");
        }
        MessagingRefusedException refused = assertThrows(MessagingRefusedException.class, () -> limits.countMemberMessage("ada"));
        assertEquals(MessagingRefusedException.RATE_LIMITED, refused.code());
        assertEquals(250, refused.retryAfter().toMillis(), "four a second: the next in a quarter of a second");
        limits.countMemberRequest("ada"); // requests are counted apart
        limits.countMemberMessage("grace");
    }
}
