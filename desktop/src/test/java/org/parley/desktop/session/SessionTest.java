package org.parley.desktop.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.parley.desktop.protocol.ClientFrames;
import org.parley.desktop.protocol.Status;

class SessionTest {

    private static final String CHAT = "c1";
    private static final String VISITOR = "{\"name\":\"Bob\",\"verified\":false}";

    private final ManualScheduler clock = new ManualScheduler();
    private final FakeServer server = new FakeServer();
    private final Tokens tokens = new Tokens();
    private final List<SessionEvent> events = new ArrayList<>();
    private Snapshot latest;
    private final Session session = new Session(URI.create("ws://127.0.0.1:1/ws/client"), server, tokens, clock, Runnable::run,
            new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(7)));

    /** Hands out access tokens "a1", "a2", … each valid for an hour from the (manual) clock, or refuses as revoked. */
    private final class Tokens implements Credentials {
        int issued;
        boolean revoked;
        AccessToken current;

        @Override
        public AccessToken current() {
            return current;
        }

        @Override
        public AccessToken refresh() throws SignedOutException, IOException {
            if (revoked) {
                throw new SignedOutException("You were signed out: the sign-in was revoked.");
            }
            current = new AccessToken("a" + (++issued), clock.now().plus(Duration.ofHours(1)));
            return current;
        }
    }

    SessionTest() {
        session.addListener((snapshot, event) -> {
            latest = snapshot;
            events.add(event);
        });
    }

    private static String welcome(String conversations) {
        return "{\"type\":\"welcome\",\"member\":{\"cid\":\"3F2A9C41D07B55E1\",\"displayName\":\"Ada\"},"
                + "\"presence\":{\"status\":\"Online\",\"statusText\":\"Online\"},\"conversations\":[" + conversations
                + "],\"offline\":[]}";
    }

    private static String conversation(String messages) {
        return "{\"id\":\"" + CHAT + "\",\"visitor\":" + VISITOR + ",\"startedAt\":\"2026-12-03T08:59:00Z\",\"messages\":["
                + messages + "]}";
    }

    private static String line(long seq, String from, String text) {
        return "{\"seq\":" + seq + ",\"at\":\"2026-12-03T09:00:00Z\",\"from\":\"" + from + "\",\"text\":\"" + text + "\"}";
    }

    private FakeServer.Socket signedIn(String conversations) {
        session.start();
        clock.runDue();
        FakeServer.Socket socket = server.last();
        socket.frame(welcome(conversations));
        clock.runDue();
        return socket;
    }

    @Test
    void everyVisitorMessageShownIsConfirmedAndReadOnlyWhenTheMemberLooks() {
        FakeServer.Socket socket = signedIn(conversation(line(1, "visitor", "hello")));
        assertEquals(List.of("{\"type\":\"received\",\"conversation\":\"c1\",\"seq\":1,\"read\":false}"), socket.sentOfType("received"));
        assertEquals(1, latest.unread());

        socket.frame("{\"type\":\"message\",\"conversation\":\"c1\",\"seq\":2,\"at\":\"2026-12-03T09:00:01Z\",\"from\":\"visitor\",\"text\":\"anyone?\"}");
        session.viewing(CHAT);
        clock.runDue();

        assertEquals(List.of(
                "{\"type\":\"received\",\"conversation\":\"c1\",\"seq\":1,\"read\":false}",
                "{\"type\":\"received\",\"conversation\":\"c1\",\"seq\":2,\"read\":false}",
                "{\"type\":\"received\",\"conversation\":\"c1\",\"seq\":1,\"read\":true}",
                "{\"type\":\"received\",\"conversation\":\"c1\",\"seq\":2,\"read\":true}"), socket.sentOfType("received"));
        assertEquals(0, latest.unread());
        assertEquals(List.of(Delivery.READ, Delivery.READ), latest.chat(CHAT).orElseThrow().entries().stream().map(Entry::delivery).toList());
    }

    @Test
    void aTypedMessageIsSendingUntilAckedThenSentWithItsNumber() {
        FakeServer.Socket socket = signedIn(conversation(line(1, "visitor", "hello")));
        session.send(CHAT, "  Hi Bob  ");
        clock.runDue();
        assertEquals(List.of("{\"type\":\"message\",\"id\":\"m1\",\"conversation\":\"c1\",\"text\":\"Hi Bob\"}"), socket.sentOfType("message"));
        assertEquals(Delivery.SENDING, lastEntry().delivery());

        socket.frame("{\"type\":\"ack\",\"id\":\"m1\",\"seq\":2,\"at\":\"2026-12-03T09:00:02Z\"}");
        clock.runDue();
        assertEquals(Delivery.SENT, lastEntry().delivery());
        assertEquals(2, lastEntry().seq());
    }

    @Test
    void theVisitorsReceiptsMoveTheMembersMessageOnButNeverBack() {
        FakeServer.Socket socket = signedIn(conversation(line(1, "visitor", "hello")));
        session.send(CHAT, "Hi Bob");
        clock.runDue();
        socket.frame("{\"type\":\"ack\",\"id\":\"m1\",\"seq\":2,\"at\":\"2026-12-03T09:00:02Z\"}");
        socket.frame("{\"type\":\"receipt\",\"conversation\":\"c1\",\"seq\":2,\"state\":\"delivered\"}");
        clock.runDue();
        assertEquals(Delivery.DELIVERED, lastEntry().delivery());
        socket.frame("{\"type\":\"receipt\",\"conversation\":\"c1\",\"seq\":2,\"state\":\"read\"}");
        socket.frame("{\"type\":\"receipt\",\"conversation\":\"c1\",\"seq\":2,\"state\":\"delivered\"}");
        clock.runDue();
        assertEquals(Delivery.READ, lastEntry().delivery());
    }

    @Test
    void receiptsThatCameWhileDisconnectedAreShownFromTheNextWelcome() {
        FakeServer.Socket first = signedIn(conversation(line(1, "visitor", "hello")));
        session.send(CHAT, "Hi Bob");
        clock.runDue();
        first.frame("{\"type\":\"ack\",\"id\":\"m1\",\"seq\":2,\"at\":\"2026-12-03T09:00:02Z\"}");
        first.drop(1006);
        clock.advance(Duration.ofSeconds(1));
        server.last().frame(welcome(conversation(line(1, "visitor", "hello") + ","
                + line(2, "member", "Hi Bob").replace("}", ",\"receipt\":\"read\"}"))));
        clock.runDue();
        assertEquals(Delivery.READ, lastEntry().delivery(), "the visitor read it while this client had no socket");
    }

    @Test
    void aConversationWithAColleagueSpeaksAsAVisitorAndResumesOnANewSocket() {
        FakeServer.Socket member = signedIn("");
        String chat = session.chatWith(new org.parley.desktop.protocol.ServerFrame.Contact("0123456789ABCDEF", "bob", "Bob",
                new org.parley.desktop.protocol.Presence(Status.ONLINE, "Online", null)));
        session.send(chat, "Lunch?");
        clock.runDue();
        FakeServer.Socket control = server.last();
        assertTrue(control != member && control.token.equals("a1"), "a visitor socket with the member's access token");
        control.frame("{\"type\":\"hello\",\"invitee\":{\"id\":\"0123456789ABCDEF@intranet\",\"displayName\":\"Bob\","
                + "\"status\":\"Online\",\"statusText\":\"Online\"},\"visitor\":{\"name\":\"Ada\",\"verified\":true},"
                + "\"resume\":\"r1\"}");
        clock.runDue();
        assertEquals(List.of("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"Lunch?\"}"), control.sentOfType("message"));
        control.frame("{\"type\":\"ack\",\"id\":\"m1\",\"seq\":1,\"at\":\"2026-12-03T09:00:02Z\"}");
        control.frame("{\"type\":\"message\",\"seq\":2,\"at\":\"2026-12-03T09:00:03Z\",\"from\":\"invitee\",\"text\":\"Yes!\"}");
        clock.runDue();
        assertEquals(List.of("{\"type\":\"received\",\"seq\":2,\"read\":false}"), control.sentOfType("received"));

        control.drop(1006);
        session.send(chat, "Noon?");
        clock.advance(Duration.ofSeconds(1));
        FakeServer.Socket again = server.last();
        assertTrue(again != control, "the visitor socket is opened again");
        again.frame("{\"type\":\"hello\",\"invitee\":{\"id\":\"0123456789ABCDEF@intranet\",\"displayName\":\"Bob\","
                + "\"status\":\"Online\",\"statusText\":\"Online\"},\"visitor\":{\"name\":\"Ada\",\"verified\":true},"
                + "\"resume\":\"r2\"}");
        clock.runDue();
        assertEquals(List.of("{\"type\":\"resume\",\"id\":\"resume\",\"token\":\"r1\",\"lastSeq\":2}"), again.sentOfType("resume"),
                "the conversation is taken back with the first socket's token");
        assertEquals(List.of(), again.sentOfType("message"), "nothing goes before the resume is answered");
        again.frame("{\"type\":\"ack\",\"id\":\"resume\",\"seq\":2}");
        clock.runDue();
        assertEquals(List.of("{\"type\":\"message\",\"id\":\"m2\",\"text\":\"Noon?\"}"), again.sentOfType("message"));
        again.frame("{\"type\":\"receipt\",\"seq\":1,\"state\":\"read\"}");
        clock.runDue();
        assertEquals(List.of("Lunch?:READ", "Yes!:READ", "Noon?:SENDING"), // answering reads what came
                latest.chat(chat).orElseThrow().entries().stream().map(e -> e.text() + ":" + e.delivery()).toList());
        assertTrue(latest.chat(chat).orElseThrow().outgoing());
    }

    @Test
    void aFullMailboxIsMarkedReadInFramesOfAtMostTwoHundredIds() {
        FakeServer.Socket socket = signedIn("");
        List<String> ids = IntStream.range(0, 450).mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        session.markOfflineRead(ids);
        clock.runDue();
        List<String> frames = socket.sentOfType("offline.read");
        assertEquals(3, frames.size(), "200, 200 and 50");
        List<String> named = new ArrayList<>();
        for (String frame : frames) {
            assertTrue(frame.length() < 16 * 1024, frame.length() + " characters");
            JsonArray inFrame = Json.createReader(new StringReader(frame)).readObject().getJsonArray("ids");
            assertTrue(inFrame.size() <= ClientFrames.OFFLINE_READ_MOST);
            inFrame.getValuesAs(JsonString.class).forEach(id -> named.add(id.getString()));
        }
        assertEquals(ids, named, "every id once, in order");
    }

    @Test
    void anOfflineMessageLeftOnAContactPointShowsAtOnce() {
        FakeServer.Socket socket = signedIn("");
        socket.frame("{\"type\":\"offline\",\"message\":{\"id\":\"o1\",\"at\":\"2026-12-03T09:00:00Z\","
                + "\"visitor\":{\"name\":\"Bob\",\"verified\":false},\"text\":\"Printer on fire\","
                + "\"contact\":{\"name\":\"helpdesk\",\"title\":\"Help desk\"},\"replyTo\":\"bob@intranet\"}}");
        socket.frame("{\"type\":\"offline\",\"message\":{\"id\":\"o1\",\"at\":\"2026-12-03T09:00:00Z\","
                + "\"visitor\":{\"name\":\"Bob\",\"verified\":false},\"text\":\"Printer on fire\"}}");
        clock.runDue();
        assertEquals(1, latest.offline().size(), "once, however often it is told");
        assertEquals("Via Help desk \u00b7 answer to: bob@intranet", latest.offline().get(0).via());
        assertEquals(1, events.stream().filter(e -> e instanceof SessionEvent.OfflineArrived).count());
    }

    @Test
    void whatWasTypedWhileDisconnectedIsSentAfterTheReconnectAndNotTwiceIfTheServerHadIt() {
        FakeServer.Socket first = signedIn(conversation(line(1, "visitor", "hello")));
        session.send(CHAT, "taken before the drop");
        clock.runDue();
        first.drop(1006);
        clock.runDue();
        assertEquals(ConnectionState.RECONNECTING, latest.state());
        session.send(CHAT, "typed while away");
        clock.runDue();
        assertEquals(1, first.sentOfType("message").size(), "nothing goes to a dropped socket");

        clock.advance(Duration.ofSeconds(1)); // the first backoff step is 250–500 ms
        FakeServer.Socket second = server.last();
        assertTrue(second != first, "reconnected");
        // the server had taken the first message (its ack was lost with the socket)
        second.frame(welcome(conversation(line(1, "visitor", "hello") + "," + line(2, "member", "taken before the drop"))));
        clock.runDue();

        assertEquals(List.of("{\"type\":\"message\",\"id\":\"m2\",\"conversation\":\"c1\",\"text\":\"typed while away\"}"),
                second.sentOfType("message"));
        assertEquals(List.of("{\"type\":\"received\",\"conversation\":\"c1\",\"seq\":1,\"read\":true}"), second.sentOfType("received"),
                "every shown visitor message is confirmed again on the new socket, read since the member answered it");
        second.frame("{\"type\":\"ack\",\"id\":\"m2\",\"seq\":3,\"at\":\"2026-12-03T09:00:09Z\"}");
        clock.runDue();
        assertEquals(List.of("hello:READ", "taken before the drop:SENT", "typed while away:SENT"),
                latest.chat(CHAT).orElseThrow().entries().stream().map(e -> e.text() + ":" + e.delivery()).toList());
        assertEquals(ConnectionState.ONLINE, latest.state());
    }

    @Test
    void theChosenStatusIsRestoredAfterAReconnect() {
        FakeServer.Socket first = signedIn("");
        session.choose(Status.BUSY, "In a meeting");
        clock.runDue();
        assertEquals(List.of("{\"type\":\"presence\",\"status\":\"Busy\",\"personalMessage\":\"In a meeting\"}"), first.sentOfType("presence"));
        first.drop(1001);
        clock.advance(Duration.ofSeconds(1));
        FakeServer.Socket second = server.last();
        second.frame(welcome(""));
        clock.runDue();
        assertEquals(List.of("{\"type\":\"presence\",\"status\":\"Busy\",\"personalMessage\":\"In a meeting\"}"), second.sentOfType("presence"));
    }

    @Test
    void idlenessChangesOnlyAnOnlineStatus() {
        FakeServer.Socket socket = signedIn("");
        session.automatic(Status.IDLE);
        session.choose(Status.BUSY, null);
        session.automatic(null);
        clock.runDue();
        assertEquals(List.of("{\"type\":\"presence\",\"status\":\"Idle\"}", "{\"type\":\"presence\",\"status\":\"Busy\"}",
                "{\"type\":\"presence\",\"status\":\"Busy\"}"), socket.sentOfType("presence"));
    }

    @Test
    void theAccessTokenIsRenewedBeforeItExpiresAndTheNewSocketTakesOverWithoutAGap() {
        FakeServer.Socket first = signedIn("");
        assertEquals("a1", first.token);
        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        assertEquals(1, server.sockets.size(), "not renewed too early");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, tokens.issued, "renewed 5 minutes before the hour");
        FakeServer.Socket second = server.last();
        assertEquals("a2", second.token);
        assertFalse(first.closed, "the old socket stays until the new one is welcomed");
        second.frame(welcome(""));
        clock.runDue();
        assertTrue(first.closed);
        assertEquals(ConnectionState.ONLINE, latest.state());
    }

    @Test
    void aRevokedSignInSignsOutInsteadOfRetrying() {
        FakeServer.Socket socket = signedIn("");
        tokens.revoked = true;
        socket.frame("{\"type\":\"error\",\"code\":\"forbidden\",\"message\":\"Your access token was revoked or has expired.\"}");
        socket.drop(Session.POLICY_VIOLATION);
        clock.runDue();
        assertEquals(ConnectionState.SIGNED_OUT, latest.state());
        assertEquals("You were signed out: the sign-in was revoked.", latest.notice());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, server.sockets.size(), "no reconnection once signed out");
    }

    @Test
    void anUnreachableServerIsRetriedWithGrowingWaitsAndSaysSo() {
        server.unreachable = true;
        session.start();
        clock.runDue();
        assertEquals(ConnectionState.RECONNECTING, latest.state());
        assertTrue(latest.notice().startsWith("Cannot reach Parley at 127.0.0.1:1. Trying again in"), latest.notice());
        clock.advance(Duration.ofSeconds(10));
        assertTrue(server.sockets.isEmpty());
        server.unreachable = false;
        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, server.sockets.size(), "connected once the server answered");
    }

    @Test
    void aFrameItCannotReadIsSaidOnceAndTheSessionGoesOn() {
        FakeServer.Socket socket = signedIn("");
        socket.frame("<html>oops</html>");
        socket.frame("{\"type\":\"contacts.changed\"}");
        socket.frame("{\"type\":\"contacts.changed\"}");
        clock.runDue();
        List<String> notices = events.stream().filter(SessionEvent.Notice.class::isInstance)
                .map(e -> ((SessionEvent.Notice) e).sentence()).toList();
        assertEquals(List.of("The server sent a frame that is not JSON. It was ignored.",
                "Parley sent a \u201ccontacts.changed\u201d frame this client does not know; it was ignored (a newer client may show it)."),
                notices);
        assertEquals(ConnectionState.ONLINE, latest.state());
    }

    @Test
    void aRefusedMessageIsMarkedNotSentWithTheServersReason() {
        FakeServer.Socket socket = signedIn(conversation(""));
        session.send(CHAT, "x");
        clock.runDue();
        socket.frame("{\"type\":\"error\",\"code\":\"invalid\",\"message\":\"text: 1 to 2000 characters.\",\"ref\":\"m1\"}");
        clock.runDue();
        assertEquals(Delivery.FAILED, lastEntry().delivery());
        assertTrue(events.contains(new SessionEvent.Notice("Parley refused it: text: 1 to 2000 characters.")));
    }

    private Entry lastEntry() {
        List<Entry> entries = latest.chat(CHAT).orElseThrow().entries();
        return entries.get(entries.size() - 1);
    }

    @Test
    void backoffDoublesWithJitterUpToItsCapAndStartsOverAfterSuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(1));
        long[] steps = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (long step : steps) {
            long wait = backoff.next().toMillis();
            assertTrue(wait >= step / 2 && wait <= step, wait + " ms within the upper half of " + step + " ms");
        }
        backoff.reset();
        assertTrue(backoff.next().toMillis() <= 500);
    }
}
