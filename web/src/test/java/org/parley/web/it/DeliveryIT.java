package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9 through the sockets: a visitor message that was acknowledged reaches a member client
 * that confirms it, or becomes an offline message — never neither and never both; member clients
 * come and go without one of them missing what is posted meanwhile; and the visitor limits as
 * shipped hold per visitor and per address, not per socket. Parley here trusts 127.0.0.1 as a
 * reverse proxy, so each test speaks for visitors at addresses of its own (X-Forwarded-For) and
 * no test uses up another's allowance.
 */
@Tag("postgresql") // run once more on PostgreSQL (web/pom.xml)
@ExtendWith(ArquillianExtension.class)
class DeliveryIT {

    private static final int OFFLINE_LIMIT = 50;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.parley(Map.of(
                "parley.proxy.trusted", "127.0.0.1,::1",
                "parley.presence.grace", "PT1S",
                "parley.limits.offline-messages-per-member", String.valueOf(OFFLINE_LIMIT)));
    }

    @ArquillianResource
    URL deployed;

    /** Where Parley answers, on loopback (see {@link Deployments#onLoopback}). */
    URL base;

    @BeforeEach
    void onLoopback() {
        base = Deployments.onLoopback(deployed);
    }

    private URI uri() {
        return URI.create(base.toString());
    }

    /** An address no other test uses, as the reverse proxy forwards it. */
    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private Socket visitor(Accounts.SharingMember member, String address) {
        return Socket.open(uri(), "/ws/control?invitee=" + member.cid(), null,
                Map.of("Origin", Socket.origin(uri()), "X-Forwarded-For", address));
    }

    /** A visitor at {@code address} who said hello and picked a nickname. */
    private Socket identified(Accounts.SharingMember member, String address, String name) {
        Socket visitor = visitor(member, address);
        visitor.next("hello");
        visitor.send(Socket.frame("identify").add("id", "name").add("name", name));
        visitor.ack("name");
        return visitor;
    }

    private Socket client(Accounts.SharingMember member) {
        return Socket.open(uri(), "/ws/client", member.browser());
    }

    private static List<String> offlineTexts(JsonObject welcome) {
        return welcome.getJsonArray("offline").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("text")).toList();
    }

    /** Sends the texts one by one, each acknowledged as handed to the member's live clients; answers their seqs. */
    private static List<Integer> sendLive(Socket visitor, List<String> texts) {
        List<Integer> seqs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            visitor.send(Socket.frame("message").add("id", "m" + i).add("text", texts.get(i)));
            JsonObject ack = visitor.ack("m" + i);
            assertFalse(ack.containsKey("queued"), "handed to the member's live client: " + ack);
            seqs.add(ack.getInt("seq"));
        }
        return seqs;
    }

    // ---- an acknowledged message is never lost --------------------------------------------------------

    @Test
    void messagesAHalfDeadClientNeverConfirmedAreOfflineMessagesOnceItsSocketDies() {
        var member = Accounts.sharingMember(base, "asleep", "Laptop Asleep");
        List<String> sent = List.of("Are you there?", "It is about the invoice", "Call me back, please");
        Socket asleep = client(member); // takes every frame and never answers, like a laptop that went to sleep
        asleep.next("welcome");
        try (Socket visitor = identified(member, newAddress(), "Charles")) {
            sendLive(visitor, sent);
            asleep.drop();
            visitor.next("presence", f -> "Offline".equals(f.getString("status")));

            try (Socket back = client(member)) {
                JsonObject welcome = back.next("welcome");
                assertEquals(sent, offlineTexts(welcome), "every acknowledged message is kept, in order: " + welcome);
                assertEquals("Charles", welcome.getJsonArray("offline").getJsonObject(0)
                        .getJsonObject("visitor").getString("name"));
                List<JsonObject> open = welcome.getJsonArray("conversations").getValuesAs(JsonObject.class);
                assertEquals(1, open.size(), "the visitor is still there: " + welcome);
                assertTrue(open.get(0).getJsonArray("messages").isEmpty(),
                        "shown once, as offline messages, not again in the conversation: " + welcome);
            }
        }
    }

    @Test
    void messagesNoClientConfirmedAreOfflineMessagesOnceTheConversationIsClosed() {
        var member = Accounts.sharingMember(base, "deaf", "Deaf Client");
        List<String> sent = List.of("First question", "Second question", "Third question");
        try (Socket deaf = client(member)) {
            deaf.next("welcome");
            try (Socket visitor = identified(member, newAddress(), "Ada")) {
                sendLive(visitor, sent);
                String conversation = deaf.next("conversation.started").getJsonObject("conversation").getString("id");
                deaf.send(Socket.frame("conversation.close").add("id", "close").add("conversation", conversation));
                deaf.ack("close");
                assertEquals("closed", visitor.next("ended").getString("reason"));
            }
            try (Socket other = client(member)) {
                JsonObject welcome = other.next("welcome");
                assertEquals(sent, offlineTexts(welcome), welcome.toString());
                assertTrue(welcome.getJsonArray("conversations").isEmpty(), welcome.toString());
            }
        }
    }

    @Test
    void messagesAClientConfirmedAreDeliveredAndNeverBecomeOfflineMessages() {
        var member = Accounts.sharingMember(base, "awake", "Awake Member");
        List<String> sent = List.of("One", "Two", "Three");
        Socket console = client(member);
        console.next("welcome");
        try (Socket visitor = identified(member, newAddress(), "Grace")) {
            List<Integer> seqs = sendLive(visitor, sent);
            String conversation = console.next("conversation.started").getJsonObject("conversation").getString("id");
            for (int seq : seqs) {
                assertEquals(seq, console.next("message").getInt("seq"));
                console.send(Socket.frame("received").add("conversation", conversation).add("seq", seq));
            }
            for (int seq : seqs) {
                JsonObject receipt = visitor.next("receipt");
                assertEquals(seq, receipt.getInt("seq"));
                assertEquals("delivered", receipt.getString("state"));
            }
            console.drop();
            visitor.next("presence", f -> "Offline".equals(f.getString("status")));

            try (Socket back = client(member)) {
                JsonObject welcome = back.next("welcome");
                assertTrue(welcome.getJsonArray("offline").isEmpty(), "confirmed messages are not offline messages: " + welcome);
                List<String> shown = welcome.getJsonArray("conversations").getJsonObject(0).getJsonArray("messages")
                        .getValuesAs(JsonObject.class).stream().map(m -> m.getString("text")).toList();
                assertEquals(sent, shown, "the conversation goes on with them");
            }
        }
    }

    @Test
    void aMessageShownWithTheConversationOpenIsReadAndEachReceiptComesOnce() {
        var member = Accounts.sharingMember(base, "reader", "Careful Reader");
        try (Socket desk = client(member); Socket laptop = client(member)) {
            desk.next("welcome");
            laptop.next("welcome");
            try (Socket visitor = identified(member, newAddress(), "Hopper")) {
                List<Integer> seqs = sendLive(visitor, List.of("Hello", "Anybody?"));
                String conversation = desk.next("conversation.started").getJsonObject("conversation").getString("id");
                int first = seqs.get(0);
                int second = seqs.get(1);

                desk.send(received(conversation, first, false));
                assertReceipt(visitor.next("receipt"), first, "delivered");
                laptop.send(received(conversation, first, true));
                assertReceipt(visitor.next("receipt"), first, "read");
                desk.send(received(conversation, second, true));
                assertReceipt(visitor.next("receipt"), second, "delivered");
                assertReceipt(visitor.next("receipt"), second, "read");

                // told again, by either client: nothing more for the visitor
                desk.send(received(conversation, first, true));
                laptop.send(received(conversation, second, false));
                int third = sendLive(visitor, List.of("Thanks")).get(0);
                laptop.send(received(conversation, third, false));
                assertReceipt(visitor.next("receipt"), third, "delivered");
            }
        }
    }

    @Test
    void aClientThatConnectsLaterSeesTheVisitorsReceiptsOfTheMembersMessagesInItsWelcome() {
        var member = Accounts.sharingMember(base, "answerer", "Prompt Answerer");
        try (Socket desk = client(member)) {
            desk.next("welcome");
            try (Socket visitor = identified(member, newAddress(), "Lovelace")) {
                sendLive(visitor, List.of("Hello"));
                String conversation = desk.next("conversation.started").getJsonObject("conversation").getString("id");
                desk.send(Socket.frame("message").add("id", "a1").add("conversation", conversation).add("text", "Read this"));
                desk.send(Socket.frame("message").add("id", "a2").add("conversation", conversation).add("text", "And this"));
                int read = desk.ack("a1").getInt("seq");
                int delivered = desk.ack("a2").getInt("seq");
                visitor.send(Socket.frame("received").add("seq", read).add("read", true));
                visitor.send(Socket.frame("received").add("seq", delivered).add("read", false));
                desk.next("receipt", r -> r.getInt("seq") == delivered);
                try (Socket laptop = client(member)) {
                    List<JsonObject> lines = laptop.next("welcome").getJsonArray("conversations").getJsonObject(0)
                            .getJsonArray("messages").getValuesAs(JsonObject.class);
                    assertEquals(List.of("Hello:-", "Read this:read", "And this:delivered"),
                            lines.stream().map(l -> l.getString("text") + ":" + l.getString("receipt", "-")).toList());
                }
            }
        }
    }

    @Test
    void aReceiptForNoSuchMessageOrConversationIsRefusedWithItsReference() {
        var member = Accounts.sharingMember(base, "strict", "Strict Member");
        try (Socket console = client(member)) {
            console.next("welcome");
            try (Socket visitor = identified(member, newAddress(), "Tester")) {
                sendLive(visitor, List.of("Hi"));
                String conversation = console.next("conversation.started").getJsonObject("conversation").getString("id");
                console.send(received(conversation, 7, false).add("id", "beyond"));
                assertError(console.answer("beyond"), "invalid");
                console.send(Socket.frame("received").add("id", "flag").add("conversation", conversation)
                        .add("seq", 1).add("read", "yes"));
                assertError(console.answer("flag"), "invalid");
                console.send(received("no-such-conversation", 1, false).add("id", "nowhere"));
                assertError(console.answer("nowhere"), "not_found");
                // the visitor's side too: found by attacking from outside, it answered no such receipt at all
                for (int seq : new int[] {0, 5000}) {
                    visitor.send(Socket.frame("received").add("id", "v" + seq).add("seq", seq));
                    assertError(visitor.answer("v" + seq), "invalid");
                }
            }
        }
    }

    private static jakarta.json.JsonObjectBuilder received(String conversation, int seq, boolean read) {
        return Socket.frame("received").add("conversation", conversation).add("seq", seq).add("read", read);
    }

    private static void assertReceipt(JsonObject receipt, int seq, String state) {
        assertEquals(seq, receipt.getInt("seq"), receipt.toString());
        assertEquals(state, receipt.getString("state"), receipt.toString());
    }

    private static void assertError(JsonObject answer, String code) {
        assertEquals("error", answer.getString("type"), answer.toString());
        assertEquals(code, answer.getString("code"), answer.toString());
    }

    // ---- no lost registration ---------------------------------------------------------------------

    private record Acked(String text, long at, boolean queued) {
    }

    /**
     * Three visitors post steadily while three member clients keep connecting and leaving, so the
     * member's last client often leaves just as another connects. Every client must get everything
     * acknowledged during its life; at the end every acknowledged message was confirmed by a client
     * or is an offline message, and none is both.
     */
    @Test
    void membersClientsComingAndGoingWhileVisitorsPostMissNothing() throws Exception {
        var member = Accounts.sharingMember(base, "churn", "Churning Member");
        Map<String, Acked> acked = new ConcurrentHashMap<>();
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch firstClient = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            work.add(threads.submit(() -> {
                while (running.get()) {
                    churnOnce(member, acked, confirmed, failures, firstClient);
                }
                return null;
            }));
        }
        assertTrue(firstClient.await(20, TimeUnit.SECONDS), "a member client connected");
        List<Socket> visitors = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            Socket visitor = identified(member, newAddress(), "Visitor " + v);
            visitors.add(visitor);
            String prefix = "v" + v + "-";
            work.add(threads.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    String text = prefix + n;
                    visitor.send(Socket.frame("message").add("id", text).add("text", text));
                    JsonObject answer = visitor.answer(text);
                    if ("ack".equals(answer.getString("type"))) {
                        acked.put(text, new Acked(text, System.nanoTime(), answer.getBoolean("queued", false)));
                    }
                    // 4 a second: within the shipped 5 a second, so every refusal here would be a defect
                    Thread.sleep(250);
                }
                return null;
            }));
        }
        Thread.sleep(Duration.ofSeconds(8).toMillis()); // the length of the run: posting and churning go on meanwhile
        running.set(false);
        for (Future<?> done : work) {
            done.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertEquals(List.of(), failures);
        assertTrue(acked.size() >= 60, "the visitors posted throughout: " + acked.size());

        Set<String> offline = new HashSet<>();
        try (Socket last = client(member)) {
            JsonObject welcome = last.next("welcome");
            offline.addAll(offlineTexts(welcome));
            for (JsonObject conversation : welcome.getJsonArray("conversations").getValuesAs(JsonObject.class)) {
                String id = conversation.getString("id");
                last.send(Socket.frame("conversation.close").add("id", id).add("conversation", id));
                last.ack(id);
            }
        }
        visitors.forEach(Socket::close);
        try (Socket after = client(member)) {
            offline.addAll(offlineTexts(after.next("welcome")));
        }
        List<String> missing = acked.keySet().stream().filter(t -> !confirmed.contains(t) && !offline.contains(t))
                .sorted().toList();
        assertEquals(List.of(), missing, "acknowledged, yet neither confirmed by a client nor an offline message");
        List<String> twice = confirmed.stream().filter(offline::contains).sorted().toList();
        assertEquals(List.of(), twice, "confirmed by a client and an offline message as well");
        acked.values().stream().filter(Acked::queued).forEach(a ->
                assertTrue(offline.contains(a.text()), "stored at once: " + a.text()));
    }

    /**
     * One member client's life: connect, take the welcome, confirm what it shows and what comes,
     * stay a moment, and before leaving check it got every message acknowledged while it was there.
     */
    private void churnOnce(Accounts.SharingMember member, Map<String, Acked> acked, Set<String> confirmed,
                           List<String> failures, CountDownLatch firstClient) {
        Set<String> got = new HashSet<>();
        try (Socket client = client(member)) {
            JsonObject welcome = client.next("welcome");
            // a message acknowledged before the welcome arrived may have been fanned out just before this
            // client registered; the welcome then holds it — unless it was stored offline in between, which
            // a margin of 100 ms rules out
            long from = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            firstClient.countDown();
            for (JsonObject conversation : welcome.getJsonArray("conversations").getValuesAs(JsonObject.class)) {
                for (JsonObject message : conversation.getJsonArray("messages").getValuesAs(JsonObject.class)) {
                    confirm(client, conversation.getString("id"), message, got, confirmed);
                }
            }
            long stay = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(150 + ThreadLocalRandom.current().nextInt(250));
            while (System.nanoTime() < stay) {
                take(client, Duration.ofNanos(Math.max(1, stay - System.nanoTime())), got, confirmed);
            }
            long until = System.nanoTime();
            Set<String> due = new HashSet<>();
            acked.values().stream().filter(a -> !a.queued() && a.at() > from && a.at() < until)
                    .forEach(a -> due.add(a.text()));
            long deadline = System.nanoTime() + Socket.WAIT.toNanos();
            while (!got.containsAll(due) && System.nanoTime() < deadline) {
                take(client, Duration.ofMillis(100), got, confirmed);
            }
            if (!got.containsAll(due)) {
                Set<String> lost = new HashSet<>(due);
                lost.removeAll(got);
                failures.add("a member client missed " + lost + " acknowledged while it was connected");
            }
        } catch (RuntimeException | AssertionError e) {
            failures.add("a member client failed: " + e);
        }
    }

    private static void take(Socket client, Duration wait, Set<String> got, Set<String> confirmed) {
        JsonObject frame = client.poll(wait);
        if (frame != null && "message".equals(frame.getString("type"))) {
            confirm(client, frame.getString("conversation"), frame, got, confirmed);
        }
    }

    /** As the console does: every visitor message it shows is confirmed. */
    private static void confirm(Socket client, String conversation, JsonObject message, Set<String> got,
                                Set<String> confirmed) {
        if (!"visitor".equals(message.getString("from"))) {
            return;
        }
        client.send(Socket.frame("received").add("conversation", conversation).add("seq", message.getInt("seq")));
        got.add(message.getString("text"));
        confirmed.add(message.getString("text"));
    }

    // ---- limits hold across sockets ---------------------------------------------------------------

    @Test
    void aResumeOnANewSocketContinuesTheSameMessageAllowance() {
        var member = Accounts.sharingMember(base, "patient", "Patient Member");
        String address = newAddress();
        try (Socket console = client(member)) {
            console.next("welcome");
            long start = System.nanoTime();
            int accepted = 0;
            String token;
            try (Socket first = visitor(member, address)) {
                token = first.next("hello").getString("resume");
                first.send(Socket.frame("identify").add("name", "Flood"));
                for (int i = 0; i < 15; i++) {
                    first.send(Socket.frame("message").add("id", "a" + i).add("text", "first socket " + i));
                }
                for (int i = 0; i < 15; i++) {
                    accepted += "ack".equals(first.answer("a" + i).getString("type")) ? 1 : 0;
                }
                first.drop();
            }
            boolean limited = false;
            try (Socket second = visitor(member, address)) {
                second.next("hello");
                second.send(Socket.frame("resume").add("id", "r").add("token", token).add("lastSeq", 0));
                second.ack("r");
                for (int i = 0; i < 25; i++) {
                    second.send(Socket.frame("message").add("id", "b" + i).add("text", "second socket " + i));
                }
                for (int i = 0; i < 25; i++) {
                    JsonObject answer = second.answer("b" + i);
                    if ("ack".equals(answer.getString("type"))) {
                        accepted++;
                    } else {
                        assertEquals("rate_limited", answer.getString("code"), answer.toString());
                        limited = true;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(limited, "the new socket did not bring a fresh burst");
            assertTrue(accepted <= 20 + 5 * seconds + 1, accepted + " messages accepted in " + seconds
                    + " s: more than the burst of 20 and 5 a second");
        }
    }

    /**
     * Four conversations from one address, each within its own burst of 20: together they may not
     * pass the address's burst of 40 (and 10 a second), while a visitor elsewhere is still served.
     */
    @Test
    void conversationsFromOneAddressShareOneMessageAllowance() {
        var member = Accounts.sharingMember(base, "tabs", "Many Tabs");
        String address = newAddress();
        List<Socket> tabs = new ArrayList<>();
        try (Socket console = client(member)) {
            console.next("welcome");
            for (int t = 0; t < 4; t++) {
                tabs.add(identified(member, address, "Tab " + t));
            }
            long start = System.nanoTime();
            for (int t = 0; t < tabs.size(); t++) {
                for (int i = 0; i < 20; i++) {
                    tabs.get(t).send(Socket.frame("message").add("id", "t" + t + "-" + i).add("text", "tab " + t + " says " + i));
                }
            }
            int accepted = 0;
            int limited = 0;
            for (int t = 0; t < tabs.size(); t++) {
                for (int i = 0; i < 20; i++) {
                    JsonObject answer = tabs.get(t).answer("t" + t + "-" + i);
                    if ("ack".equals(answer.getString("type"))) {
                        accepted++;
                    } else {
                        assertError(answer, "rate_limited");
                        assertTrue(answer.getInt("retryAfter") >= 1, answer.toString());
                        limited++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(limited > 0, "80 messages from one address in " + seconds + " s, all accepted");
            assertTrue(accepted <= 40 + 10 * seconds + 1, accepted + " messages accepted from one address in " + seconds
                    + " s: more than its burst of 40 and 10 a second");

            try (Socket neighbour = identified(member, newAddress(), "Neighbour")) {
                neighbour.send(Socket.frame("message").add("id", "n").add("text", "My own allowance"));
                assertFalse(neighbour.ack("n").containsKey("queued"), "another address is served as usual");
            }
        } finally {
            tabs.forEach(Socket::close);
        }
    }

    @Test
    void aSixthConversationWithinSixtySecondsIsRefusedAndEachForwardedAddressCountsOnItsOwn() throws Exception {
        var member = Accounts.sharingMember(base, "sought", "Sought After");
        String busy = newAddress();
        long first = System.nanoTime();
        for (int i = 1; i <= 5; i++) {
            assertEquals("ack", startConversation(member, busy, i).getString("type"), "conversation " + i);
        }
        JsonObject sixth = startConversation(member, busy, 6);
        assertError(sixth, "rate_limited");
        assertTrue(sixth.getInt("retryAfter") >= 55, "the first of the five leaves the window a minute after it started: " + sixth);

        String neighbour = newAddress();
        for (int i = 1; i <= 5; i++) {
            assertEquals("ack", startConversation(member, neighbour, i).getString("type"),
                    "another address behind the same proxy has its own five: " + i);
        }

        // a token bucket of five a minute would let one more through 12 s after the first
        long waitUntil = first + TimeUnit.SECONDS.toNanos(13);
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(waitUntil - System.nanoTime())));
        JsonObject later = startConversation(member, busy, 7);
        assertError(later, "rate_limited");
        long sinceFirst = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - first);
        assertTrue(Math.abs(later.getInt("retryAfter") - (60 - sinceFirst)) <= 3,
                "room again a minute after the first, " + sinceFirst + " s ago: " + later);
    }

    private JsonObject startConversation(Accounts.SharingMember member, String address, int i) {
        try (Socket visitor = identified(member, address, "Visitor " + i)) {
            visitor.send(Socket.frame("message").add("id", "m").add("text", "Hello from " + i));
            return visitor.answer("m");
        }
    }

    @Test
    void typingIdentifyAndResumeFloodsAreRateLimited() {
        var member = Accounts.sharingMember(base, "calm", "Calm Member");
        try (Socket typist = identified(member, newAddress(), "Typist")) {
            typist.send(Socket.frame("message").add("id", "m").add("text", "Hello"));
            typist.answer("m");
            for (int i = 0; i < 60; i++) {
                typist.send(Socket.frame("typing").add("id", "t" + i).add("state", i % 2 == 0 ? "active" : "paused"));
            }
            assertError(typist.next("error"), "rate_limited");
            assertTrue(typist.isOpen(), "a limit is no reason to close");
        }
        try (Socket renamer = visitor(member, newAddress())) {
            renamer.next("hello");
            for (int i = 0; i < 60; i++) {
                renamer.send(Socket.frame("identify").add("id", "n" + i).add("name", "Name " + i));
            }
            assertError(renamer.next("error"), "rate_limited");
        }
        try (Socket guesser = visitor(member, newAddress())) {
            guesser.next("hello");
            for (int i = 0; i < 60; i++) {
                guesser.send(Socket.frame("resume").add("id", "r" + i).add("token", "guess-" + i).add("lastSeq", 0));
            }
            assertError(guesser.next("error", f -> !"not_found".equals(f.getString("code"))), "rate_limited");
        }
    }

    @Test
    void anAddressHoldsAtMostFiftyVisitorSocketsOpen() {
        var member = Accounts.sharingMember(base, "crowded", "Crowded Member");
        String address = newAddress();
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket visitor = visitor(member, address);
                open.add(visitor);
                visitor.next("hello");
            }
            try (Socket oneTooMany = visitor(member, address)) {
                assertError(oneTooMany.next("error"), "rate_limited");
                assertEquals(1013, oneTooMany.closeCode(), "try again later");
            }
            try (Socket elsewhere = visitor(member, newAddress())) {
                assertEquals("Crowded Member", elsewhere.next("hello").getJsonObject("invitee").getString("displayName"));
            }
            open.remove(0).close();
            long deadline = System.nanoTime() + Socket.WAIT.toNanos();
            boolean admitted = false;
            while (!admitted && System.nanoTime() < deadline) {
                try (Socket again = visitor(member, address)) {
                    JsonObject first = again.poll(Socket.WAIT);
                    admitted = first != null && "hello".equals(first.getString("type"));
                }
            }
            assertTrue(admitted, "once one closed, the address may open another");
        } finally {
            open.forEach(Socket::close);
        }
    }

    private Socket directoryPage(String address) {
        return Socket.open(uri(), "/ws/presence", null, Map.of("Origin", Socket.origin(uri()), "X-Forwarded-For", address));
    }

    @Test
    void anAddressHoldsAtMostFiftyDirectoryPageSocketsOpen() {
        String address = newAddress();
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket page = directoryPage(address);
                open.add(page);
                page.next("ready");
            }
            try (Socket oneTooMany = directoryPage(address)) {
                JsonObject refused = oneTooMany.next("error");
                assertError(refused, "rate_limited");
                assertTrue(refused.getInt("retryAfter") >= 1, refused.toString());
                assertEquals(1013, oneTooMany.closeCode(), "try again later");
            }
            try (Socket elsewhere = directoryPage(newAddress())) {
                elsewhere.next("ready");
            }
            // the directory pages' sockets are counted apart from the chats: the address may still chat
            var member = Accounts.sharingMember(base, "listed", "Listed Member");
            try (Socket visitor = visitor(member, address)) {
                assertEquals("Listed Member", visitor.next("hello").getJsonObject("invitee").getString("displayName"));
            }
            open.remove(0).close();
            long deadline = System.nanoTime() + Socket.WAIT.toNanos();
            boolean admitted = false;
            while (!admitted && System.nanoTime() < deadline) {
                try (Socket again = directoryPage(address)) {
                    JsonObject first = again.poll(Socket.WAIT);
                    admitted = first != null && "ready".equals(first.getString("type"));
                }
            }
            assertTrue(admitted, "once one closed, the address may open another");
        } finally {
            open.forEach(Socket::close);
        }
    }

    /** Sixty watches spread over two pages of one address: beyond the address's burst of 50 they are refused. */
    @Test
    void watchFramesFromOneAddressAreRateLimitedAcrossItsSockets() {
        var member = Accounts.sharingMember(base, "watched", "Watched Member");
        String address = newAddress();
        try (Socket left = directoryPage(address); Socket right = directoryPage(address)) {
            left.next("ready");
            right.next("ready");
            List<Socket> pages = List.of(left, right);
            for (int i = 0; i < 60; i++) {
                pages.get(i % 2).send(Socket.frame("watch").add("id", "w" + i).add("ids", Json.createArrayBuilder().add(member.cid())));
            }
            int refused = 0;
            for (int i = 0; i < 60; i++) {
                JsonObject answer = pages.get(i % 2).answer("w" + i);
                if ("error".equals(answer.getString("type"))) {
                    assertError(answer, "rate_limited");
                    assertTrue(answer.getInt("retryAfter") >= 1, answer.toString());
                    refused++;
                }
            }
            assertTrue(refused > 0, "60 watches at once from one address, none refused");
            assertTrue(left.isOpen() && right.isOpen(), "a limit is no reason to close");
        }
        try (Socket elsewhere = directoryPage(newAddress())) {
            elsewhere.next("ready");
            elsewhere.send(Socket.frame("watch").add("id", "w").add("ids", Json.createArrayBuilder().add(member.cid())));
            JsonObject presence = elsewhere.next("presence");
            assertTrue(presence.getBoolean("found"), "another address watches as usual: " + presence);
            elsewhere.ack("w");
        }
    }

    @Test
    void aMemberWithTooManyUnreadOfflineMessagesTakesNoMoreUntilTheyReadSome() {
        var member = Accounts.sharingMember(base, "away", "Away Member");
        int left = 0;
        for (int v = 0; left < OFFLINE_LIMIT; v++) {
            try (Socket visitor = identified(member, newAddress(), "Visitor " + v)) {
                for (int i = 0; i < 20 && left < OFFLINE_LIMIT; i++, left++) {
                    visitor.send(Socket.frame("message").add("id", "m" + i).add("text", "Message " + left));
                    assertTrue(visitor.ack("m" + i).getBoolean("queued"));
                }
            }
        }
        try (Socket late = identified(member, newAddress(), "Late")) {
            late.send(Socket.frame("message").add("id", "full").add("text", "One more"));
            JsonObject refused = late.answer("full");
            assertError(refused, "rate_limited");
            assertEquals("full", refused.getString("ref"));
            assertTrue(refused.getString("message").contains("mailbox is full"), refused.toString());
            assertTrue(refused.getInt("retryAfter") >= 60, "the mailbox empties only when the member reads: " + refused);

            try (Socket console = client(member)) {
                JsonObject welcome = console.next("welcome");
                assertEquals(OFFLINE_LIMIT, welcome.getJsonArray("offline").size());
                String oldest = welcome.getJsonArray("offline").getJsonObject(0).getString("id");
                console.send(Socket.frame("offline.read").add("id", "read").add("ids", Json.createArrayBuilder().add(oldest)));
                console.ack("read");
            }
            late.next("presence", f -> "Offline".equals(f.getString("status")));
            late.send(Socket.frame("message").add("id", "room").add("text", "Now there is room"));
            assertTrue(late.ack("room").getBoolean("queued"));
        }
    }

    /**
     * Visitors at a dozen addresses leave messages for an offline member at the same moment, when
     * there is room for only a few more: the member never holds more than the cap, and every message
     * beyond it is refused as the mailbox being full.
     */
    @Test
    void visitorsLeavingMessagesAtOnceNeverTakeAMemberBeyondTheCap() throws Exception {
        var member = Accounts.sharingMember(base, "swamped", "Swamped Member");
        int room = 4;
        List<Socket> visitors = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            int left = 0;
            for (int v = 0; v < 12; v++) {
                visitors.add(identified(member, newAddress(), "Visitor " + v));
            }
            for (int n = 0; left < OFFLINE_LIMIT - room; n++) {
                Socket visitor = visitors.get(n % visitors.size());
                visitor.send(Socket.frame("message").add("id", "fill" + n).add("text", "Before " + n));
                assertTrue(visitor.ack("fill" + n).getBoolean("queued"));
                left++;
            }
            CountDownLatch ready = new CountDownLatch(visitors.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<JsonObject>>> answers = new ArrayList<>();
            for (Socket visitor : visitors) {
                answers.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < 3; i++) {
                        visitor.send(Socket.frame("message").add("id", "race" + i).add("text", "At once " + i));
                    }
                    List<JsonObject> got = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        got.add(visitor.answer("race" + i));
                    }
                    return got;
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            int acked = 0;
            List<JsonObject> refusals = new ArrayList<>();
            for (Future<List<JsonObject>> answer : answers) {
                for (JsonObject frame : answer.get(30, TimeUnit.SECONDS)) {
                    if ("ack".equals(frame.getString("type"))) {
                        acked++;
                    } else {
                        refusals.add(frame);
                    }
                }
            }
            try (Socket console = client(member)) {
                int stored = console.next("welcome").getJsonArray("offline").size();
                assertEquals(OFFLINE_LIMIT, stored, "unread offline messages after " + acked + " more were acknowledged");
            }
            assertEquals(room, acked, "only what fitted was acknowledged");
            refusals.forEach(r -> assertError(r, "rate_limited"));
        } finally {
            threads.shutdownNow();
            visitors.forEach(Socket::close);
        }
    }
}
