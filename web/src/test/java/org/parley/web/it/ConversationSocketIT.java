package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The visitor's and the member's sockets talking to each other, through the real endpoints. */
class ConversationSocketIT extends ParleyDeployment {

    private URI uri() {
        return URI.create(base.toString());
    }

    private Socket visitor(Accounts.SharingMember member) {
        return Socket.open(uri(), "/ws/control?invitee=" + member.cid(), null);
    }

    private Socket client(Accounts.SharingMember member) {
        Socket client = Socket.open(uri(), "/ws/client", member.browser());
        client.next("welcome");
        return client;
    }

    @Test
    void aFullConversationWithTypingAcksAndOrder() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        try (Socket console = client(ada); Socket visitor = visitor(ada)) {
            JsonObject hello = visitor.next("hello");
            assertEquals("Ada Lovelace", hello.getJsonObject("invitee").getString("displayName"));
            assertEquals("Online", hello.getJsonObject("invitee").getString("status"));
            assertTrue(hello.getJsonObject("invitee").getString("id").startsWith(ada.cid() + "@"));
            assertFalse(hello.getJsonObject("visitor").getBoolean("verified"));
            assertFalse(hello.getString("resume").isBlank());

            visitor.send(Socket.frame("identify").add("id", "n1").add("name", "  Charles  "));
            assertEquals("n1", visitor.next("ack").getString("id"));
            for (int i = 1; i <= 3; i++) {
                visitor.send(Socket.frame("message").add("id", "m" + i).add("text", "message " + i));
                JsonObject ack = visitor.next("ack");
                assertEquals("m" + i, ack.getString("id"));
                assertEquals(i, ack.getInt("seq"));
                assertFalse(ack.containsKey("queued"));
            }

            JsonObject started = console.next("conversation.started");
            String conversation = started.getJsonObject("conversation").getString("id");
            assertEquals("Charles", started.getJsonObject("conversation").getJsonObject("visitor").getString("name"));
            for (int i = 1; i <= 3; i++) {
                JsonObject message = console.next("message");
                assertEquals(i, message.getInt("seq"), "in order");
                assertEquals("message " + i, message.getString("text"));
                assertEquals("visitor", message.getString("from"));
                assertEquals(conversation, message.getString("conversation"));
            }

            visitor.send(Socket.frame("typing").add("state", "active"));
            JsonObject typing = console.next("typing");
            assertEquals("active", typing.getString("state"));
            assertEquals(conversation, typing.getString("conversation"));

            console.send(Socket.frame("typing").add("conversation", conversation).add("state", "active"));
            assertEquals("active", visitor.next("typing").getString("state"));

            console.send(Socket.frame("message").add("id", "r1").add("conversation", conversation).add("text", "Hello Charles"));
            JsonObject ack = console.next("ack");
            assertEquals("r1", ack.getString("id"));
            assertEquals(4, ack.getInt("seq"));
            JsonObject reply = visitor.next("message");
            assertEquals("invitee", reply.getString("from"));
            assertEquals("Hello Charles", reply.getString("text"));
            assertEquals(4, reply.getInt("seq"));

            console.send(Socket.frame("conversation.close").add("id", "c1").add("conversation", conversation));
            assertEquals("closed", visitor.next("ended").getString("reason"));
            assertEquals("closed", console.next("conversation.ended").getString("reason"));
        }
    }

    /**
     * A member who writes to, types in or closes a colleague's live conversation gets exactly what an unknown id gets
     * ({@code not_found}, in the same words), so the answer tells nothing of whether the id is live; the colleague's
     * conversation goes on untouched. Before, a live foreign id was answered "There is no such conversation." and an
     * unknown one "This conversation has ended.".
     */
    @Test
    void aColleaguesConversationIsAnsweredAsAnUnknownOne() {
        var owner = Accounts.sharingMember(base, "owner", "Olive Owner");
        var colleague = Accounts.sharingMember(base, "colleague", "Colin Colleague");
        try (Socket console = client(owner); Socket other = client(colleague); Socket visitor = visitor(owner)) {
            visitor.next("hello");
            visitor.send(Socket.frame("identify").add("name", "Vera"));
            visitor.send(Socket.frame("message").add("id", "1").add("text", "Hello Olive"));
            visitor.ack("1");
            String conversation = console.next("conversation.started").getJsonObject("conversation").getString("id");
            assertEquals("Hello Olive", console.next("message").getString("text"));

            List<String> answers = new java.util.ArrayList<>();
            String unknown = "0".repeat(conversation.length());
            for (String id : List.of(conversation, unknown)) {
                other.send(Socket.frame("message").add("id", "m" + id).add("conversation", id).add("text", "Not yours"));
                other.send(Socket.frame("conversation.close").add("id", "c" + id).add("conversation", id));
                for (String frame : List.of("m" + id, "c" + id)) {
                    JsonObject error = other.answer(frame);
                    assertEquals("not_found", error.getString("code", "an ack"), error.toString());
                    answers.add(error.getString("message"));
                }
            }
            assertEquals(List.of("There is no such conversation of yours, or it has ended."), answers.stream().distinct().toList(),
                    "a colleague's conversation and an unknown one answer alike");

            console.send(Socket.frame("message").add("id", "r").add("conversation", conversation).add("text", "Hello visitor"));
            assertEquals("Hello visitor", visitor.next("message").getString("text"), "nothing of the colleague's came before");
            visitor.send(Socket.frame("message").add("id", "2").add("text", "Still here"));
            visitor.ack("2");
            assertEquals("Still here", console.next("message", f -> "visitor".equals(f.getString("from"))).getString("text"));
        }
    }

    @Test
    void markupFromAVisitorArrivesAsTheSameText() {
        var grace = Accounts.sharingMember(base, "grace", "Grace Hopper");
        String markup = "<img src=x onerror=alert(1)> <script>alert(2)</script> & \"quotes\"";
        try (Socket console = client(grace); Socket visitor = visitor(grace)) {
            visitor.next("hello");
            visitor.send(Socket.frame("identify").add("name", "<b>Mallory</b>"));
            visitor.send(Socket.frame("message").add("id", "x").add("text", markup));
            visitor.ack("x");
            assertEquals("<b>Mallory</b>", console.next("conversation.started").getJsonObject("conversation")
                    .getJsonObject("visitor").getString("name"));
            assertEquals(markup, console.next("message").getString("text"));
        }
    }

    @Test
    void twoClientsOfOneMemberBothSeeTheConversationAndEitherAnswers() {
        var alan = Accounts.sharingMember(base, "alan", "Alan Turing");
        try (Socket desk = client(alan); Socket laptop = client(alan); Socket visitor = visitor(alan)) {
            visitor.next("hello");
            visitor.send(Socket.frame("identify").add("name", "Joan"));
            visitor.send(Socket.frame("message").add("id", "1").add("text", "Anyone there?"));
            String conversation = desk.next("conversation.started").getJsonObject("conversation").getString("id");
            assertEquals(conversation, laptop.next("conversation.started").getJsonObject("conversation").getString("id"));
            assertEquals("Anyone there?", desk.next("message").getString("text"));
            assertEquals("Anyone there?", laptop.next("message").getString("text"));

            laptop.send(Socket.frame("message").add("id", "a").add("conversation", conversation).add("text", "From the laptop"));
            assertEquals("From the laptop", visitor.next("message").getString("text"));
            JsonObject echoed = desk.next("message", f -> "member".equals(f.getString("from")));
            assertEquals("From the laptop", echoed.getString("text"));

            desk.send(Socket.frame("message").add("id", "b").add("conversation", conversation).add("text", "And the desk"));
            assertEquals("And the desk", visitor.next("message").getString("text"));
        }
    }

    @Test
    void aVisitorWhoReconnectsResumesWithNothingMissed() {
        var edsger = Accounts.sharingMember(base, "edsger", "Edsger Dijkstra");
        try (Socket console = client(edsger)) {
            String token;
            String conversation;
            try (Socket first = visitor(edsger)) {
                token = first.next("hello").getString("resume");
                first.send(Socket.frame("identify").add("name", "Tony"));
                first.send(Socket.frame("message").add("id", "1").add("text", "Question one"));
                assertEquals(1, first.ack("1").getInt("seq"));
                conversation = console.next("conversation.started").getJsonObject("conversation").getString("id");
                first.drop();
            }
            console.send(Socket.frame("message").add("id", "r").add("conversation", conversation).add("text", "Answer while you were away"));
            assertEquals(2, console.next("ack").getInt("seq"));

            try (Socket second = visitor(edsger)) {
                second.next("hello");
                second.send(Socket.frame("resume").add("id", "again").add("token", token).add("lastSeq", 1));
                JsonObject missed = second.next("message");
                assertEquals(2, missed.getInt("seq"));
                assertEquals("Answer while you were away", missed.getString("text"));
                JsonObject ack = second.next("ack");
                assertEquals("again", ack.getString("id"));
                assertEquals(2, ack.getInt("seq"));

                second.send(Socket.frame("message").add("id", "3").add("text", "Thanks"));
                assertEquals(3, second.ack("3").getInt("seq"));
                JsonObject arrived = console.next("message", f -> "visitor".equals(f.getString("from")) && f.getInt("seq") == 3);
                assertEquals("Thanks", arrived.getString("text"));
            }
        }
    }

    /**
     * 150 visitor messages and 60 replies: a resume from {@code lastSeq} 0 gets the last 200 of the
     * 210 (both directions, in order), and the gap before the first of them shows what is no longer kept.
     */
    @Test
    void aResumeFromFurtherBackThanTheReplayBufferGetsTheLast200Messages() {
        var ken = Accounts.sharingMember(base, "ken", "Ken Thompson");
        try (Socket console = client(ken)) {
            String token;
            try (Socket first = visitor(ken)) {
                token = first.next("hello").getString("resume");
                first.send(Socket.frame("identify").add("name", "Dennis"));
                for (int i = 1; i <= 150; i++) {
                    first.send(Socket.frame("message").add("id", "v" + i).add("text", "visitor " + i));
                    assertEquals(i, first.ack("v" + i).getInt("seq"));
                }
                String conversation = console.next("conversation.started").getJsonObject("conversation").getString("id");
                for (int i = 1; i <= 60; i++) {
                    console.send(Socket.frame("message").add("id", "m" + i).add("conversation", conversation)
                            .add("text", "member " + i));
                    assertEquals(150 + i, console.ack("m" + i).getInt("seq"));
                }
                first.next("message", f -> f.getInt("seq") == 210);
                first.drop();
            }

            try (Socket second = visitor(ken)) {
                second.next("hello");
                second.send(Socket.frame("resume").add("id", "back").add("token", token).add("lastSeq", 0));
                List<JsonObject> replayed = new java.util.ArrayList<>();
                JsonObject ack = null;
                while (ack == null) {
                    JsonObject frame = second.poll(Socket.WAIT);
                    assertTrue(frame != null, "the resume was answered; replayed so far: " + replayed.size());
                    if ("message".equals(frame.getString("type"))) {
                        replayed.add(frame);
                    } else if ("ack".equals(frame.getString("type"))) {
                        ack = frame;
                    } else {
                        assertNotEquals("error", frame.getString("type"), frame.toString());
                    }
                }
                assertEquals("back", ack.getString("id"));
                assertEquals(210, ack.getInt("seq"), "the newest seq");
                assertEquals(200, replayed.size(), "the replay buffer's 200, no more");
                for (int k = 0; k < replayed.size(); k++) {
                    JsonObject message = replayed.get(k);
                    int seq = 11 + k;
                    assertEquals(seq, message.getInt("seq"), "in order, from seq 11: the first 10 are no longer kept");
                    assertEquals(seq <= 150 ? "visitor" : "invitee", message.getString("from"));
                    assertEquals(seq <= 150 ? "visitor " + seq : "member " + (seq - 150), message.getString("text"));
                }
            }
        }
    }

    /**
     * A member client that shows nothing it gets (it never confirms): once more than 200 visitor
     * messages wait for a confirmation, the oldest become offline messages, oldest first, which the
     * member's next {@code welcome} lists — and not again among the conversation's messages.
     */
    @Test
    void moreThan200UnconfirmedMessagesOverflowOldestFirstIntoTheNextWelcome() {
        var rob = Accounts.sharingMember(base, "rob", "Rob Pike");
        try (Socket silent = client(rob); Socket visitor = visitor(rob)) {
            visitor.next("hello");
            visitor.send(Socket.frame("identify").add("name", "Gopher"));
            for (int i = 1; i <= 205; i++) {
                visitor.send(Socket.frame("message").add("id", "m" + i).add("text", "message " + i));
                JsonObject ack = visitor.ack("m" + i);
                assertFalse(ack.containsKey("queued"), "handed to the member's live client: " + ack);
            }
            try (Socket other = Socket.open(uri(), "/ws/client", rob.browser())) {
                JsonObject welcome = other.next("welcome");
                List<String> offline = welcome.getJsonArray("offline").getValuesAs(JsonObject.class).stream()
                        .map(o -> o.getString("text")).toList();
                assertEquals(List.of("message 1", "message 2", "message 3", "message 4", "message 5"), offline,
                        "the five oldest, oldest first");
                List<JsonObject> conversations = welcome.getJsonArray("conversations").getValuesAs(JsonObject.class);
                assertEquals(1, conversations.size(), welcome.toString());
                List<String> shown = conversations.get(0).getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                        .map(m -> m.getString("text")).toList();
                assertEquals(200, shown.size());
                assertEquals("message 6", shown.get(0));
                assertEquals("message 205", shown.get(199));
            }
        }
    }

    @Test
    void aVisitorWhoDoesNotComeBackEndsTheConversationForTheMember() {
        var joan = Accounts.sharingMember(base, "joan", "Joan Clarke");
        try (Socket console = client(joan)) {
            String token;
            try (Socket visitor = visitor(joan)) {
                token = visitor.next("hello").getString("resume");
                visitor.send(Socket.frame("identify").add("name", "Hut 8"));
                visitor.send(Socket.frame("message").add("id", "1").add("text", "Back in a minute"));
                visitor.ack("1");
                visitor.drop();
            }
            String conversation = console.next("conversation.started").getJsonObject("conversation").getString("id");
            JsonObject ended = console.next("conversation.ended", java.time.Duration.ofSeconds(30));
            assertEquals(conversation, ended.getString("conversation"));
            assertEquals("visitor_left", ended.getString("reason"));
            try (Socket late = visitor(joan)) {
                late.next("hello");
                late.send(Socket.frame("resume").add("id", "r").add("token", token).add("lastSeq", 0));
                assertEquals("not_found", late.next("error").getString("code"), "too late to resume");
            }
        }
    }

    @Test
    void anUnknownResumeTokenIsNotFound() {
        var linus = Accounts.sharingMember(base, "linus", "Linus");
        try (Socket visitor = visitor(linus)) {
            visitor.next("hello");
            visitor.send(Socket.frame("resume").add("id", "r").add("token", "no-such-token").add("lastSeq", 0));
            JsonObject error = visitor.next("error");
            assertEquals("not_found", error.getString("code"));
            assertEquals("r", error.getString("ref"));
        }
    }

    @Test
    void aMessageToAnOfflineMemberIsStoredAndDeliveredInTheNextWelcome() {
        var barbara = Accounts.sharingMember(base, "barbara", "Barbara Liskov");
        try (Socket visitor = visitor(barbara)) {
            assertEquals("Offline", visitor.next("hello").getJsonObject("invitee").getString("status"));
            visitor.send(Socket.frame("identify").add("name", "Leslie"));
            visitor.send(Socket.frame("message").add("id", "q").add("text", "Call me back, please"));
            JsonObject ack = visitor.ack("q");
            assertTrue(ack.getBoolean("queued"), ack.toString());
        }
        String id;
        try (Socket console = Socket.open(uri(), "/ws/client", barbara.browser())) {
            JsonObject welcome = console.next("welcome");
            List<JsonObject> offline = welcome.getJsonArray("offline").getValuesAs(JsonObject.class);
            assertEquals(1, offline.size(), welcome.toString());
            assertEquals("Call me back, please", offline.get(0).getString("text"));
            assertEquals("Leslie", offline.get(0).getJsonObject("visitor").getString("name"));
            assertTrue(welcome.getJsonArray("conversations").isEmpty(), "left messages are not a live conversation");
            id = offline.get(0).getString("id");
            console.send(Socket.frame("offline.read").add("id", "read").add("ids", Json.createArrayBuilder().add(id)));
            assertEquals(id, console.next("offline.read").getJsonArray("ids").getString(0));
            assertEquals("read", console.next("ack").getString("id"));
        }
        try (Socket console = Socket.open(uri(), "/ws/client", barbara.browser())) {
            assertTrue(console.next("welcome").getJsonArray("offline").isEmpty(), "read messages stay read");
            // as many ids as fit a frame Parley takes are taken; one more is refused in words, and the socket stays
            // (found by attacking from outside: 500, the most it said it took, made a frame too large, closed with 1009)
            jakarta.json.JsonArrayBuilder most = Json.createArrayBuilder();
            for (int i = 0; i < 400; i++) {
                most.add(java.util.UUID.randomUUID().toString());
            }
            console.send(Socket.frame("offline.read").add("id", "most").add("ids", most));
            assertEquals("most", console.next("ack").getString("id"), "400 ids in one frame");
            jakarta.json.JsonArrayBuilder more = Json.createArrayBuilder();
            for (int i = 0; i < 401; i++) {
                more.add(Integer.toString(i));
            }
            console.send(Socket.frame("offline.read").add("id", "more").add("ids", more));
            JsonObject refused = console.answer("more");
            assertEquals("invalid", refused.getString("code"), refused.toString());
            assertEquals("ids: a list of at most 400 strings.", refused.getString("message"), refused.toString());
        }
    }

    @Test
    void withOfflineMessagesOffTheVisitorIsToldTheMemberIsOffline() {
        var ken = Accounts.sharingMember(base, "ken", "Ken Thompson");
        ken.browser().open("/settings");
        ken.browser().submit("settings", java.util.Collections.singletonMap("offlineMessages", null), "save");
        try (Socket visitor = visitor(ken)) {
            visitor.next("hello");
            visitor.send(Socket.frame("identify").add("name", "Dennis"));
            visitor.send(Socket.frame("message").add("id", "m").add("text", "Hello?"));
            JsonObject error = visitor.next("error");
            assertEquals("invitee_offline", error.getString("code"));
            assertEquals("m", error.getString("ref"));
        }
    }

    @Test
    void anAppearOfflineMemberLooksOfflineAndGetsOfflineMessages() {
        var margaret = Accounts.sharingMember(base, "margaret", "Margaret Hamilton");
        try (Socket console = client(margaret); Socket visitor = visitor(margaret)) {
            assertEquals("Online", visitor.next("hello").getJsonObject("invitee").getString("status"));
            console.send(Socket.frame("presence").add("status", "Offline"));
            assertEquals("Offline", visitor.next("presence").getString("status"));
            visitor.send(Socket.frame("identify").add("name", "Neil"));
            visitor.send(Socket.frame("message").add("id", "m").add("text", "Are you there?"));
            assertTrue(visitor.ack("m").getBoolean("queued"));
        }
    }

    @Test
    void aPresenceChangeReachesAWatchingVisitorWithinASecond() {
        var katherine = Accounts.sharingMember(base, "katherine", "Katherine Johnson");
        try (Socket console = client(katherine); Socket visitor = visitor(katherine)) {
            visitor.next("hello");
            long start = System.nanoTime();
            console.send(Socket.frame("presence").add("status", "Busy").add("personalMessage", "Computing orbits"));
            JsonObject presence = visitor.next("presence");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("Busy", presence.getString("status"));
            assertEquals("Computing orbits", presence.getString("personalMessage"));
            assertTrue(millis < 1000, "within 1 s: " + millis + " ms");
        }
    }

    @Test
    void aCrashedClientLeavesNoGhostPresence() {
        var dorothy = Accounts.sharingMember(base, "dorothy", "Dorothy Vaughan");
        try (Socket visitor = visitor(dorothy)) {
            // the hello first: a console connecting before it was built would make it say Online, with no presence frame after
            assertEquals("Offline", visitor.next("hello").getJsonObject("invitee").getString("status"));
            Socket console = client(dorothy);
            assertEquals("Online", visitor.next("presence").getString("status"));
            // the crash comes once the console is open: a frame answered proves the container finished opening it
            // (a connection lost while Tyrus is still opening the socket goes unseen until the idle timeout; README)
            console.send(Socket.frame("presence").add("id", "open").add("status", "Online"));
            console.ack("open");
            console.drop();
            JsonObject offline = visitor.next("presence", f -> "Offline".equals(f.getString("status")));
            assertEquals("Offline", offline.getString("statusText"));
        }
    }

    @Test
    void anInviteeWhoDoesNotShareOrDoesNotExistIsNotFoundTheSameWay() {
        String username = Accounts.newMember(base, "private", "Private Person", "a-good-password");
        Browser browser = new Browser(base);
        String cid = browser.signIn(username, "a-good-password").value("#cid");
        List<String> answers = new java.util.ArrayList<>();
        for (String invitee : List.of(cid, "0000000000000000", "not-a-cid")) {
            try (Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + invitee, null)) {
                JsonObject error = visitor.next("error");
                answers.add(error.toString());
                assertEquals(1000, visitor.closeCode());
            }
        }
        assertEquals(1, answers.stream().distinct().count(), "the same answer in every case: " + answers);
        assertTrue(answers.get(0).contains("\"code\":\"not_found\""));
    }

    @Test
    void aForeignOriginIsRefusedAndAConfiguredIntranetOriginIsNot() {
        var hedy = Accounts.sharingMember(base, "hedy", "Hedy Lamarr");
        assertEquals(403, Socket.refusedStatus(uri(), "/ws/control?invitee=" + hedy.cid(), null,
                Map.of("Origin", "http://evil.example")));
        assertEquals(403, Socket.refusedStatus(uri(), "/ws/client", hedy.browser(),
                Map.of("Origin", "http://evil.example")));
        try (Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + hedy.cid(), null,
                Map.of("Origin", INTRANET_ORIGIN))) {
            assertEquals("Hedy Lamarr", visitor.next("hello").getJsonObject("invitee").getString("displayName"));
        }
    }

    @Test
    void theMemberSocketNeedsASignedInMember() {
        assertEquals(401, Socket.refusedStatus(uri(), "/ws/client", null, Map.of("Origin", Socket.origin(uri()))));
    }

    @Test
    void aVisitorSignedInToParleyIsVerified() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        var guest = Accounts.sharingMember(base, "guest", "Guest Member");
        try (Socket console = client(host);
             Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + host.cid(), guest.browser())) {
            JsonObject hello = visitor.next("hello");
            assertTrue(hello.getJsonObject("visitor").getBoolean("verified"));
            assertEquals("Guest Member", hello.getJsonObject("visitor").getString("name"));
            visitor.send(Socket.frame("message").add("id", "1").add("text", "It is me"));
            visitor.ack("1");
            JsonObject started = console.next("conversation.started");
            assertTrue(started.getJsonObject("conversation").getJsonObject("visitor").getBoolean("verified"));
        }
    }

    @Test
    void aVerifiedVisitorWhoTookAColleaguesNameStillShowsTheirOwnUsername() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        var grace = Accounts.sharingMember(base, "grace", "Grace Hopper");
        var mallory = Accounts.sharingMember(base, "mallory", "Mallory");
        Browser.Page renamed = mallory.browser().submit("settings", Map.of("displayName", "Grace Hopper"), "save");
        assertTrue(renamed.messages().contains("Your settings are saved."), renamed.messages());
        try (Socket console = client(host);
             Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + host.cid(), mallory.browser())) {
            visitor.next("hello");
            visitor.send(Socket.frame("message").add("id", "1").add("text", "Hi, it is Grace"));
            visitor.ack("1");
            JsonObject shown = console.next("conversation.started").getJsonObject("conversation").getJsonObject("visitor");
            assertEquals("Grace Hopper", shown.getString("name"));
            assertTrue(shown.getBoolean("verified"));
            assertEquals(mallory.username(), shown.getString("username"), "the member sees who it really is");
            assertNotEquals(grace.username(), shown.getString("username"));
            assertEquals(mallory.cid(), shown.getString("cid"), "and their CID");
            try (Socket second = Socket.open(uri(), "/ws/client", host.browser())) {
                JsonObject again = second.next("welcome").getJsonArray("conversations").getJsonObject(0)
                        .getJsonObject("visitor");
                assertEquals(mallory.username(), again.getString("username"), "a new client sees the same identity");
                assertEquals(mallory.cid(), again.getString("cid"));
            }
        }
    }

    @Test
    void anOfflineMessageOfAVerifiedVisitorKeepsTheirUsername() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        var guest = Accounts.sharingMember(base, "guest", "Guest Member");
        try (Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + host.cid(), guest.browser())) {
            visitor.next("hello");
            visitor.send(Socket.frame("message").add("id", "1").add("text", "Call me back"));
            assertTrue(visitor.ack("1").getBoolean("queued"));
        }
        try (Socket console = Socket.open(uri(), "/ws/client", host.browser())) {
            JsonObject left = console.next("welcome").getJsonArray("offline").getJsonObject(0);
            assertEquals("Call me back", left.getString("text"));
            assertEquals(guest.username(), left.getJsonObject("visitor").getString("username"));
            assertEquals(guest.cid(), left.getJsonObject("visitor").getString("cid"));
        }
    }

    @Test
    void anAnonymousVisitorHasNoUsername() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        try (Socket console = client(host); Socket visitor = visitor(host)) {
            visitor.next("hello");
            visitor.send(Socket.frame("identify").add("id", "n").add("name", "admin"));
            visitor.ack("n");
            visitor.send(Socket.frame("message").add("id", "1").add("text", "Hello"));
            visitor.ack("1");
            JsonObject shown = console.next("conversation.started").getJsonObject("conversation").getJsonObject("visitor");
            assertFalse(shown.getBoolean("verified"));
            assertFalse(shown.containsKey("username"), shown.toString());
            assertFalse(shown.containsKey("cid"), shown.toString());
        }
    }

    @Test
    void badFramesGetTheMatchingErrorAndTheConnectionStays() {
        var tim = Accounts.sharingMember(base, "tim", "Tim Berners-Lee");
        try (Socket visitor = visitor(tim)) {
            visitor.next("hello");
            visitor.sendText("this is not json");
            assertEquals("bad_frame", visitor.next("error").getString("code"));
            visitor.sendText("[1,2,3]");
            assertEquals("bad_frame", visitor.next("error").getString("code"));
            visitor.send(Json.createObjectBuilder().add("id", "t1").add("text", "no type"));
            JsonObject noType = visitor.next("error");
            assertEquals("bad_frame", noType.getString("code"));
            assertEquals("t1", noType.getString("ref"));
            visitor.send(Socket.frame("teleport").add("id", "t2"));
            JsonObject unknown = visitor.next("error");
            assertEquals("unknown_type", unknown.getString("code"));
            assertEquals("t2", unknown.getString("ref"));
            visitor.send(Socket.frame("typing").add("id", "t3").add("state", "dancing"));
            JsonObject invalid = visitor.next("error");
            assertEquals("invalid", invalid.getString("code"));
            assertEquals("t3", invalid.getString("ref"));
            assertTrue(invalid.getString("message").startsWith("state"), invalid.toString());
            visitor.send(Socket.frame("identify").add("id", "t4").add("name", "x".repeat(41)));
            assertEquals("invalid", visitor.next("error").getString("code"));
            visitor.send(Socket.frame("identify").add("id", "ok").add("name", "Robert"));
            assertEquals("ok", visitor.next("ack").getString("id"), "the connection stays after errors");
            visitor.send(Socket.frame("message").add("id", "t5").add("text", " \u0007\u202E  "));
            JsonObject empty = visitor.next("error");
            assertEquals("invalid", empty.getString("code"));
            assertEquals("t5", empty.getString("ref"));
            visitor.send(Socket.frame("message").add("id", "t6").add("text", "y".repeat(2001)));
            assertEquals("invalid", visitor.next("error").getString("code"));
            assertTrue(visitor.isOpen());
        }
    }

    @Test
    void tenBadFramesWithinTenSecondsCloseTheSocketWith1008() {
        var vint = Accounts.sharingMember(base, "vint", "Vint Cerf");
        try (Socket visitor = visitor(vint)) {
            visitor.next("hello");
            for (int i = 0; i < 10; i++) {
                visitor.sendText("garbage " + i);
            }
            assertEquals(1008, visitor.closeCode());
        }
        try (Socket visitor = visitor(vint)) {
            assertEquals("Vint Cerf", visitor.next("hello").getJsonObject("invitee").getString("displayName"),
                    "the server keeps serving everyone else");
        }
    }

    @Test
    void aFrameOver16KiBClosesTheSocketWith1009() {
        var bob = Accounts.sharingMember(base, "bob", "Bob Kahn");
        try (Socket visitor = visitor(bob)) {
            visitor.next("hello");
            visitor.send(Socket.frame("message").add("text", "z".repeat(17 * 1024)));
            assertEquals(1009, visitor.closeCode());
        }
    }
}
