package org.parley.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.desktop.protocol.ServerFrames;

/**
 * The text mode against a real Parley: it signs in with the device grant (the member approves the
 * code on /device), answers a visitor, keeps what was typed through a network drop and a graceful server
 * restart (which keeps the conversation), writes to a colleague as a verified visitor, and says "signed out" and
 * exits when its sign-in is revoked.
 */
@ExtendWith(LocalParley.Shared.class)
class TextModeIT {

    @TempDir
    Path config;

    @Test
    void signsInWithTheDeviceCodeAndAnswersAVisitorWithReceipts(LocalParley parley) throws IOException {
        MemberPages member = MemberPages.newMember(parley.base(), "Ada Lovelace");
        try (TextClient client = TextClient.signedIn(parley.base(), config, member);
             VisitorSocket visitor = VisitorSocket.named(parley.base(), member.cid(), "Bob")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve("credentials.json"))));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
            assertFalse(Files.readString(config.resolve("credentials.json")).contains("access_token"), "only the refresh token is kept");

            long seq = visitor.say("<b>Hello</b> from the intranet").getJsonNumber("seq").longValue();
            JsonObject started = client.awaitEvent("conversation", e -> true);
            assertEquals("Bob", started.getJsonObject("visitor").getString("name"));
            client.awaitEvent("message", e -> e.getString("text").equals("<b>Hello</b> from the intranet")
                    && e.getString("from").equals("visitor"));
            visitor.awaitReceipt(seq, "delivered");

            client.command("/reply " + started.getInt("n") + " Hi Bob, how can I help?");
            JsonObject sent = client.awaitEvent("delivery", e -> e.getString("text").equals("Hi Bob, how can I help?"));
            assertEquals("sent", sent.getString("delivery"));
            visitor.awaitReceipt(seq, "read"); // answering a conversation reads it, so the receipt comes before the answer
            JsonObject answer = visitor.awaitMessage("Hi Bob, how can I help?");
            assertEquals("invitee", answer.getString("from"));
            visitor.send("{\"type\":\"received\",\"seq\":" + answer.getInt("seq") + ",\"read\":false}");
            client.awaitEvent("delivery", e -> e.getString("text").equals("Hi Bob, how can I help?")
                    && e.getString("delivery").equals("delivered"));
            visitor.send("{\"type\":\"received\",\"seq\":" + answer.getInt("seq") + ",\"read\":true}");
            client.awaitEvent("delivery", e -> e.getString("text").equals("Hi Bob, how can I help?")
                    && e.getString("delivery").equals("read"));

            visitor.send("{\"type\":\"typing\",\"state\":\"active\"}");
            client.awaitEvent("typing", e -> e.getInt("n") == started.getInt("n"));

            client.command("/close " + started.getInt("n"));
            client.awaitEvent("ended", e -> e.getString("reason").equals("closed"));
            visitor.await(f -> f.getString("type").equals("ended"), "ended");
            client.command("/quit");
            assertEquals(0, client.exit());
        }
    }

    @Test
    void nothingAckedOrTypedIsLostThroughANetworkDropAndAServerRestart(LocalParley parley) {
        MemberPages member = MemberPages.newMember(parley.base(), "Grace Hopper");
        String cid = member.cid();
        try (CuttableLink network = new CuttableLink(parley.base());
             TextClient client = TextClient.signedIn(network.base(), config, member);
             VisitorSocket visitor = VisitorSocket.named(parley.base(), cid, "Carol")) {
            client.command("/status Busy In a meeting");
            client.awaitEvent("presence", e -> e.getString("status").equals("Busy"));
            visitor.say("Are you there?");
            int n = client.awaitEvent("conversation", e -> true).getInt("n");
            client.command("/reply " + n + " Yes, one moment");
            client.awaitEvent("delivery", e -> e.getString("text").equals("Yes, one moment") && e.getString("delivery").equals("sent"));
            visitor.awaitMessage("Yes, one moment");

            network.cut();
            client.awaitEvent("state", e -> e.getString("state").equals("reconnecting"));
            client.command("/reply " + n + " Typed while the network was down");
            assertEquals("sending", client.awaitEvent("message", e -> e.getString("text").equals("Typed while the network was down"))
                    .getString("delivery"));
            network.mend();
            client.awaitEvent("delivery", e -> e.getString("text").equals("Typed while the network was down")
                    && e.getString("delivery").equals("sent"));
            visitor.awaitMessage("Typed while the network was down");

            parley.stop();
            client.awaitEvent("state", e -> e.getString("state").equals("reconnecting"));
            client.command("/reply " + n + " Typed while Parley restarted");
            client.awaitEvent("message", e -> e.getString("text").equals("Typed while Parley restarted"));
            parley.boot();
            client.awaitEvent("signed_in", e -> true);
            client.awaitEvent("presence", e -> e.getString("status").equals("Busy")
                    && "In a meeting".equals(e.getString("personalMessage", null)));
            assertEquals("Busy", presenceOf(parley.base(), cid), "the status was restored after the restart");
            // a graceful restart keeps the conversation: what was typed meanwhile goes, and the visitor resumes and gets it
            client.awaitEvent("delivery", e -> e.getString("text").equals("Typed while Parley restarted")
                    && e.getString("delivery").equals("sent"));
            try (VisitorSocket back = visitor.resumed(parley.base())) {
                back.awaitMessage("Typed while Parley restarted");
                back.say("Got it, thanks");
                client.awaitEvent("message", e -> e.getString("text").equals("Got it, thanks") && e.getInt("n") == n);
            }

            client.command("/show " + n);
            JsonObject transcript = client.awaitEvent("transcript", e -> e.getInt("n") == n);
            assertFalse(transcript.containsKey("ended"), "the conversation goes on: " + transcript);
            List<String> lines = transcript.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                    .map(l -> l.getString("text") + " (" + l.getString("delivery") + ")").toList();
            assertEquals(List.of("Are you there? (read)", "Yes, one moment (sent)", "Typed while the network was down (sent)",
                    "Typed while Parley restarted (sent)", "Got it, thanks (delivered)"), lines, "nothing typed or acked is lost");

            try (VisitorSocket again = VisitorSocket.named(parley.base(), cid, "Carol")) {
                again.say("Hello again after the restart");
                int second = client.awaitEvent("conversation", e -> true).getInt("n");
                client.command("/reply " + second + " Welcome back");
                again.awaitMessage("Welcome back");
            }
            client.command("/quit");
            assertEquals(0, client.exit());
        }
    }

    @Test
    void aRevokedSignInSaysSignedOutAndExits(LocalParley parley) throws IOException, InterruptedException {
        MemberPages member = MemberPages.newMember(parley.base(), "Alan Turing");
        try (TextClient client = TextClient.signedIn(parley.base(), config, member)) {
            String refreshToken;
            try (var reader = ServerFrames.JSON.createReader(Files.newBufferedReader(config.resolve("credentials.json")))) {
                refreshToken = reader.readObject().getString("refresh_token");
            }
            HttpResponse<String> revoked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(parley.base().resolve("oauth/revoke"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_id=parley-desktop&token=" + refreshToken)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, revoked.statusCode(), revoked.body());

            JsonObject signedOut = client.awaitEvent("signed_out", e -> true);
            assertTrue(signedOut.getString("sentence").startsWith("You were signed out: Parley no longer accepts this sign-in"),
                    signedOut.toString());
            assertEquals(2, client.exit());
            assertTrue(client.errors().stream().anyMatch(l -> l.startsWith("You were signed out:")), client.errors().toString());
            assertTrue(client.errors().stream().noneMatch(l -> l.contains("Exception") || l.contains("\tat ")), "no stack trace");
            assertFalse(Files.exists(config.resolve("credentials.json")), "a sign-in that can never work again is not kept");
        }
    }

    @Test
    void listsColleaguesWhoShareTheirPresenceWithTheirLiveStatus(LocalParley parley, @TempDir Path colleagueConfig) {
        MemberPages member = MemberPages.newMember(parley.base(), "Hedy Lamarr");
        MemberPages colleague = MemberPages.newMember(parley.base(), "Zelda Contactable");
        String colleagueCid = colleague.cid();
        try (TextClient client = TextClient.signedIn(parley.base(), config, member)) {
            client.awaitEvent("contacts", e -> e.getJsonArray("contacts").getValuesAs(JsonObject.class).stream()
                    .anyMatch(c -> c.getString("cid").equals(colleagueCid))); // the list came with the welcome
            client.command("/contacts zelda contactable");
            JsonObject listed = client.awaitEvent("contacts", e -> e.getJsonArray("contacts").size() == 1);
            JsonObject zelda = listed.getJsonArray("contacts").getJsonObject(0);
            assertEquals(colleagueCid, zelda.getString("cid"));
            assertEquals("Offline", zelda.getString("status"));

            try (TextClient other = TextClient.signedIn(parley.base(), colleagueConfig, colleague)) {
                other.command("/status OutToLunch Back at two");
                client.awaitEvent("contacts", e -> e.getJsonArray("contacts").getValuesAs(JsonObject.class).stream()
                        .anyMatch(c -> c.getString("cid").equals(colleagueCid) && c.getString("status").equals("OutToLunch")
                                && "Back at two".equals(c.getString("personalMessage", null))));
                other.command("/quit");
                assertEquals(0, other.exit());
            }
        }
    }

    @Test
    void aMemberWritesToAColleagueAsAVerifiedVisitorAndTheColleagueAnswers(LocalParley parley, @TempDir Path colleagueConfig) {
        MemberPages member = MemberPages.newMember(parley.base(), "Katherine Johnson");
        MemberPages colleague = MemberPages.newMember(parley.base(), "Dorothy Vaughan");
        String memberCid = member.cid();
        String colleagueCid = colleague.cid();
        try (TextClient dorothy = TextClient.signedIn(parley.base(), colleagueConfig, colleague);
             TextClient katherine = TextClient.signedIn(parley.base(), config, member)) {
            String username = katherine.awaitEvent("contacts", e -> true).getJsonArray("contacts").getValuesAs(JsonObject.class)
                    .stream().filter(c -> c.getString("cid").equals(colleagueCid)).findFirst().orElseThrow().getString("username");
            katherine.command("/chat " + username + " Lunch at noon?");
            JsonObject mine = katherine.awaitEvent("conversation", e -> e.getBoolean("outgoing", false));
            assertEquals("Dorothy Vaughan", mine.getJsonObject("contact").getString("name"));
            katherine.awaitEvent("delivery", e -> e.getString("text").equals("Lunch at noon?") && e.getString("delivery").equals("sent"));

            JsonObject theirs = dorothy.awaitEvent("conversation", e -> true);
            JsonObject visitor = theirs.getJsonObject("visitor");
            assertTrue(visitor.getBoolean("verified"), visitor.toString());
            assertEquals("Katherine Johnson", visitor.getString("name"));
            assertEquals(memberCid, visitor.getString("cid"), "the colleague sees who writes, by their own identity");
            dorothy.awaitEvent("message", e -> e.getString("text").equals("Lunch at noon?") && e.getString("from").equals("visitor"));
            katherine.awaitEvent("delivery", e -> e.getString("text").equals("Lunch at noon?") && e.getString("delivery").equals("delivered"));

            dorothy.command("/reply " + theirs.getInt("n") + " Yes, see you there");
            katherine.awaitEvent("delivery", e -> e.getString("text").equals("Lunch at noon?") && e.getString("delivery").equals("read"));
            katherine.awaitEvent("message", e -> e.getString("text").equals("Yes, see you there") && e.getString("from").equals("contact"));
            dorothy.awaitEvent("delivery", e -> e.getString("text").equals("Yes, see you there")
                    && e.getString("delivery").equals("delivered"));

            katherine.command("/reply " + mine.getInt("n") + " Great");
            dorothy.awaitEvent("message", e -> e.getString("text").equals("Great"));
            katherine.command("/close " + mine.getInt("n"));
            katherine.awaitEvent("ended", e -> e.getInt("n") == mine.getInt("n"));
            katherine.command("/chat nobody-by-that-name Hello?");
            assertEquals("No colleague with the username nobody-by-that-name shares their presence; /contacts lists them.",
                    katherine.awaitEvent("notice", e -> e.getString("sentence").contains("nobody-by-that-name")).getString("sentence"));
            katherine.command("/quit");
            dorothy.command("/quit");
            assertEquals(0, katherine.exit());
            assertEquals(0, dorothy.exit());
        }
    }

    @Test
    void badAddressesAndAnUnreadableSignInEachGetOneSentence(LocalParley parley) throws IOException {
        try (TextClient nowhere = TextClient.start(URI.create("http://127.0.0.1:9/"), config)) {
            assertEquals(2, nowhere.exit());
            assertEquals(List.of("Sign-in failed: nothing answers at http://127.0.0.1:9/; check the address and that Parley is "
                    + "running, then try again."), nowhere.errors());
        }
        try (TextClient wrongPage = TextClient.start(parley.base().resolve("people/"), config)) {
            assertEquals(2, wrongPage.exit());
            assertEquals(1, wrongPage.errors().size(), wrongPage.errors().toString());
            String said = wrongPage.errors().get(0);
            assertTrue(said.startsWith("Sign-in failed: " + parley.base().resolve("people/") + " answered /people/oauth/device with ")
                    && said.contains(" where Parley answers JSON") && said.endsWith("check the server address."), said);
        }
        Files.writeString(config.resolve("credentials.json"), "{not json");
        try (TextClient unreadable = TextClient.start(parley.base(), config)) {
            unreadable.awaitEvent("device_code", e -> true); // the member can sign in again at once
            Waiting.until(java.time.Duration.ofSeconds(30), () -> !unreadable.errors().isEmpty(), () -> "nothing on stderr");
            assertEquals(List.of("The saved sign-in in " + config.resolve("credentials.json")
                    + " cannot be read; delete it and sign in again."), unreadable.errors());
        }
    }

    private static String presenceOf(URI base, String cid) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("users/" + cid + "/presence"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            try (var reader = ServerFrames.JSON.createReader(new java.io.StringReader(answer.body()))) {
                return reader.readObject().getString("status");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
