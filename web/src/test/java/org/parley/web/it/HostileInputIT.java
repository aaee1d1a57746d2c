package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile input — what a careless or malicious client can send — never silences anybody: the
 * frame that cannot be taken gets an {@code error}, the HTTP request that cannot be read gets a
 * 4xx answer in the endpoint's own format, and the conversation goes on.
 */
class HostileInputIT extends ParleyDeployment {

    /** What a browser's {@code JSON.stringify} sends for a string holding a lone high surrogate. */
    private static final String LONE_HIGH = "\\ud800";
    private static final String LONE_LOW = "\\udc00";
    private static final String REPLACEMENT = "\uFFFD";
    /**
     * How often each rule of a WebSocket's frames is broken the instant its socket opens: before the guard kept its close
     * frame the last one sent, the watchers' first frame followed it within the first twenty such sockets here (and in
     * about one of ninety in CI).
     */
    private static final int BREACH_ROUNDS = 40;

    private URI uri() {
        return URI.create(base.toString());
    }

    private Socket visitor(Accounts.SharingMember member) {
        Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + member.cid(), null);
        visitor.next("hello");
        return visitor;
    }

    private Socket console(Accounts.SharingMember member) {
        Socket console = Socket.open(uri(), "/ws/client", member.browser());
        console.next("welcome");
        return console;
    }

    private Socket presencePage() {
        Socket page = Socket.open(uri(), "/ws/presence", null);
        page.next("ready");
        return page;
    }

    /** The visitor introduces themselves and says hello; answers the conversation id the console saw start. */
    private static String startConversation(Socket visitor, Socket console) {
        visitor.send(Socket.frame("identify").add("id", "nick").add("name", "Charles"));
        visitor.ack("nick");
        visitor.send(Socket.frame("message").add("id", "hello").add("text", "Hello there"));
        visitor.ack("hello");
        String conversation = console.next("conversation.started").getJsonObject("conversation").getString("id");
        assertEquals("Hello there", console.next("message", f -> "visitor".equals(f.getString("from"))).getString("text"));
        return conversation;
    }

    /** One message each way arrives, so neither side was silenced. */
    private static void stillTalking(Socket visitor, Socket console, String conversation) {
        String question = "Still there? " + UUID.randomUUID();
        visitor.send(Socket.frame("message").add("id", "q-" + question).add("text", question));
        visitor.ack("q-" + question);
        assertEquals(question, console.next("message", f -> question.equals(f.getString("text"))).getString("text"));
        String answer = "Yes. " + UUID.randomUUID();
        console.send(Socket.frame("message").add("id", "a-" + answer).add("conversation", conversation).add("text", answer));
        console.ack("a-" + answer);
        assertEquals(answer, visitor.next("message", f -> answer.equals(f.getString("text"))).getString("text"));
    }

    @Test
    void aLoneSurrogateFromAVisitorIsReplacedAndTheConversationGoesOnBothWays() {
        var ada = Accounts.sharingMember(base, "lone", "Ada Lone");
        try (Socket console = console(ada); Socket visitor = visitor(ada)) {
            String conversation = startConversation(visitor, console);
            visitor.sendText("{\"type\":\"message\",\"id\":\"s1\",\"text\":\"" + LONE_HIGH + " broken\"}");
            assertEquals(2, visitor.ack("s1").getInt("seq"), "the visitor's message is taken");
            assertEquals(REPLACEMENT + " broken", console.next("message", f -> f.getInt("seq") == 2).getString("text"));
            stillTalking(visitor, console, conversation);

            try (Socket fresh = Socket.open(uri(), "/ws/client", ada.browser())) {
                JsonObject welcome = fresh.next("welcome");
                JsonObject open = welcome.getJsonArray("conversations").getJsonObject(0);
                assertEquals(conversation, open.getString("id"));
                assertEquals(REPLACEMENT + " broken", open.getJsonArray("messages").getJsonObject(1).getString("text"));
            }
        }
    }

    /** A message or a nickname of nothing visible is refused like an empty one, both ways, and the conversation goes on. */
    @Test
    void aMessageOrANicknameOfOnlyInvisibleCharactersIsRefusedInWords() {
        var ada = Accounts.sharingMember(base, "blank", "Ada Blank");
        try (Socket console = console(ada); Socket visitor = visitor(ada)) {
            visitor.send(Socket.frame("identify").add("id", "nobody").add("name", "\u3164\u200B\u3164"));
            JsonObject nobody = visitor.answer("nobody");
            assertEquals("invalid", nobody.getString("code"), nobody.toString());
            assertEquals("name: a nickname has 1 to 40 characters, not all of them invisible.", nobody.getString("message"));
            String conversation = startConversation(visitor, console);

            visitor.send(Socket.frame("message").add("id", "empty").add("text", "\u200B\u2060\uFEFF \u00AD"));
            JsonObject empty = visitor.answer("empty");
            assertEquals("invalid", empty.getString("code"), empty.toString());
            assertEquals("text: a message has 1 to 2000 characters, not all of them invisible.", empty.getString("message"));
            console.send(Socket.frame("message").add("id", "blank").add("conversation", conversation).add("text", "\u2800"));
            assertEquals("invalid", console.answer("blank").getString("code"), "the member's reply is held to it too");
            stillTalking(visitor, console, conversation);
        }
    }

    /** A form larger than the container reads is refused 413 in words, signed in or not, where a page answered 500. */
    @Test
    void aFormLargerThanTheContainerReadsIsRefused413InWords() {
        var ada = Accounts.sharingMember(base, "largeform", "Ada Large Form");
        String form = "a=" + "b".repeat(2_100_000);
        for (Browser browser : List.of(new Browser(base), ada.browser())) {
            for (String path : List.of("signin", "settings", "")) {
                // as a browser sends it: HTTP/1.1 (an upgrade to HTTP/2 with a body has its own bound of 1 MiB)
                HttpResponse<String> answer = browser.raw(HttpRequest.newBuilder(URI.create(base + path))
                        .version(java.net.http.HttpClient.Version.HTTP_1_1)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
                assertEquals(413, answer.statusCode(), "/" + path);
                assertEquals("The request is larger than Parley takes (2 MiB).\n", answer.body(), "/" + path);
            }
        }
        assertEquals("Ada Large Form", ada.browser().open("/settings").value("[id='settings:displayName']"), "still served");
    }

    /** A form that sends a choice its page did not offer is refused in Parley's words, not Faces' own, and saves nothing. */
    @Test
    void aForgedChoiceIsRefusedInParleysWordsAndNothingIsSaved() {
        var ada = Accounts.sharingMember(base, "forged", "Ada Forged");
        ada.browser().open("/settings");
        Browser.Page refused = ada.browser().submit("settings",
                Map.of("language", "zz-forged", "personalMessage", "not to be saved"), "save");
        assertEquals(200, refused.status());
        assertEquals("Choose one of the options this page offers.", refused.messages());
        assertFalse(refused.text().contains("Validation Error"), refused.text());
        assertFalse(refused.text().contains("settings:language"), "no field is named by its client id: " + refused.text());
        assertEquals("", ada.browser().open("/settings").value("[id='settings:personalMessage']"), "nothing was saved");
    }

    /**
     * A name and a personal message saved on the settings page reach others as plain text on one line, as a personal
     * message set from a client does: a bidi override, an isolate, a control character go (an override in a name turned
     * the text shown after it around); a name of nothing but such characters is refused on the page, and nothing is saved.
     */
    @Test
    void aNameAndPersonalMessageFromTheSettingsPageReachVisitorsAsPlainText() {
        var grace = Accounts.sharingMember(base, "bidiname", "Grace Bidi");
        grace.browser().open("/settings");
        Browser.Page saved = grace.browser().submit("settings", Map.of("displayName", "Grace\u202E Bidi\u0007",
                "personalMessage", "Out\u2066 today\u202C"), "save");
        assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());
        assertEquals("Grace Bidi", saved.value("#settings\\:displayName"));
        try (Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + grace.cid(), null)) {
            JsonObject hello = visitor.next("hello");
            assertEquals("Grace Bidi", hello.getJsonObject("invitee").getString("displayName"), hello.toString());
            assertFalse(hello.toString().matches("(?s).*[\\u202A-\\u202E\\u2066-\\u2069\\u0000-\\u001F].*"), hello.toString());
        }
        try (Socket fresh = Socket.open(uri(), "/ws/client", grace.browser())) {
            assertEquals("Out today", fresh.next("welcome").getJsonObject("presence").getString("personalMessage"));
        }

        grace.browser().open("/settings");
        Browser.Page refused = grace.browser().submit("settings", Map.of("displayName", "\u202E\u0007\u2069"), "save");
        assertTrue(refused.messages().contains("Enter a display name."), refused.status() + " " + refused.messages());
        assertEquals("Grace Bidi", grace.browser().open("/settings").value("#settings\\:displayName"), "nothing saved");
    }

    @Test
    void aLoneSurrogateInAMembersPersonalMessageReachesVisitorsAsCleanText() {
        var grace = Accounts.sharingMember(base, "lonepm", "Grace Lone");
        try (Socket console = console(grace); Socket visitor = visitor(grace)) {
            console.sendText("{\"type\":\"presence\",\"id\":\"p1\",\"status\":\"Busy\",\"personalMessage\":\"Out "
                    + LONE_LOW + " today\"}");
            console.ack("p1");
            JsonObject presence = visitor.next("presence", f -> "Busy".equals(f.getString("status")));
            assertEquals("Out " + REPLACEMENT + " today", presence.getString("personalMessage"));
            try (Socket fresh = Socket.open(uri(), "/ws/client", grace.browser())) {
                assertEquals("Out " + REPLACEMENT + " today",
                        fresh.next("welcome").getJsonObject("presence").getString("personalMessage"));
            }
            String conversation = startConversation(visitor, console);
            stillTalking(visitor, console, conversation);
        }
    }

    @Test
    void aLoneSurrogateInANicknameOrAnIdIsReplacedWhereverItIsEchoed() {
        var alan = Accounts.sharingMember(base, "lonenick", "Alan Lone");
        try (Socket console = console(alan); Socket visitor = visitor(alan)) {
            visitor.sendText("{\"type\":\"identify\",\"id\":\"n" + LONE_HIGH + "\",\"name\":\"Jo" + LONE_LOW + "an\"}");
            assertEquals("n" + REPLACEMENT, visitor.next("ack").getString("id"));
            visitor.sendText("{\"type\":\"nonsense" + LONE_HIGH + "\",\"id\":\"" + LONE_LOW + "\"}");
            JsonObject unknown = visitor.next("error");
            assertEquals("unknown_type", unknown.getString("code"));
            assertEquals(REPLACEMENT, unknown.getString("ref"));
            visitor.send(Socket.frame("message").add("id", "m").add("text", "Hi"));
            visitor.ack("m");
            JsonObject started = console.next("conversation.started");
            assertEquals("Jo" + REPLACEMENT + "an", started.getJsonObject("conversation").getJsonObject("visitor").getString("name"));
            stillTalking(visitor, console, started.getJsonObject("conversation").getString("id"));
        }
        try (Socket page = presencePage()) {
            page.sendText("{\"type\":\"watch\",\"id\":\"w\",\"ids\":[\"" + LONE_HIGH + "\"]}");
            JsonObject unknown = page.next("presence");
            assertEquals(REPLACEMENT, unknown.getString("id"));
            assertEquals(false, unknown.getBoolean("found"));
            page.ack("w");
        }
    }

    /** Nesting of a depth the parser would recurse through, of one it refuses, and both within 16 KiB. */
    private static List<String> deeplyNested() {
        return List.of("[".repeat(900) + "]".repeat(900),
                "{\"a\":".repeat(900) + "1" + "}".repeat(900),
                "[".repeat(8000) + "]".repeat(8000),
                "{\"type\":\"message\",\"id\":\"deep\",\"text\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "[".repeat(16000));
    }

    @Test
    void deeplyNestedJsonIsABadFrameOnEverySocketAndTheSocketsKeepWorking() {
        var edsger = Accounts.sharingMember(base, "nested", "Edsger Nested");
        try (Socket console = console(edsger); Socket visitor = visitor(edsger); Socket page = presencePage()) {
            String conversation = startConversation(visitor, console);
            for (String nested : deeplyNested()) {
                for (Socket socket : List.of(visitor, console, page)) {
                    socket.sendText(nested);
                    assertEquals("bad_frame", socket.next("error").getString("code"), nested.substring(0, 20));
                }
                stillTalking(visitor, console, conversation);
            }
            page.send(Socket.frame("watch").add("id", "w").add("ids", Json.createArrayBuilder().add("nobody")));
            page.ack("w");
        }
    }

    @Test
    void binaryFramesAreBadFramesOnEverySocketAndTenOfThemCloseIt() {
        var barbara = Accounts.sharingMember(base, "binary", "Barbara Binary");
        try (Socket console = console(barbara); Socket visitor = visitor(barbara); Socket page = presencePage()) {
            String conversation = startConversation(visitor, console);
            for (Socket socket : List.of(visitor, console, page)) {
                socket.sendBinary(new byte[] {1, 2, 3});
                JsonObject error = socket.next("error");
                assertEquals("bad_frame", error.getString("code"));
                assertTrue(socket.isOpen());
            }
            stillTalking(visitor, console, conversation);
            for (int i = 0; i < 9; i++) {
                page.sendBinary("{\"type\":\"watch\"}".getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(1008, page.closeCode(), "the tenth bad frame within 10 s closes the socket");
        }
    }

    @Test
    void wellFormedFramesRefusedAsForbiddenNeverCloseTheSocketButTenInvalidOnesDo() {
        var nora = Accounts.sharingMember(base, "forbidden", "Nora Forbidden");
        try (Socket console = console(nora); Socket visitor = visitor(nora)) {
            String conversation = startConversation(visitor, console);
            // the nickname stays once the conversation has started: a correct client can ask anyway, so it is no abuse
            for (int i = 0; i < 12; i++) {
                visitor.send(Socket.frame("identify").add("id", "rename" + i).add("name", "Someone " + i));
                JsonObject refused = visitor.next("error");
                assertEquals("forbidden", refused.getString("code"), refused.toString());
                assertEquals("rename" + i, refused.getString("ref"));
            }
            assertTrue(visitor.isOpen(), "12 forbidden frames within 10 s, and the socket is open");
            stillTalking(visitor, console, conversation);

            for (int i = 0; i < 10; i++) {
                visitor.send(Socket.frame("message").add("id", "empty" + i).add("text", " "));
            }
            assertEquals(1008, visitor.closeCode(), "ten invalid frames within 10 s close the socket");
        }
    }

    @Test
    void anOversizedFrameClosesOnlyItsOwnSocket() {
        var ken = Accounts.sharingMember(base, "oversized", "Ken Oversized");
        try (Socket console = console(ken); Socket visitor = visitor(ken)) {
            String conversation = startConversation(visitor, console);
            try (Socket other = visitor(ken)) {
                other.sendText("{\"type\":\"message\",\"text\":\"" + "x".repeat(17 * 1024) + "\"}");
                assertEquals(1009, other.closeCode());
            }
            stillTalking(visitor, console, conversation);
        }
    }

    @Test
    void aMessageSentInPartsIsTakenWholeAndClosesOnlyItsOwnSocketOnceItPasses16KiB() {
        var ken = Accounts.sharingMember(base, "inparts", "Ken Parts");
        try (Socket console = console(ken); Socket visitor = visitor(ken)) {
            String conversation = startConversation(visitor, console);
            // a frame in three parts is one frame
            String whole = Socket.frame("message").add("id", "parts").add("text", "Sent in parts").build().toString();
            visitor.sendPart(whole.substring(0, 10), false).sendPart(whole.substring(10, 30), false)
                    .sendPart(whole.substring(30), true);
            visitor.ack("parts");
            assertEquals("Sent in parts", console.next("message", f -> "Sent in parts".equals(f.getString("text")))
                    .getString("text"));
            // parts without an end: the container gathered them up to 2 GiB (a peer sending them without end filled the
            // heap); past 16 KiB, as a whole frame, the socket closes with 1009
            try (Socket other = visitor(ken)) {
                try {
                    for (int i = 0; i < 5 && other.isOpen(); i++) {
                        other.sendPart("x".repeat(4 * 1024), false);
                    }
                } catch (java.util.concurrent.CompletionException closedMeanwhile) {
                    // the server closed the socket while a part was on its way
                }
                assertEquals(1009, other.closeCode());
            }
            stillTalking(visitor, console, conversation);
        }
    }

    /** Form bodies the OAuth endpoints cannot read: no type, an unknown charset, bad escapes, JSON. */
    private static List<HttpRequest.Builder> unreadable(URI endpoint) {
        return List.of(
                HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token")),
                HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded; charset=bogus")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&token=x&client_id=parley-desktop")),
                HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=%zz&token=%&client_id=parley-desktop")),
                HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"refresh_token\"}")));
    }

    @Test
    void theTokenAndRevokeEndpointsAnswerUnreadableRequestsWithOAuthJson() {
        Browser http = new Browser(base);
        for (String path : List.of("oauth/token", "oauth/revoke", "oauth/device")) {
            for (HttpRequest.Builder request : unreadable(uri().resolve(path))) {
                HttpResponse<String> answer = http.raw(request.build());
                String what = path + " " + request.build().headers().map() + " -> " + answer.statusCode() + " " + answer.body();
                assertEquals(400, answer.statusCode(), what);
                assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse("").split(";")[0], what);
                assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null), what);
                JsonObject error = Json.createReader(new StringReader(answer.body())).readObject();
                assertEquals("invalid_request", error.getString("error"), what);
                assertTrue(!error.getString("error_description").isBlank(), what);
            }
        }
        HttpResponse<String> get = http.raw(HttpRequest.newBuilder(uri().resolve("oauth/token")).GET().build());
        assertTrue(get.statusCode() >= 400 && get.statusCode() < 500, get.statusCode() + " " + get.body());
        assertEquals("application/json", get.headers().firstValue("Content-Type").orElse("").split(";")[0], get.body());
    }

    private static HttpResponse<String> postSignIn(Browser browser, URI uri, String viewState) {
        return browser.raw(HttpRequest.newBuilder(uri.resolve("signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("signin=signin&signin%3Ausername=ada&signin%3Apassword=x"
                        + "&signin%3Asubmit=Sign+in&jakarta.faces.ViewState="
                        + java.net.URLEncoder.encode(viewState, StandardCharsets.UTF_8))).build());
    }

    /** What ExpiredViews logs, at INFO, for each form it answers with the "page expired" page. */
    private static final String EXPIRED_VIEW_LOGGED = "with a view state this server does not have";

    @Test
    void aFormWithAForgedOrExpiredViewStateShowsPageExpiredWithA400AndIsNoServerErrorInTheLog() {
        try (ServerLog log = ServerLog.capture()) {
            Browser visitor = new Browser(base);
            String viewState = visitor.open("/signin").value("input[name=jakarta.faces.ViewState]");
            HttpResponse<String> forged = postSignIn(visitor, uri(), "bogus");
            assertEquals(400, forged.statusCode(), forged.body());
            assertTrue(forged.body().contains("This page has expired"), forged.body());
            assertTrue(forged.body().contains("href=\"/signin"), "links back to the page: " + forged.body());

            // another browser has no session, as after the session ended: the view state is unknown there
            HttpResponse<String> expired = postSignIn(new Browser(base), uri(), viewState);
            assertEquals(400, expired.statusCode(), expired.body());
            assertTrue(expired.body().contains("This page has expired"), expired.body());

            // a state that claims the page is stateless, which it is not: Faces cannot restore it at all (was a 500)
            HttpResponse<String> stateless = postSignIn(new Browser(base), uri(), "stateless");
            assertEquals(400, stateless.statusCode(), stateless.body());
            assertTrue(stateless.body().contains("This page has expired"), stateless.body());
            assertTrue(stateless.body().contains("href=\"/signin"), "links back to the page: " + stateless.body());

            Browser admin = Accounts.admin(base);
            admin.open("/admin/members");
            HttpResponse<String> admins = admin.raw(HttpRequest.newBuilder(uri().resolve("admin/members"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("create=create&create%3Ausername=x&jakarta.faces.ViewState=bogus"))
                    .build());
            assertEquals(400, admins.statusCode(), admins.body());
            assertTrue(admins.body().contains("This page has expired"), admins.body());
            assertTrue(admins.body().contains("href=\"/admin/members"), "links back to the page: " + admins.body());

            log.await(4, record -> record.contains(EXPIRED_VIEW_LOGGED), Socket.WAIT, "the four expired forms at INFO");
            assertEquals(List.of(), log.problems(), "an expired form is no server error: nothing at SEVERE or WARNING");
        }
    }

    /**
     * A site's name is shown to members on the consent page as plain text on one line: a bidi override registered in it
     * would turn around what the page says after the name (which site asks, for what).
     */
    @Test
    void aSitesNameIsRegisteredAsPlainText() {
        Browser admin = Accounts.admin(base);
        String unique = Accounts.unique("wiki");
        admin.open("/admin/applications");
        Map<String, String> form = new HashMap<>();
        form.put("name", "Team\u202E Wiki\u0007 " + unique);
        form.put("redirectUris", "https://wiki.intranet/callback");
        Browser.Page registered = admin.submit("register", form, "register");
        assertEquals(200, registered.status(), registered.text());
        Browser.Page listed = admin.open("/admin/applications?q=" + unique);
        assertTrue(listed.text().contains("Team Wiki " + unique), listed.text());
        assertFalse(listed.text().contains("\u202E"), listed.text());
    }

    @Test
    void tooManyOrTooLongRedirectUrlsAreRefusedNextToTheField() {
        Browser admin = Accounts.admin(base);
        String longUrl = "https://wiki.intranet/callback?" + "x".repeat(1450) + "=";
        List<String> tooLong = List.of(longUrl + 1, longUrl + 2, longUrl + 3);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tooMany.add("https://wiki" + i + ".intranet/callback");
        }
        for (List<String> urls : List.of(tooLong, tooMany)) {
            admin.open("/admin/applications");
            Map<String, String> form = new HashMap<>();
            form.put("name", Accounts.unique("Too much"));
            form.put("redirectUris", String.join("\n", urls));
            Browser.Page page = admin.submit("register", form, "register");
            assertEquals(200, page.status(), page.text());
            String message = page.value("#register\\:redirectUrisMessage");
            assertTrue(message.contains("redirect URL"), message);
            assertTrue(!page.text().contains("Registered"), page.text());
        }
    }

    private static final String MALFORMED = "malformed percent-escape (a % must be followed by two hex digits)";
    private static final String NOT_UTF8 = "percent-escapes are not UTF-8";
    private static final String CONTROL = "holds a control character";

    /** The format of an endpoint's 400: the Presence API's JSON, OAuth's error JSON, or plain text on pages. */
    private enum Format { PRESENCE, OAUTH, TEXT }

    /** The format Parley answers a bad request in, by path (the rule of PercentEscapes and the HTTP guard). */
    private static Format formatOf(String target) {
        String path = target.split("\\?", 2)[0];
        if (path.startsWith("/users/") || path.startsWith("/api/presence")) {
            return Format.PRESENCE;
        }
        return path.startsWith("/api/") || path.startsWith("/oauth/") && !path.startsWith("/oauth/authorize")
                ? Format.OAUTH : Format.TEXT;
    }

    /** {@code answer} is {@code status} in {@code format}, and its message says {@code says}. */
    private static void assertAnswer(String what, RawHttpAnswer answer, int status, Format format, String says) {
        String all = what + " -> " + answer;
        assertEquals(status, answer.status(), all);
        String type = answer.header("Content-Type").split(";")[0].trim();
        switch (format) {
            case PRESENCE -> {
                assertEquals("application/json", type, all);
                JsonObject result = Json.createReader(new StringReader(answer.body())).readObject().getJsonObject("result");
                assertEquals(status, result.getInt("code"), all);
                assertTrue(result.getString("response").contains(says), all);
            }
            case OAUTH -> {
                assertEquals("application/json", type, all);
                JsonObject error = Json.createReader(new StringReader(answer.body())).readObject();
                assertEquals(status == 401 ? "invalid_client" : "invalid_request", error.getString("error"), all);
                assertTrue(error.getString("error_description").contains(says), all);
            }
            case TEXT -> {
                assertEquals("text/plain", type, all);
                assertTrue(answer.body().contains(says), all);
            }
        }
    }

    @Test
    void aMalformedPercentEscapeInAQueryIsABadRequestInTheEndpointsOwnWords() {
        for (String target : List.of("/conversation/imme?invitee=%zz", "/api/presence?ids=%zz", "/users/ada/presence?cb=%4",
                "/signin?%zz=1", "/people/ada?x=%", "/?a=%%41", "/ws/control?invitee=%zz", "/oauth/token?x=%")) {
            assertAnswer(target, rawGet(target), 400, formatOf(target), MALFORMED);
        }
    }

    /**
     * A path Payara's own decoder cannot take (a malformed escape; bytes that are not UTF-8) got an
     * empty 200 and a SEVERE line from Payara before Parley's HTTP guard answered it in front of the
     * web container.
     */
    @Test
    void aPathPayaraCannotDecodeIsABadRequestInTheEndpointsOwnWordsAndNoServerErrorInTheLog() {
        try (ServerLog log = ServerLog.capture()) {
            for (String target : List.of("/users/%zz/presence", "/%zz", "/%", "/ws/%zz", "/oauth/token%zz")) {
                assertAnswer(target, rawGet(target), 400, formatOf(target), MALFORMED);
            }
            for (String target : List.of("/console/%e0%80", "/users/%ED%A0%80/presence")) {
                assertAnswer(target, rawGet(target), 400, formatOf(target), NOT_UTF8);
            }
            assertAnswer("/people/a%00b", rawGet("/people/a%00b"), 400, Format.TEXT, CONTROL);
            // a target that is no path: the container answered 400 "Invalid URI: Request must start with /", with no body
            for (String target : List.of("users", "?x", "127.0.0.1:8080", "users/0000000000000000/presence")) {
                assertAnswer(target, rawGet(target), 400, Format.TEXT,
                        "the address is neither a path starting with / nor an absolute http or https URL");
            }

            // a request that logs one line at INFO: once it is there, whatever the requests above logged is too
            postSignIn(new Browser(base), uri(), "bogus");
            log.await(1, record -> record.contains(EXPIRED_VIEW_LOGGED), Socket.WAIT, "the expired form at INFO");
            assertEquals(List.of(), log.problems(), "a bad request is no server error: nothing at SEVERE or WARNING");
        }
    }

    /**
     * A request pipelined after one whose answer closes the connection (the client asked for it, or the answer is a
     * refusal after which HTTP/1.1 cannot tell where the next request starts) is not served: nobody could be answered on
     * the closed connection. Before, it went to the container all the same, and the server's health endpoint and its
     * servlet for files threw at the closed connection, a WARNING with a stack trace in the log for each, at anyone's will.
     */
    @Test
    void aRequestPipelinedAfterAnAnswerThatClosesTheConnectionIsNotServedAndNothingIsLogged() throws IOException {
        String host = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n";
        Map<String, String> closing = Map.of(
                "an answer the client asked to close", "GET /health HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
                "a refused token request", "POST /oauth/token HTTP/1.1\r\n" + host
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=b");
        try (ServerLog log = ServerLog.capture()) {
            for (int round = 0; round < 3; round++) {
                for (Map.Entry<String, String> first : closing.entrySet()) {
                    for (String then : List.of("/health", "/health/ready", "/embed/presence.js", "/api/presence?ids=x",
                            "/signin")) {
                        try (java.net.Socket peer = new java.net.Socket(base.getHost(), base.getPort())) {
                            peer.setSoTimeout((int) Socket.WAIT.toMillis());
                            peer.getOutputStream().write((first.getValue() + "GET " + then + " HTTP/1.1\r\n" + host + "\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            String answers = new String(peer.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                            assertEquals(1, answers.split("HTTP/1\\.1 \\d{3} ", -1).length - 1,
                                    first.getKey() + ", then " + then + ": one answer, then the end:\n" + answers);
                        }
                    }
                }
            }
            RawHttpAnswer presence = rawGet("/health");
            assertEquals(200, presence.status(), presence.head());
            assertEquals(List.of(), log.problems(), "requests after a closing answer: nothing at SEVERE or WARNING");
        }
    }

    /**
     * Peers that send requests one after another (HTTP/1.1 pipelining) and read none of the answers hold no server thread.
     * Before the HTTP guard stopped reading them, twenty such peers asking for PrimeFaces' script (548 KB) twenty times
     * each held all sixteen of the container's threads, each waiting to write an answer, and no page was served to anyone
     * for about a minute.
     */
    @Test
    void peersThatPipelineRequestsAndReadNoAnswerHoldNoServerThreadAndEveryoneIsStillServed() throws IOException {
        String script = "/jakarta.faces.resource/components.js.xhtml?ln=primefaces";
        String host = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n";
        List<java.net.Socket> stuck = new ArrayList<>();
        try (ServerLog log = ServerLog.capture()) {
            // from another machine than the one asking for pages below (127.0.0.3: what its connections leave waiting is
            // bounded by address, and past the bound its requests are refused)
            for (int i = 0; i < 20; i++) {
                java.net.Socket peer = new java.net.Socket();
                stuck.add(peer);
                peer.setReceiveBufferSize(4096);
                peer.bind(new java.net.InetSocketAddress("127.0.0.3", 0));
                peer.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
                peer.getOutputStream().write(("GET " + script + " HTTP/1.1\r\n" + host + "\r\n").repeat(20)
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            // someone else gets a page from the container at once (the raw request reads for 10 s at most)
            RawHttpAnswer page = rawGet("/signin");
            assertEquals(200, page.status(), page.head());
            assertTrue(page.body().contains("name=\"signin:username\""), "the sign-in form: " + page.body());
            log.await(1, record -> record.contains("Stopped reading requests from 127.0.0.3:"), Socket.WAIT,
                    "a peer that left its answers waiting");

            // a peer that pipelines and reads gets every answer, in one connection
            try (java.net.Socket reader = new java.net.Socket(base.getHost(), base.getPort())) {
                reader.setSoTimeout((int) Socket.WAIT.toMillis());
                reader.getOutputStream().write(("GET /privacy HTTP/1.1\r\n" + host + "\r\n").repeat(49)
                        .concat("GET /privacy HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                String answers = new String(reader.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertEquals(50, answers.split("HTTP/1.1 200 OK\r\n", -1).length - 1, "every pipelined answer came");
            }

            // each stuck peer that reads again gets the answers that waited for it (or the refusal of its address), then
            // the end of its connection: none was answered all twenty times
            for (java.net.Socket peer : stuck) {
                peer.setSoTimeout((int) Socket.WAIT.toMillis());
                String waited = new String(peer.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                int answers = waited.split("HTTP/1.1 200 OK\r\n", -1).length - 1;
                boolean refused = waited.contains("HTTP/1.1 429 Too Many Requests\r\n");
                assertTrue(answers < 20 && (answers >= 1 || refused), answers + " answers, refused: " + refused);
            }
            assertEquals(List.of(), log.problems(), "nothing at SEVERE or WARNING");
        } finally {
            for (java.net.Socket peer : stuck) {
                peer.close();
            }
        }
    }

    /**
     * One program that opens connections in a loop and sends nothing held every file the server may open: by hand, twenty
     * thousand from one address within seconds, while the selector retried its accepts at a full core, and nobody else was
     * served (a request from another address timed out after 10 s) until the program let go. Now one address holds at
     * most {@code parley.http.connections-per-address} (1,000) open at once; each further one is answered 429 at once and
     * closed.
     */
    @Test
    void anAddressOpeningConnectionsInALoopHoldsNoMoreThanItsShareAndEveryoneElseIsServed() throws IOException {
        var linus = Accounts.sharingMember(base, "looped", "Linus Looped");
        int most = 1_000;
        int beyond = 100;
        String refusal = "Too many connections from your address: Parley takes at most 1,000 open at once from one address;"
                + " close some and try again.\n";
        String presence = "GET /users/" + linus.cid() + "/presence HTTP/1.1\r\nHost: " + base.getHost() + ":"
                + base.getPort() + "\r\nConnection: close\r\n\r\n";
        List<java.net.Socket> opened = new ArrayList<>();
        try (ServerLog log = ServerLog.capture()) {
            // from another machine than the one asking below (127.0.0.4), connections that send nothing
            for (int i = 0; i < most + beyond; i++) {
                java.net.Socket peer = new java.net.Socket();
                opened.add(peer);
                peer.bind(new java.net.InetSocketAddress("127.0.0.4", 0));
                peer.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
            }
            // exactly those beyond its share are answered, in words, and closed; the others wait for their requests
            List<java.net.Socket> waiting = new ArrayList<>(opened);
            List<String> refused = new ArrayList<>();
            long deadline = System.nanoTime() + Socket.WAIT.toNanos();
            while (refused.size() < beyond && System.nanoTime() < deadline) {
                for (java.util.Iterator<java.net.Socket> each = waiting.iterator(); each.hasNext(); ) {
                    java.net.Socket peer = each.next();
                    if (peer.getInputStream().available() > 0) {
                        peer.setSoTimeout((int) Socket.WAIT.toMillis());
                        refused.add(new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                        each.remove();
                    }
                }
            }
            assertEquals(beyond, refused.size(), "connections answered at once");
            for (String answer : refused) {
                assertTrue(answer.startsWith("HTTP/1.1 429 Too Many Requests\r\n"), answer);
                assertTrue(answer.contains("\r\nRetry-After: 10\r\n"), answer);
                assertTrue(answer.endsWith("\r\n\r\n" + refusal), answer);
            }
            for (java.net.Socket peer : waiting) {
                assertEquals(0, peer.getInputStream().available(), "a connection within its share is not answered");
            }
            // its next one is refused even when it asks at once; it holds its share
            RawHttpAnswer more = raw("127.0.0.4", presence.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(429, more.status(), more.head());
            assertEquals(refusal, more.body());

            // everyone else is served meanwhile
            assertAnswer("presence while an address holds its share", rawGet("/users/" + linus.cid() + "/presence"),
                    200, Format.PRESENCE, "Success");
            RawHttpAnswer page = rawGet("/signin");
            assertEquals(200, page.status(), page.head());
            try (Socket console = console(linus); Socket visitor = visitor(linus)) {
                stillTalking(visitor, console, startConversation(visitor, console));
            }
            log.await(1, record -> record.contains("Refused 1 connection from 127.0.0.4 (429): it already had 1,000"
                    + " connections open, as many as one address may"), Socket.WAIT, "the refused address at INFO");

            // the trusted reverse proxy (parley.proxy.trusted) carries everyone's requests: it holds more, each served
            List<java.net.Socket> proxied = new ArrayList<>();
            try {
                for (int i = 0; i < most + 10; i++) {
                    java.net.Socket peer = new java.net.Socket();
                    proxied.add(peer);
                    peer.bind(new java.net.InetSocketAddress(ParleyDeployment.TRUSTED_PROXY, 0));
                    peer.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
                }
                String keptAlive = presence.replace("Connection: close", "Connection: keep-alive");
                for (java.net.Socket peer : proxied) {
                    peer.setSoTimeout((int) Socket.WAIT.toMillis());
                    peer.getOutputStream().write(keptAlive.getBytes(StandardCharsets.ISO_8859_1));
                    String status = new String(peer.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
                    assertEquals("HTTP/1.1 200", status, "each of the proxy's " + (most + 10) + " connections is served");
                }
            } finally {
                for (java.net.Socket peer : proxied) {
                    peer.close();
                }
            }

            // once it lets go, the address is served again (its connections' closes are seen a moment later)
            for (java.net.Socket peer : opened) {
                peer.close();
            }
            RawHttpAnswer again = raw("127.0.0.4", presence.getBytes(StandardCharsets.ISO_8859_1));
            deadline = System.nanoTime() + Socket.WAIT.toNanos();
            while (again.status() == 429 && System.nanoTime() < deadline) {
                again = raw("127.0.0.4", presence.getBytes(StandardCharsets.ISO_8859_1));
            }
            assertAnswer("presence once the address let go", again, 200, Format.PRESENCE, "Success");
            assertEquals(List.of(), log.problems(), "nothing at SEVERE or WARNING");
        } finally {
            for (java.net.Socket peer : opened) {
                peer.close();
            }
        }
    }

    /**
     * Peers that send a form's body a byte at a time hold no server thread. Before the HTTP guard gathered bodies in front
     * of the container, twenty of them posting to the token endpoint, a byte every four seconds each, held all sixteen
     * threads: no page was served to anyone for as long as they went on.
     */
    @Test
    void peersThatSendABodyAByteAtATimeHoldNoServerThreadAndAreAnsweredOnceTheirBodiesCame() throws IOException {
        String host = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n";
        List<java.net.Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                java.net.Socket peer = new java.net.Socket(base.getHost(), base.getPort());
                slow.add(peer);
                peer.setSoTimeout((int) Socket.WAIT.toMillis());
                peer.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\n" + host + "Connection: close\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 16\r\n\r\ngrant_type=")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            for (char c : "bogu".toCharArray()) {
                // someone else gets a page from the container at once while the bodies trickle in
                RawHttpAnswer page = rawGet("/signin");
                assertEquals(200, page.status(), page.head());
                assertTrue(page.body().contains("name=\"signin:username\""), "the sign-in form: " + page.body());
                for (java.net.Socket peer : slow) {
                    peer.getOutputStream().write(c);
                }
            }
            // the last byte: each request is answered as the token endpoint answers a bad grant, in its own words
            for (java.net.Socket peer : slow) {
                peer.getOutputStream().write('s');
            }
            for (java.net.Socket peer : slow) {
                String answer = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 401 ") || answer.startsWith("HTTP/1.1 400 "), answer);
                assertTrue(answer.contains("{\"error\":\""), answer);
            }
        } finally {
            for (java.net.Socket peer : slow) {
                peer.close();
            }
        }
    }

    /** Every kind of hostile frame on fresh sockets, hostile texts in a conversation; then a conversation works end to end. */
    @Test
    void aHostileFrameCorpusGetsErrorFramesAndAConversationStillWorks() {
        var linus = Accounts.sharingMember(base, "corpus", "Linus Corpus");
        List<String> badFrames = new ArrayList<>(deeplyNested());
        badFrames.addAll(List.of("hello", "", "[1]", "\"x\"", "null", "{}", "{\"type\":\"\"}", "{\"type\":7}", "{\"type\":\"a\"",
                "{\"type\":\"message\"}}", "{\"type\":\"message\",\"text\":\"" + LONE_HIGH, "\u0000", "{\"type\":\"x\\ud8\"}"));
        Map<String, Supplier<Socket>> sockets = Map.of(
                "/ws/control", () -> visitor(linus), "/ws/client", () -> console(linus), "/ws/presence", this::presencePage);
        sockets.forEach((path, open) -> {
            // nine bad frames a socket: the tenth within 10 s would close it (1008)
            for (int first = 0; first < badFrames.size(); first += 9) {
                try (Socket socket = open.get()) {
                    for (String bad : badFrames.subList(first, Math.min(first + 9, badFrames.size()))) {
                        socket.sendText(bad);
                        assertEquals("bad_frame", socket.next("error").getString("code"), path + " " + bad);
                    }
                    assertTrue(socket.isOpen(), path);
                }
            }
            try (Socket socket = open.get()) {
                socket.sendBinary(new byte[] {(byte) 0xC3, 0x28});
                assertEquals("bad_frame", socket.next("error").getString("code"), path + " binary");
                socket.sendText("{\"type\":\"" + LONE_LOW + "\",\"id\":\"" + LONE_HIGH + "x\"}");
                JsonObject unknown = socket.next("error");
                assertEquals("unknown_type", unknown.getString("code"), path);
                assertEquals(REPLACEMENT + "x", unknown.getString("ref"), path);
            }
        });

        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put(LONE_HIGH + " lone high", REPLACEMENT + " lone high");
        texts.put("lone low " + LONE_LOW, "lone low " + REPLACEMENT);
        texts.put(LONE_LOW + LONE_HIGH + " reversed", REPLACEMENT + REPLACEMENT + " reversed");
        texts.put("pair \\ud83d\\ude00", "pair \uD83D\uDE00");
        texts.put("</script><script>alert(1)</script>", "</script><script>alert(1)</script>");
        texts.put("\\u202Eevil\\u202C.pdf \\u2067x\\u2069", "evil.pdf x");
        texts.put("nul\\u0000 bell\\u0007 esc\\u001b del\\u007f c1\\u0085", "nul bell esc del c1");
        texts.put("\\r\\nline\\tone\\r\\n", "line one");
        try (Socket console = console(linus); Socket visitor = visitor(linus)) {
            String conversation = startConversation(visitor, console);
            int seq = 1;
            for (Map.Entry<String, String> text : texts.entrySet()) {
                seq++;
                visitor.sendText("{\"type\":\"message\",\"id\":\"t" + seq + "\",\"text\":\"" + text.getKey() + "\"}");
                assertEquals(seq, visitor.ack("t" + seq).getInt("seq"), text.getKey());
                int expected = seq;
                assertEquals(text.getValue(), console.next("message", f -> f.getInt("seq") == expected).getString("text"));
            }
            seq++;
            console.sendText("{\"type\":\"message\",\"id\":\"r\",\"conversation\":\"" + conversation + "\",\"text\":\"back "
                    + LONE_HIGH + "\"}");
            assertEquals(seq, console.ack("r").getInt("seq"));
            assertEquals("back " + REPLACEMENT, visitor.next("message").getString("text"));
            stillTalking(visitor, console, conversation);
        }
    }

    /**
     * A member's clients asking in a loop for what reaches beyond one conversation: status changes (each written to
     * every socket showing the member), the contact list (the whole directory), marking offline messages read (the
     * database). Held to one allowance of the member's, 20 at once and then 2 a second, over all their clients; a
     * refusal closes nothing, and everyone else, the member's visitor among them, is still served.
     */
    @Test
    void aMemberAskingInALoopIsHeldToOneAllowanceOverAllTheirClientsAndEveryoneIsStillServed() {
        var looping = Accounts.sharingMember(base, "looping", "Looping Member");
        var steady = Accounts.sharingMember(base, "steady", "Steady Member");
        try (Socket console = console(looping); Socket desk = console(looping); Socket visitor = visitor(looping);
             Socket other = console(steady)) {
            for (int i = 0; i < 20; i++) {
                console.send(Socket.frame("presence").add("id", "c" + i).add("status", i % 2 == 0 ? "Busy" : "Online"));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("ack", console.answer("c" + i).getString("type"), "the burst is taken: c" + i);
            }
            // the member's other client, right after, with each kind of request: the same allowance, spent (it
            // refills by one every half second)
            List<String> kinds = List.of("presence", "contacts", "offline.read");
            for (int i = 0; i < 12; i++) {
                var frame = Socket.frame(kinds.get(i % 3)).add("id", "d" + i);
                desk.send(i % 3 == 0 ? frame.add("status", "Away") : i % 3 == 2 ? frame.add("ids", Json.createArrayBuilder()) : frame);
            }
            Map<String, JsonObject> answers = new HashMap<>();
            while (answers.size() < 12) {
                JsonObject frame = desk.poll(Socket.WAIT);
                assertTrue(frame != null, "every request is answered: " + answers.keySet());
                String to = frame.getString("type").equals("error") ? frame.getString("ref", "") : frame.getString("id", "");
                if (to.startsWith("d")) {
                    answers.put(to, frame);
                }
            }
            List<JsonObject> refused = answers.values().stream().filter(a -> a.getString("type").equals("error")).toList();
            assertTrue(refused.size() >= 9, "the other client shares the member's allowance: " + answers);
            for (JsonObject error : refused) {
                assertEquals("rate_limited", error.getString("code"), error.toString());
                assertTrue(error.getInt("retryAfter") >= 1, error.toString());
            }
            for (int kind = 0; kind < 3; kind++) {
                int first = kind;
                assertTrue(java.util.stream.IntStream.range(0, 12).filter(i -> i % 3 == first)
                                .anyMatch(i -> answers.get("d" + i).getString("type").equals("error")),
                        kinds.get(kind) + " counts against the allowance: " + answers);
            }

            other.send(Socket.frame("presence").add("id", "s").add("status", "Busy"));
            assertEquals("ack", other.answer("s").getString("type"), "another member's allowance is their own");
            assertTrue(console.isOpen() && desk.isOpen(), "a refusal never counts as abuse");
            stillTalking(visitor, console, startConversation(visitor, console));
        }
    }

    /**
     * A member's client sending messages in a loop (each goes to the visitor and to the member's other clients): held
     * to the member's message allowance, 100 at once and then 20 a second; what is refused is not sent, what is
     * acknowledged reaches the visitor, and another member is still served.
     */
    @Test
    void aMemberSendingMessagesInALoopIsHeldToTheirAllowanceAndWhatIsAcknowledgedArrives() {
        var fast = Accounts.sharingMember(base, "fast", "Fast Typer");
        var steady = Accounts.sharingMember(base, "calm", "Calm Member");
        try (Socket console = console(fast); Socket visitor = visitor(fast); Socket other = console(steady);
             Socket otherVisitor = visitor(steady)) {
            String conversation = startConversation(visitor, console);
            for (int i = 0; i < 200; i++) {
                console.send(Socket.frame("message").add("id", "f" + i).add("conversation", conversation).add("text", "reply " + i));
            }
            List<String> acked = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < 200; i++) {
                JsonObject answer = console.answer("f" + i);
                if (answer.getString("type").equals("ack")) {
                    acked.add("reply " + i);
                } else {
                    assertEquals("rate_limited", answer.getString("code"), answer.toString());
                    refused++;
                }
            }
            assertTrue(acked.size() >= 100, "the burst is taken: " + acked.size());
            assertEquals(acked.subList(0, 100), java.util.stream.IntStream.range(0, 100).mapToObj(i -> "reply " + i).toList());
            assertTrue(refused >= 40, "beyond the burst, 20 a second: " + refused + " refused");
            for (String text : acked) {
                assertEquals(text, visitor.next("message").getString("text"), "the visitor gets what was acknowledged, in order");
            }

            String other2 = startConversation(otherVisitor, other);
            other.send(Socket.frame("message").add("id", "calm").add("conversation", other2).add("text", "All fine here"));
            assertEquals("ack", other.answer("calm").getString("type"), "another member's allowance is their own");
            assertEquals("All fine here", otherVisitor.next("message").getString("text"));
            assertTrue(console.isOpen(), "a refusal never counts as abuse");
        }
    }

    /**
     * A member (or whoever holds their token) opening client sockets in a loop: each is written every event of the
     * member's conversations, so the member has at most 20 connected (the shipped limit), by session or by token
     * alike; the next is refused ({@code rate_limited}, 1013) and acts for nobody, the member's clients still work, and
     * once one leaves a new one is let in.
     */
    @Test
    void aMemberOpeningClientsInALoopHasNoMoreThanTheAllowedNumberAndTheirClientsStillWork() {
        var many = Accounts.sharingMember(base, "many", "Many Clients");
        String token = DelegatedAuthenticationIT.desktopTokens(base, many.username(), "presence").getString("access_token");
        List<Socket> clients = new ArrayList<>();
        try (Socket visitor = visitor(many)) {
            for (int i = 0; i < 20; i++) {
                clients.add(console(many));
            }
            for (Socket refused : List.of(Socket.open(uri(), "/ws/client", many.browser()),
                    Socket.open(uri(), "/ws/client", null, Map.of("Authorization", "Bearer " + token)))) {
                try (refused) {
                    // it may try to act before the close reaches it: nothing it sends is taken (when the close came
                    // first, the client cannot send at all)
                    try {
                        // appearing offline: taken from any one client, it would show the member Offline everywhere
                        refused.send(Socket.frame("presence").add("id", "sneak").add("status", "Offline"));
                    } catch (java.util.concurrent.CompletionException closedFirst) {
                        assertEquals(1013, refused.closeCode());
                    }
                    JsonObject error = refused.next("error");
                    assertEquals("rate_limited", error.getString("code"), error.toString());
                    assertEquals(30, error.getInt("retryAfter"));
                    assertEquals(1013, refused.closeCode());
                }
            }

            String conversation = startConversation(visitor, clients.get(0));
            for (Socket client : clients.subList(1, 20)) {
                assertEquals("Hello there", client.next("message", f -> "visitor".equals(f.getString("from"))).getString("text"),
                        "every admitted client hears the conversation");
            }
            stillTalking(visitor, clients.get(0), conversation);
            HttpResponse<String> presence = new Browser(base).raw(HttpRequest.newBuilder(
                    uri().resolve("users/" + many.cid() + "/presence")).GET().build());
            assertEquals("Online", Json.createReader(new StringReader(presence.body())).readObject().getString("status"),
                    "the refused client changed nothing");

            clients.remove(19).close();
            Socket admitted = null;
            for (int attempt = 0; admitted == null; attempt++) {
                assertTrue(attempt < 50, "a client is let in again once one left");
                Socket next = Socket.open(uri(), "/ws/client", many.browser());
                JsonObject first = next.poll(Socket.WAIT);
                if (first != null && first.getString("type").equals("welcome")) {
                    admitted = next;
                } else {
                    next.close();
                }
            }
            clients.add(admitted);
        } finally {
            clients.forEach(Socket::close);
        }
    }

    /**
     * Peers that send pings as fast as they can and read none of the pongs the container answers them with: before, the
     * server kept reading and queueing pongs (one such socket filled 700 MB of heap within seconds, and pages took 51 s
     * to answer); then it read each only while its pongs fitted Grizzly's queue, ~20 MB of heap per socket, and 24 such
     * sockets from one program filled a heap of 1 GiB (each was taken 14.6 MB of pings). Now a socket whose peer sends
     * more than ten pings at once, or more than one a second after that, is closed with 1008, one that sends a frame
     * without a mask with 1002 (RFC 6455 §5.1; the container took them), and one that begins a frame of more than 64 KiB
     * with 1009 at its head (the container gathered up to 4 MB of it first, and held it for a peer that stopped sending);
     * a reserved opcode or reserved bits, a control frame over 125 bytes, fragments out of order, a close frame of one
     * byte or with a code no peer may send close with 1002 and Parley's words, one whose reason is no UTF-8 with 1007 (the
     * container's reasons were its exceptions' texts, "Unknown wrappedFrame type: 3", "Illegal status code: 999");
     * a peer within the allowance gets its pongs, and everyone else is served.
     */
    @Test
    void peersThatFloodPingsOrSendUnmaskedOrHugeFramesAreClosedSayingWhyAndEveryoneElseIsServed() throws Exception {
        var grace = Accounts.sharingMember(base, "pinged", "Grace Pinged");
        List<PingFlooder> flooders = new ArrayList<>();
        try (ServerLog log = ServerLog.capture()) {
            for (int i = 0; i < 4; i++) {
                flooders.add(new PingFlooder());
            }
            for (PingFlooder flooder : flooders) {
                flooder.pinging.join(30_000);
                assertFalse(flooder.pinging.isAlive(), "the server closed the connection of a peer flooding pings");
                assertTrue(flooder.sent.get() < PingFlooder.MOST, flooder.sent.get()
                        + " bytes of pings taken from a peer that reads none of its pongs");
            }

            byte[] ping = masked(0x9, new byte[4]);
            // each rule broken the instant the socket opens, as the watchers' endpoint writes its first frame: that frame
            // may go out before the close frame, never after it (RFC 6455 §5.5.1), however the two meet
            // the head of a text frame of 1 GiB, masked, and no payload: refused from its head, nothing gathered
            List<FrameBreach> breaches = List.of(
                    new FrameBreach("eleven pings at once", repeat(ping, 11), closeFrame(1008, "too many pings")),
                    new FrameBreach("an unmasked frame", new byte[] {(byte) 0x81, 2, 'h', 'i'},
                            closeFrame(1002, "frames from a client must be masked")),
                    new FrameBreach("a frame of 1 GiB",
                            new byte[] {(byte) 0x81, (byte) (0x80 | 127), 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0},
                            closeFrame(1009, "frame too large")),
                    // RFC 6455's framing rules, which the container kept in its own exception's words, or none
                    new FrameBreach("a reserved opcode", masked(0x3, new byte[] {'h', 'i'}), closeFrame(1002, "unknown opcode")),
                    new FrameBreach("a continuation of no message", masked(0x0, new byte[] {'h', 'i'}),
                            closeFrame(1002, "message fragments out of order")),
                    new FrameBreach("a new message before the last ended",
                            concat(unfinished(masked(0x1, new byte[] {'h'})), masked(0x1, new byte[] {'i'})),
                            closeFrame(1002, "message fragments out of order")),
                    new FrameBreach("a close of 126 bytes", masked(0x8, 126),
                            closeFrame(1002, "control frames must be whole and at most 125 bytes")),
                    new FrameBreach("reserved bits", reserved(masked(0x1, new byte[] {'h', 'i'})),
                            closeFrame(1002, "reserved bits set")),
                    new FrameBreach("a close with code 999", masked(0x8, new byte[] {0x03, (byte) 0xE7}),
                            closeFrame(1002, "close code not allowed")),
                    new FrameBreach("a close of one byte", masked(0x8, new byte[] {0x03}),
                            closeFrame(1002, "a close frame carries nothing, or a code and a reason")),
                    new FrameBreach("a close reason that is no UTF-8",
                            masked(0x8, new byte[] {0x03, (byte) 0xE8, (byte) 0xC0, (byte) 0xAF}),
                            closeFrame(1007, "close reason not UTF-8")));
            byte[] readyFrame;
            try (java.net.Socket polite = rawWebSocket()) {
                byte[] head = polite.getInputStream().readNBytes(2);
                readyFrame = concat(head, polite.getInputStream().readNBytes(head[1]));
                assertTrue(new String(readyFrame, StandardCharsets.UTF_8).contains("\"ready\""),
                        Arrays.toString(readyFrame));
            }
            for (int round = 0; round < BREACH_ROUNDS; round++) {
                for (FrameBreach breach : breaches) {
                    try (java.net.Socket breaking = rawWebSocket()) {
                        breaking.getOutputStream().write(breach.sent());
                        byte[] answer = breaking.getInputStream().readAllBytes();
                        byte[] close = breach.close();
                        assertTrue(Arrays.equals(answer, close) || Arrays.equals(answer, concat(readyFrame, close)),
                                breach.name() + ", round " + round + ": " + Arrays.toString(answer));
                    }
                }
            }
            try (java.net.Socket keepsAlive = rawWebSocket()) {
                byte[] ready = keepsAlive.getInputStream().readNBytes(2); // the watchers' first frame: ready
                assertEquals((byte) 0x81, ready[0]);
                assertTrue(new String(keepsAlive.getInputStream().readNBytes(ready[1]), StandardCharsets.UTF_8)
                        .contains("\"ready\""));
                // ten pings at once are within the allowance: ten pongs, and the socket stays open
                keepsAlive.getOutputStream().write(repeat(ping, 10));
                byte[] pongs = keepsAlive.getInputStream().readNBytes(10 * 6);
                assertArrayEquals(repeat(new byte[] {(byte) 0x8A, 4, 0, 0, 0, 0}, 10), pongs);
                keepsAlive.getOutputStream().write(masked(0x8, new byte[] {0x03, (byte) 0xE8}));
                assertArrayEquals(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xE8}, keepsAlive.getInputStream().readAllBytes(),
                        "its close answered as any other");
            }

            // everyone else is served meanwhile
            RawHttpAnswer presence = rawGet("/users/" + grace.cid() + "/presence");
            assertAnswer("presence after peers flooded pings", presence, 200, Format.PRESENCE, "Success");
            try (Socket console = console(grace); Socket visitor = visitor(grace)) {
                stillTalking(visitor, console, startConversation(visitor, console));
            }
            log.await(1, record -> record.contains("Closed a WebSocket of 127.0.0.1:") && record.contains("with 1008"),
                    Socket.WAIT, "the closed ping flooders at INFO");
            assertEquals(List.of(), log.problems(), "peers closed for their frames: nothing at SEVERE or WARNING");
        } finally {
            for (PingFlooder flooder : flooders) {
                flooder.close();
            }
        }
    }

    /**
     * A table's page that the table does not offer — a first row that is no number or below 0, a number of rows it does
     * not let a person choose — is refused 400 in the page's language, nothing logged above FINE; the pages it offers
     * are served. Found by attacking from outside: PrimeFaces threw while it wrote the table, so any member got a broken
     * partial response naming "java.lang.IllegalArgumentException", and the log a SEVERE line with its stack.
     */
    @Test
    void aTablePageTheTableDoesNotOfferIsRefusedInThePagesLanguage() {
        var ada = Accounts.sharingMember(base, "pager", "Ada Pager");
        try (ServerLog log = ServerLog.capture()) {
            for (String[] forged : new String[][] {{"0", "-5"}, {"abc", "25"}, {"0", "7"}, {"-10", "25"}, {"0", "99999999999"}}) {
                HttpResponse<String> refused = page(ada.browser(), "/directory", forged[0], forged[1]);
                assertEquals(400, refused.statusCode(), Arrays.toString(forged) + ": " + refused.body());
                assertEquals("This table has no such page: its first row or its number of rows is none the page offers."
                        + " Open the page again.", refused.body().trim());
            }
            HttpResponse<String> german = page(ada.browser(), "/directory?mkt=de-DE", "0", "-5");
            assertTrue(german.body().startsWith("Diese Tabelle hat keine solche Seite"), german.body());
            HttpResponse<String> offered = page(ada.browser(), "/directory", "0", "50");
            assertEquals(200, offered.statusCode(), offered.body());
            assertTrue(offered.body().contains("<partial-response") && !offered.body().contains("<error>"), offered.body());
            assertEquals(List.of(), log.problems(), "nothing at SEVERE or WARNING");
        }
    }

    /** PrimeFaces' own request for a page of the directory's table, as its paginator sends it, from {@code path}. */
    private HttpResponse<String> page(Browser member, String path, String first, String rows) {
        Browser.Page directory = member.open(path);
        String viewState = directory.document().selectFirst("input[name='jakarta.faces.ViewState']").val();
        String table = "directory:colleagues";
        String form = String.join("&", "jakarta.faces.partial.ajax=true", "jakarta.faces.source=" + table,
                "jakarta.faces.partial.execute=" + table, "jakarta.faces.partial.render=" + table, table + "_pagination=true",
                table + "_first=" + first, table + "_rows=" + rows, table + "_encodeFeature=true", "directory=directory",
                "jakarta.faces.ViewState=" + URLEncoder.encode(viewState, StandardCharsets.UTF_8));
        return member.raw(HttpRequest.newBuilder(uri().resolve(path.substring(1))).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A socket's address with letters written as escapes is the same address: the handshake is answered as any other. */
    @Test
    void aSocketAddressWithEscapedLettersOpensAsWritten() throws IOException {
        for (String path : List.of("/%77s/presence", "/ws/pr%65sence", "/%77%73/presence")) {
            try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="
                        + "\r\nSec-WebSocket-Version: 13\r\nOrigin: " + Socket.origin(uri()) + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
                assertEquals("HTTP/1.1 101", status, path);
            }
        }
    }

    /** A raw WebSocket on {@code /ws/presence}, its handshake answered 101. */
    private java.net.Socket rawWebSocket() throws IOException {
        return rawWebSocket(new java.net.Socket());
    }

    /** Connects {@code socket} (its options set before) and makes it a WebSocket on {@code /ws/presence}. */
    private java.net.Socket rawWebSocket(java.net.Socket socket) throws IOException {
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("GET /ws/presence HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="
                + "\r\nSec-WebSocket-Version: 13\r\nOrigin: " + Socket.origin(uri()) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(socket.getInputStream().read());
        }
        assertTrue(head.toString(StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 101"), head.toString());
        return socket;
    }

    /** A client's frame: FIN, {@code opcode}, masked with zeros, a payload of at most 125 bytes. */
    private static byte[] masked(int opcode, byte[] payload) {
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(payload, 0, frame, 6, payload.length);
        return frame;
    }

    /** A client's frame of {@code length} zeros (126 to 65,535 bytes: a 16-bit length), FIN, masked with zeros. */
    private static byte[] masked(int opcode, int length) {
        byte[] frame = new byte[8 + length];
        frame[0] = (byte) (0x80 | opcode);
        frame[1] = (byte) (0x80 | 126);
        frame[2] = (byte) (length >> 8);
        frame[3] = (byte) length;
        return frame;
    }

    /** {@code frame} without its FIN bit: the first fragment of a message. */
    private static byte[] unfinished(byte[] frame) {
        byte[] copy = frame.clone();
        copy[0] &= 0x7F;
        return copy;
    }

    /** {@code frame} with its first reserved bit (RSV1, what permessage-deflate would use) set. */
    private static byte[] reserved(byte[] frame) {
        byte[] copy = frame.clone();
        copy[0] |= 0x40;
        return copy;
    }

    /** A server's close frame: 1008 (0x03F0) or 1002 (0x03EA) and its reason, as RFC 6455 §5.5.1 lays it out. */
    private static byte[] closeFrame(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.US_ASCII);
        byte[] head = {(byte) 0x88, (byte) (2 + text.length), (byte) (code >> 8), (byte) code};
        byte[] frame = Arrays.copyOf(head, head.length + text.length);
        System.arraycopy(text, 0, frame, head.length, text.length);
        return frame;
    }

    private static byte[] repeat(byte[] bytes, int times) {
        byte[] all = new byte[bytes.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(bytes, 0, all, i * bytes.length, bytes.length);
        }
        return all;
    }

    /** A rule of a WebSocket's frames broken by what a peer {@code sent}, and the {@code close} frame that says so. */
    private record FrameBreach(String name, byte[] sent, byte[] close) {
    }

    private static byte[] concat(byte[] first, byte[] then) {
        byte[] both = Arrays.copyOf(first, first.length + then.length);
        System.arraycopy(then, 0, both, first.length, then.length);
        return both;
    }

    /** A raw WebSocket on {@code /ws/presence} whose thread sends pings as fast as it can while reading nothing. */
    private final class PingFlooder implements AutoCloseable {

        /** More than a peer that reads nothing may have taken from it: its kernel's buffers and the server's hold ~6.5 MB. */
        static final long MOST = 10L * 1024 * 1024;

        private final java.net.Socket socket;
        private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        private final Thread pinging;

        PingFlooder() throws IOException {
            java.net.Socket unconnected = new java.net.Socket();
            unconnected.setReceiveBufferSize(4096);
            socket = rawWebSocket(unconnected);
            OutputStream out = socket.getOutputStream();
            // masked pings of 125 bytes each (the most a control frame holds), 500 to a write, from a thread of their own:
            // a blocking write waits for as long as the server reads nothing more, and fails once it closed
            byte[] batch = repeat(masked(0x9, new byte[125]), 500);
            pinging = new Thread(() -> {
                try {
                    while (sent.get() < 4 * MOST) {
                        out.write(batch);
                        sent.addAndGet(batch.length);
                    }
                } catch (IOException closed) {
                    // the server closed the connection
                }
            }, "pinging");
            pinging.setDaemon(true);
            pinging.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * A file the container serves as it is, asked for in many ranges of the same bytes, or in a {@code Range} that cannot
     * be read, comes whole ({@code 200}), once; one range of bytes comes as asked ({@code 206}). The container answered
     * ten ranges {@code 0-} with the file ten times over, more than about ten with {@code 403} and "Your account may not
     * open this page.", and one it could not read with its own error page ({@code 416}, "Payara Micro - Error report").
     */
    @Test
    void manyRangesOfAFileGetItWholeOnceAndOneRangeGetsThatRange() {
        RawHttpAnswer whole = rawGet("/embed/presence.js");
        assertEquals(200, whole.status(), whole.head());
        assertTrue(whole.body().length() > 1000, whole.body());
        for (String range : List.of("bytes=" + String.join(",", Collections.nCopies(10, "0-")),
                "bytes=" + String.join(",", Collections.nCopies(200, "0-")), "bytes=0-1,5-6", "bytes=x", "bytes=-0,-0")) {
            RawHttpAnswer answer = raw(("GET /embed/presence.js HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nRange: " + range + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(200, answer.status(), range + " answered " + answer.head() + "\n" + answer.body());
            assertEquals(whole.body(), answer.body(), range);
            assertTrue(answer.header("Content-Type").startsWith("application/javascript"), answer.head());
        }
        RawHttpAnswer part = raw(("GET /embed/presence.js HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nRange: bytes=0-9\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(206, part.status(), part.head());
        assertEquals(whole.body().substring(0, 10), part.body());
        assertEquals("bytes 0-9/" + whole.body().getBytes(StandardCharsets.UTF_8).length, part.header("Content-Range"));
    }

    /**
     * A condition a static file does not meet ({@code If-Match} naming another version, an old
     * {@code If-Unmodified-Since}) gets 412, and a range beyond the file 416, in plain words: the container answered
     * both with its own HTML error page ("Payara Micro - Error report").
     */
    @Test
    void aConditionOrARangeAStaticFileCannotMeetIsRefusedInWords() {
        try (ServerLog log = ServerLog.capture()) {
            RawHttpAnswer whole = rawGet("/embed/presence.js");
            assertEquals(200, whole.status(), whole.head());
            int length = whole.body().getBytes(StandardCharsets.UTF_8).length;
            for (String condition : List.of("If-Match: \"another-version\"",
                    "If-Unmodified-Since: Sat, 01 Jan 2000 00:00:00 GMT")) {
                RawHttpAnswer answer = raw(("GET /embed/presence.js HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\n" + condition + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                assertEquals(412, answer.status(), condition + " answered " + answer.head() + "\n" + answer.body());
                assertEquals("text/plain;charset=UTF-8", answer.header("Content-Type"), answer.head());
                assertEquals("This file has changed since the version the request names (its If-Match or If-Unmodified-Since);"
                        + " fetch it again without them.\n", answer.body());
            }
            RawHttpAnswer beyond = raw(("GET /embed/presence.js HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nRange: bytes=" + length + "-\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(416, beyond.status(), beyond.head() + "\n" + beyond.body());
            assertEquals("bytes */" + length, beyond.header("Content-Range"), beyond.head());
            assertEquals("text/plain;charset=UTF-8", beyond.header("Content-Type"), beyond.head());
            assertEquals("This file holds no bytes in the range the request asks for (its Range; Content-Range says the file's"
                    + " length); fetch it without Range to get it whole.\n", beyond.body());
            RawHttpAnswer missing = rawGet("/embed/nothing-here.js");
            assertEquals(404, missing.status(), missing.head());
            assertTrue(missing.header("Content-Type").startsWith("text/html"), "a missing file still gets Parley's page: "
                    + missing.head());
            assertEquals(List.of(), log.problems(), "nothing at SEVERE or WARNING");
        }
    }

    /**
     * The Presence API writes an icon's absolute address with the {@code Host} the caller sent, and says so: {@code Vary:
     * Authorization, Host} on the presence objects of both addresses, JSON and JSONP, so that a cache in front keying its
     * entries by its own name for Parley keeps a caller's made-up host to that caller. The icons vary with the token only.
     * Before, {@code Vary} named the token alone (found by attacking from outside).
     */
    @Test
    void aPresenceAnswerSaysItVariesWithTheHostItsIconAddressIsWrittenWith() {
        var grace = Accounts.sharingMember(base, "varies", "Grace Varies");
        String own = base.getHost() + ":" + base.getPort();
        for (String path : List.of("/users/" + grace.cid() + "/presence", "/users/" + grace.cid() + "/presence?cb=shown",
                "/api/presence?ids=" + grace.cid())) {
            for (String host : List.of(own, "elsewhere.example")) {
                RawHttpAnswer answer = raw(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                String what = path + " with Host " + host + ": " + answer.head();
                assertEquals(200, answer.status(), what);
                assertEquals("Authorization, Host", answer.header("Vary"), what);
                assertTrue(answer.body().contains("http://" + host + "/"), what + answer.body());
            }
        }
        assertEquals("Authorization", rawGet("/users/" + grace.cid() + "/presenceimage").header("Vary"));
    }

    /**
     * A WebSocket handshake the application refuses — to an address with no WebSocket, from a foreign origin, without a
     * credential — is answered with the headers of any other answer: its type, its length or chunks, and {@code
     * Connection: close}, as the connection closes after it. Grizzly, which writes an upgrade's answer as the start of a
     * stream, left them all out, and the body ended only with the connection.
     */
    @Test
    void aRefusedWebSocketHandshakeIsAnsweredWithThePlainHeadersOfAnAnswer() {
        var grace = Accounts.sharingMember(base, "declined", "Grace Declined");
        String handshake = "Host: " + base.getHost() + ":" + base.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade"
                + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: ";
        record Refused(String target, String origin, String cookie, int status, String type, String says) {
        }
        String session = "\r\nCookie: JSESSIONID=" + grace.browser().cookie("JSESSIONID").orElseThrow().getValue();
        try (ServerLog log = ServerLog.capture()) {
            // a handshake refused for its origin says why, not "Your account may not open this page."
            for (Refused refused : List.of(new Refused("/nothing-here", Socket.origin(uri()), "", 404, "text/html", ""),
                    new Refused("/ws/control?invitee=" + grace.cid(), "http://elsewhere.example", "", 403, "text/html",
                            "chat and presence sockets: its origin is neither"),
                    new Refused("/ws/client", "http://elsewhere.example", session, 403, "text/html",
                            "socket opens only from Parley"),
                    new Refused("/ws/client", Socket.origin(uri()), "", 401, "text/plain", "Sign in first"))) {
                RawHttpAnswer answer = raw(("GET " + refused.target() + " HTTP/1.1\r\n" + handshake + refused.origin()
                        + refused.cookie() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                String what = refused.target() + " answered\n" + answer.head();
                assertEquals(refused.status(), answer.status(), what);
                assertTrue(answer.header("Content-Type").startsWith(refused.type()), what);
                assertEquals("close", answer.header("Connection"), what);
                assertTrue(answer.header("Transfer-Encoding").equalsIgnoreCase("chunked")
                        || answer.header("Content-Length").equals(String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length)),
                        "its length or its chunks: " + what);
                assertFalse(answer.body().isBlank(), what);
                assertTrue(answer.body().contains(refused.says()), what + answer.body());
                assertFalse(answer.body().contains("Your account may not open this page"), what + answer.body());
            }
            assertEquals(List.of(), log.problems(), "nothing at SEVERE or WARNING");
        }
    }

    /**
     * Every {@code 401} is worded by Parley, with the challenge that says how to authenticate: a member's socket opened
     * without a session or a token, an access token that is not valid on a socket, on a page or below {@code /oauth/}.
     * The container answered each with its own HTML error page ("Payara Micro - Error report", "This request requires
     * HTTP authentication"), and the socket opened without any credential with no {@code WWW-Authenticate} at all.
     */
    @Test
    void aRequestRefused401IsAnsweredInParleysWordsWithItsChallenge() {
        var grace = Accounts.sharingMember(base, "unauthorized", "Grace Unauthorized");
        String host = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n";
        String handshake = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nOrigin: " + Socket.origin(uri()) + "\r\n";
        String invalid = "Bearer realm=\"parley\", error=\"invalid_token\"";
        String onASocket = "The access token in the Authorization header is unknown, expired or revoked, or not the desktop"
                + " client's, the only kind this socket takes; get a new one, or open the socket signed in.";
        String elsewhere = "The access token in the Authorization header is unknown, expired or revoked (and here a valid one"
                + " opens nothing: pages take a signed-in session); send the request without it.";
        try (ServerLog log = ServerLog.capture()) {
            RawHttpAnswer bare = raw(("GET /ws/client HTTP/1.1\r\n" + host + handshake + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(401, bare.status(), bare.head());
            assertEquals("Bearer realm=\"parley\"", bare.header("WWW-Authenticate"), bare.head());
            assertEquals("Sign in first: this socket opens for a signed-in member's session (the web console) or an access"
                    + " token of the desktop client (Authorization: Bearer).\n", bare.body());

            // an unknown token, and a valid one of a site (not the desktop client's): neither opens a socket
            String siteToken = DelegatedAuthenticationIT.siteTokens(base, "Unauthorized wiki", grace.username(), "presence")
                    .getString("access_token");
            for (String token : List.of("not-a-token", siteToken)) {
                for (String socket : List.of("/ws/client", "/ws/control?invitee=" + grace.cid())) {
                    RawHttpAnswer answer = raw(("GET " + socket + " HTTP/1.1\r\n" + host + handshake + "Authorization: Bearer " + token
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    assertEquals(401, answer.status(), socket + ": " + answer.head());
                    assertEquals(invalid, answer.header("WWW-Authenticate"), socket);
                    assertEquals(onASocket + "\n", answer.body(), socket);
                }
            }
            for (String page : List.of("/settings", "/people/unauthorized", "/embed/presence.js")) {
                RawHttpAnswer answer = raw(("GET " + page + " HTTP/1.1\r\n" + host + "Authorization: Bearer not-a-token\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                assertEquals(401, answer.status(), page + ": " + answer.head());
                assertEquals(invalid, answer.header("WWW-Authenticate"), page);
                assertEquals("text/plain;charset=UTF-8", answer.header("Content-Type"), page + ": " + answer.head());
                assertEquals(elsewhere + "\n", answer.body(), page);
            }
            RawHttpAnswer oauth = raw(("GET /oauth/token HTTP/1.1\r\n" + host + "Authorization: Bearer not-a-token\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(401, oauth.status(), oauth.head());
            assertEquals(invalid, oauth.header("WWW-Authenticate"), oauth.head());
            JsonObject error = Json.createReader(new StringReader(oauth.body())).readObject();
            assertEquals("invalid_token", error.getString("error"), oauth.body());
            assertEquals(elsewhere, error.getString("error_description"));

            RawHttpAnswer direct = rawGet("/unauthorized");
            assertEquals(404, direct.status(), "the answers' own address is none a client opens: " + direct.head());
            assertEquals(List.of(), log.problems(), "nothing at SEVERE or WARNING");
        }
    }

    /**
     * Bytes sent with a WebSocket handshake's head, before its answer — a request pipelined after an upgrade header, to
     * a page or to a WebSocket address, or a frame — get 400 in words, and the peer's next connection is served: the
     * frame checks took them for frames, and the peer got a close frame (1002, "frames from a client must be masked") on
     * a connection never upgraded, and no answer.
     */
    @Test
    void bytesSentWithAWebSocketHandshakesHeadGet400InWordsNotACloseFrame() throws Exception {
        var grace = Accounts.sharingMember(base, "handshakebytes", "Grace Handshake");
        String handshake = "Host: " + base.getHost() + ":" + base.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade"
                + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: " + Socket.origin(uri())
                + "\r\n\r\n";
        String pipelined = "GET /health/ready HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n\r\n";
        String says = "bytes came after a WebSocket handshake, before its answer; a client sends nothing more until the server"
                + " has answered 101 (RFC 6455 §4.1)";
        try (ServerLog log = ServerLog.capture()) {
            for (String target : List.of("/signin", "/ws/presence", "/users/" + grace.cid() + "/presence")) {
                for (byte[] after : List.of(pipelined.getBytes(StandardCharsets.ISO_8859_1), masked(0x9, new byte[4]))) {
                    RawHttpAnswer answer = raw(concat(("GET " + target + " HTTP/1.1\r\n" + handshake)
                            .getBytes(StandardCharsets.ISO_8859_1), after));
                    assertAnswer(target, answer, 400, target.startsWith("/users/") ? Format.PRESENCE : Format.TEXT, says);
                }
            }
            assertEquals(List.of(), log.problems(), "nothing at SEVERE or WARNING");
        }
        try (java.net.Socket polite = rawWebSocket()) {
            byte[] head = polite.getInputStream().readNBytes(2);
            assertTrue(new String(polite.getInputStream().readNBytes(head[1]), StandardCharsets.UTF_8).contains("\"ready\""));
        }
        assertAnswer("presence afterwards", rawGet("/users/" + grace.cid() + "/presence"), 200, Format.PRESENCE, "Success");
    }

    /** A request line that says HTTP/2.0 gets 505 in the endpoint's own words: the codec served it as HTTP/1.1. */
    @Test
    void aRequestLineOfHttp2Gets505InTheEndpointsOwnWords() {
        var grace = Accounts.sharingMember(base, "versionline", "Grace Version");
        String says = "Parley speaks HTTP/1.1 on this port, not HTTP/2 in clear text.";
        for (String target : List.of("/signin", "/users/" + grace.cid() + "/presence")) {
            RawHttpAnswer answer = raw(("GET " + target + " HTTP/2.0\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertAnswer(target, answer, 505, target.equals("/signin") ? Format.TEXT : Format.PRESENCE, says);
        }
        assertAnswer("presence afterwards", rawGet("/users/" + grace.cid() + "/presence"), 200, Format.PRESENCE, "Success");
    }

    /**
     * Several hundred hostile HTTP requests, generated from hostile paths, queries, headers and
     * bodies across the endpoints: each gets its specific 4xx in the endpoint's own format, none
     * leaves a server error in the log, and afterwards the Presence API and a conversation work.
     */
    @Test
    void aGeneratedHostileHttpCorpusGetsTheRightAnswersAndParleyStillWorks() {
        var grace = Accounts.sharingMember(base, "httpcorpus", "Grace Corpus");
        List<HostileHttpCorpus.Case> corpus = new ArrayList<>();
        corpus.addAll(HostileHttpCorpus.badPaths(grace.cid()));
        corpus.addAll(HostileHttpCorpus.badQueries(grace.cid()));
        corpus.addAll(HostileHttpCorpus.badHeaders(grace.cid()));
        corpus.addAll(HostileHttpCorpus.badHosts(grace.cid(), base.getHost() + ":" + base.getPort()));
        corpus.addAll(HostileHttpCorpus.badHandshakes(grace.cid()));
        corpus.addAll(HostileHttpCorpus.badMethods(grace.cid()));
        corpus.addAll(HostileHttpCorpus.badBodies());
        corpus.addAll(HostileHttpCorpus.badForms());
        corpus.addAll(HostileHttpCorpus.missingResources());
        assertTrue(corpus.size() > 500, "a corpus of " + corpus.size());
        try (ServerLog log = ServerLog.capture()) {
            List<String> wrong = new ArrayList<>();
            for (HostileHttpCorpus.Case hostile : corpus) {
                RawHttpAnswer answer = raw(hostile.bytes(base.getHost() + ":" + base.getPort()));
                String problem = mismatch(hostile, answer);
                if (problem != null) {
                    wrong.add(hostile.what() + ": " + problem + "\n    " + answer);
                }
            }
            assertEquals("", String.join("\n", wrong), wrong.size() + " of " + corpus.size() + " hostile requests got a wrong answer");

            postSignIn(new Browser(base), uri(), "bogus");
            log.await(1, record -> record.contains(EXPIRED_VIEW_LOGGED), Socket.WAIT, "the expired form at INFO");
            assertEquals(List.of(), log.problems(), "hostile requests are no server errors: nothing at SEVERE or WARNING");
        }

        RawHttpAnswer presence = rawGet("/users/" + grace.cid() + "/presence");
        assertAnswer("presence afterwards", presence, 200, Format.PRESENCE, "Success");
        try (Socket console = console(grace); Socket visitor = visitor(grace)) {
            stillTalking(visitor, console, startConversation(visitor, console));
        }
    }

    /** Why {@code answer} is not what {@code hostile} must get, or null when it is. */
    private static String mismatch(HostileHttpCorpus.Case hostile, RawHttpAnswer answer) {
        if (answer.status() != hostile.status()) {
            return "status " + answer.status() + ", not " + hostile.status();
        }
        if (answer.status() == 405 && answer.header("Allow").isBlank()) {
            return "a 405 that does not say which methods are taken (Allow)";
        }
        String type = answer.header("Content-Type").split(";")[0].trim();
        try {
            switch (hostile.format()) {
                case PRESENCE -> {
                    JsonObject result = Json.createReader(new StringReader(answer.body())).readObject().getJsonObject("result");
                    if (!type.equals("application/json") || result.getInt("code") != hostile.status()
                            || !result.getString("response").contains(hostile.says())) {
                        return "not the Presence API's " + hostile.status() + " saying '" + hostile.says() + "'";
                    }
                }
                case OAUTH -> {
                    JsonObject error = Json.createReader(new StringReader(answer.body())).readObject();
                    String[] says = hostile.says().split(": ", 2);
                    if (!type.equals("application/json") || !error.getString("error").equals(says[0])
                            || error.getString("error_description", "").isBlank()
                            || says.length > 1 && !error.getString("error_description").contains(says[1])) {
                        return "not OAuth's " + hostile.says();
                    }
                }
                case TEXT -> {
                    if (!type.equals("text/plain") || !answer.body().contains(hostile.says())) {
                        return "not plain text saying '" + hostile.says() + "'";
                    }
                }
                case PAGE -> {
                    if (!type.equals("text/html") && !type.equals("application/xhtml+xml") || !answer.body().contains(hostile.says())) {
                        return "not a page saying '" + hostile.says() + "'";
                    }
                }
            }
        } catch (RuntimeException e) {
            return "unreadable: " + e;
        }
        return null;
    }

    /** {@code GET target} written as it is: {@link URI} refuses malformed escapes, so this does not use it. */
    private RawHttpAnswer rawGet(String target) {
        return raw(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes {@code request} on a connection of its own and reads the answer until Parley closes it. */
    private RawHttpAnswer raw(byte[] request) {
        return raw(null, request);
    }

    /**
     * Writes {@code request} on a connection of its own from the loopback address {@code from} (or the default one, for
     * {@code null}) and reads the answer until Parley closes it.
     */
    private RawHttpAnswer raw(String from, byte[] request) {
        try (java.net.Socket connection = new java.net.Socket()) {
            if (from != null) {
                connection.bind(new java.net.InetSocketAddress(from, 0));
            }
            connection.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
            connection.setSoTimeout((int) Socket.WAIT.toMillis());
            OutputStream out = connection.getOutputStream();
            out.write(request);
            out.flush();
            return RawHttpAnswer.of(connection.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
