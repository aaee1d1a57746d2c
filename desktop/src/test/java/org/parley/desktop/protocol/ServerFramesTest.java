package org.parley.desktop.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerFramesTest {

    @Test
    void aWelcomeCarriesTheMemberTheirConversationsAndOfflineMessages() throws ProtocolException {
        ServerFrame frame = ServerFrames.decode("{\"type\":\"welcome\",\"member\":{\"cid\":\"3F2A9C41D07B55E1\",\"displayName\":\"Ada\"},"
                + "\"presence\":{\"status\":\"BeRightBack\",\"statusText\":\"Be right back\",\"personalMessage\":\"tea\"},"
                + "\"conversations\":[{\"id\":\"c1\",\"visitor\":{\"name\":\"Grace\",\"verified\":true,\"username\":\"grace\",\"cid\":\"AB\"},"
                + "\"page\":\"https://intranet/x\",\"startedAt\":\"2026-12-03T08:00:00Z\",\"messages\":[{\"seq\":1,\"at\":\"2026-12-03T08:00:01Z\","
                + "\"from\":\"visitor\",\"text\":\"<b>hi</b>\"}]}],"
                + "\"offline\":[{\"id\":\"o1\",\"at\":\"2026-12-02T08:00:00Z\",\"visitor\":{\"name\":\"Bob\",\"verified\":false},\"text\":\"call me\"}]}");
        ServerFrame.Welcome welcome = (ServerFrame.Welcome) frame;
        assertEquals(new Presence(Status.BE_RIGHT_BACK, "Be right back", "tea"), welcome.presence());
        ServerFrame.Opened chat = welcome.conversations().get(0);
        assertEquals("Grace (verified · grace)", chat.visitor().shown());
        assertEquals(List.of(new Line(1, Instant.parse("2026-12-03T08:00:01Z"), true, "<b>hi</b>")), chat.messages());
        assertEquals("call me", welcome.offline().get(0).text());
        assertEquals("", welcome.offline().get(0).via(), "not left on a contact point");
    }

    @Test
    void theMembersMessagesInAWelcomeCarryTheVisitorsLatestReceipt() throws ProtocolException {
        ServerFrame.Welcome welcome = (ServerFrame.Welcome) ServerFrames.decode("{\"type\":\"welcome\",\"member\":{\"cid\":\"3F\","
                + "\"displayName\":\"Ada\"},\"presence\":{\"status\":\"Online\"},\"conversations\":[{\"id\":\"c1\","
                + "\"visitor\":{\"name\":\"Bob\",\"verified\":false},\"startedAt\":\"2026-12-03T08:00:00Z\",\"messages\":["
                + "{\"seq\":1,\"at\":\"2026-12-03T08:00:01Z\",\"from\":\"member\",\"text\":\"a\",\"receipt\":\"read\"},"
                + "{\"seq\":2,\"at\":\"2026-12-03T08:00:02Z\",\"from\":\"member\",\"text\":\"b\",\"receipt\":\"delivered\"},"
                + "{\"seq\":3,\"at\":\"2026-12-03T08:00:03Z\",\"from\":\"member\",\"text\":\"c\"}]}],\"offline\":[]}");
        assertEquals(java.util.Map.of(1L, true, 2L, false), welcome.conversations().get(0).seen());
    }

    @Test
    void aLiveOfflineMessageNamesItsContactPointAndHowToAnswer() throws ProtocolException {
        ServerFrame.OfflineLeft left = (ServerFrame.OfflineLeft) ServerFrames.decode("{\"type\":\"offline\",\"message\":{"
                + "\"id\":\"o2\",\"at\":\"2026-12-03T09:00:00Z\",\"visitor\":{\"name\":\"Bob\",\"verified\":false},"
                + "\"text\":\"hi\",\"contact\":{\"name\":\"helpdesk\",\"title\":\"Help desk\"},\"replyTo\":\"ext. 42\"}}");
        assertEquals(new ServerFrame.ContactPoint("helpdesk", "Help desk"), left.message().contact());
        assertEquals("ext. 42", left.message().replyTo());
    }

    @Test
    void theVisitorSocketsFramesAreReadFromTheVisitorsSide() throws ProtocolException {
        ServerFrame.Hello hello = (ServerFrame.Hello) ServerFrames.decodeVisitorSide("{\"type\":\"hello\",\"invitee\":{"
                + "\"id\":\"AB@intranet\",\"displayName\":\"Bob\",\"status\":\"Busy\",\"statusText\":\"Busy\"},"
                + "\"visitor\":{\"name\":\"Ada\",\"verified\":true},\"resume\":\"r1\"}");
        assertEquals(new ServerFrame.Hello("AB@intranet", "Bob", new Presence(Status.BUSY, "Busy", null), true, "r1"), hello);
        assertEquals(new ServerFrame.Message(null, new Line(4, Instant.parse("2026-12-03T08:00:01Z"), true, "hi")),
                ServerFrames.decodeVisitorSide("{\"type\":\"message\",\"seq\":4,\"at\":\"2026-12-03T08:00:01Z\",\"from\":\"invitee\",\"text\":\"hi\"}"));
        assertEquals(new ServerFrame.Ack("m1", 5, Instant.parse("2026-12-03T08:00:01Z"), true),
                ServerFrames.decodeVisitorSide("{\"type\":\"ack\",\"id\":\"m1\",\"seq\":5,\"at\":\"2026-12-03T08:00:01Z\",\"queued\":true}"));
        assertEquals(new ServerFrame.Ended("closed"), ServerFrames.decodeVisitorSide("{\"type\":\"ended\",\"reason\":\"closed\"}"));
    }

    @Test
    void anAckOfAMessageHasItsNumberAndOneOfAnotherFrameHasNone() throws ProtocolException {
        assertEquals(new ServerFrame.Ack("m1", 4, Instant.parse("2026-12-03T08:00:01Z"), false),
                ServerFrames.decode("{\"type\":\"ack\",\"id\":\"m1\",\"seq\":4,\"at\":\"2026-12-03T08:00:01Z\"}"));
        assertEquals(new ServerFrame.Ack("c2", 0, null, false), ServerFrames.decode("{\"type\":\"ack\",\"id\":\"c2\"}"));
    }

    @Test
    void anErrorKeepsItsCodeReferenceAndWait() throws ProtocolException {
        assertEquals(new ServerFrame.Error("rate_limited", "Slow down.", "m3", 2),
                ServerFrames.decode("{\"type\":\"error\",\"code\":\"rate_limited\",\"message\":\"Slow down.\",\"ref\":\"m3\",\"retryAfter\":2}"));
    }

    @Test
    void framesItCannotReadSayWhyInOneSentence() {
        assertEquals("The server sent a frame that is not JSON.",
                assertThrows(ProtocolException.class, () -> ServerFrames.decode("<!doctype html>")).getMessage());
        assertEquals("The server sent a frame that is not a JSON object.",
                assertThrows(ProtocolException.class, () -> ServerFrames.decode("[1]")).getMessage());
        assertEquals("The server sent a frame without a readable \"conversation\".",
                assertThrows(ProtocolException.class, () -> ServerFrames.decode("{\"type\":\"typing\",\"state\":\"active\"}")).getMessage());
        assertEquals("The server reported a status this client does not know: Dancing.",
                assertThrows(ProtocolException.class, () -> ServerFrames.decode("{\"type\":\"presence\",\"status\":\"Dancing\"}")).getMessage());
    }

    @Test
    void contactsComeAsAListAndThenOneByOne() throws ProtocolException {
        ServerFrame.Contacts list = (ServerFrame.Contacts) ServerFrames.decode("{\"type\":\"contacts\",\"id\":\"k\",\"contacts\":["
                + "{\"cid\":\"AB\",\"username\":\"zelda\",\"displayName\":\"Zelda\",\"status\":\"Busy\",\"statusText\":\"Busy\",\"found\":true}]}");
        assertEquals(List.of(new ServerFrame.Contact("AB", "zelda", "Zelda", new Presence(Status.BUSY, "Busy", null))), list.contacts());
        assertEquals(new ServerFrame.ContactChanged("zelda", null),
                ServerFrames.decode("{\"type\":\"contact\",\"username\":\"zelda\",\"found\":false}"));
    }

    @Test
    void anUnknownTypeIsKeptApartNotAnError() throws ProtocolException {
        assertEquals(new ServerFrame.Unknown("whiteboard"), ServerFrames.decode("{\"type\":\"whiteboard\"}"));
    }

    @Test
    void clientFramesEscapeWhatTheMemberTyped() {
        assertEquals("{\"type\":\"message\",\"id\":\"m1\",\"conversation\":\"c1\",\"text\":\"say \\\"hi\\\" </script>\\n\"}",
                ClientFrames.message("m1", "c1", "say \"hi\" </script>\n"));
        assertEquals("{\"type\":\"offline.read\",\"id\":\"o1\",\"ids\":[\"a\",\"b\"]}", ClientFrames.offlineRead("o1", List.of("a", "b")));
    }
}
