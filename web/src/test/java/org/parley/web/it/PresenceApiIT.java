package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Presence API over HTTP: every answer and code of SPEC.md §3. */
class PresenceApiIT extends ParleyDeployment {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path.substring(1)));
            headers.forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void aSharingMembersPresenceInTheWindowsLiveShape() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        HttpResponse<String> offline = get("/users/" + ada.cid() + "@intranet/presence");
        assertEquals(200, offline.statusCode());
        JsonObject answer = json(offline);
        assertEquals("Offline", answer.getString("status"));
        assertEquals("Ada Lovelace", answer.getString("displayName"));
        assertTrue(answer.getString("id").startsWith(ada.cid() + "@"));
        assertEquals(16, answer.getJsonObject("icon").getInt("width"));
        assertTrue(answer.getJsonObject("icon").getString("url").endsWith("/icons/presence/offline.svg"));
        assertEquals(200, answer.getJsonObject("result").getInt("code"));
        assertEquals("Success", answer.getJsonObject("result").getString("response"));
        assertEquals("*", offline.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(offline.headers().firstValue("Cache-Control").orElse("").contains("max-age=5"));

        try (Socket console = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            console.next("welcome");
            console.send(Socket.frame("presence").add("status", "BeRightBack"));
            console.next("presence", f -> "BeRightBack".equals(f.getString("status")));
            JsonObject german = json(get("/users/" + ada.cid() + "/presence?mkt=de-AT"));
            assertEquals("BeRightBack", german.getString("status"));
            assertEquals("Bin gleich zurück", german.getString("statusText"));
            // the answer asked for first, while she was offline, is not served again now that she is back
            JsonObject again = json(get("/users/" + ada.cid() + "@intranet/presence"));
            assertEquals("BeRightBack", again.getString("status"));
            assertEquals("Be right back", again.getString("statusText"));
            assertTrue(again.getJsonObject("icon").getString("url").endsWith("/icons/presence/be-right-back.svg"));
            HttpResponse<String> icon = get("/users/" + ada.cid() + "/presenceimage");
            assertTrue(icon.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
            assertTrue(icon.body().contains("be right back"), "the icon of the member's status: " + icon.body());
        }
        assertEquals(200, get("/users/" + ada.cid() + "/presence").statusCode());
        Browser.Page unshared = ada.browser().submit("settings", Map.of("webSharing", "off"), "save");
        assertTrue(unshared.messages().contains("Your settings are saved."), unshared.messages());
        assertEquals(404, get("/users/" + ada.cid() + "/presence").statusCode(), "no longer shared: the answer given before is not given again");
    }

    /**
     * An anonymous request is answered by Parley's HTTP guard in front of the web container (the
     * http-guard module's tests show it never reaches the container); one whose query has an escape
     * goes through the container: both give the same status, body and headers.
     */
    @Test
    void anonymousRequestsAreAnsweredInFrontOfTheContainerExactlyAsTheContainerWould() {
        var grace = Accounts.sharingMember(base, "grace", "Grace Hopper");
        for (String path : List.of("/users/" + grace.cid() + "/presence", "/users/" + grace.cid() + "@intranet/presence?mkt=de-DE",
                "/users/" + grace.cid() + "/presence?cb=show_1", "/users/" + grace.cid() + "/presence?cb=bad-name",
                "/users/" + grace.cid() + "/presenceimage", "/users/0000000000000000/presence")) {
            HttpResponse<String> direct = get(path);
            HttpResponse<String> container = get(path + (path.contains("?") ? "&" : "?") + "via=%63ontainer");
            assertEquals(container.statusCode(), direct.statusCode(), path);
            assertEquals(container.body(), direct.body(), path);
            for (String header : List.of("Content-Type", "Content-Length", "ETag", "Cache-Control", "Access-Control-Allow-Origin",
                    "X-Content-Type-Options", "Vary", "X-Frame-Options")) {
                assertEquals(container.headers().firstValue(header), direct.headers().firstValue(header), path + ": " + header);
            }
        }
        String tag = get("/users/" + grace.cid() + "/presence").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> unchanged = get("/users/" + grace.cid() + "/presence", Map.of("If-None-Match", tag));
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.body());
        assertEquals(tag, unchanged.headers().firstValue("ETag").orElse(null));
    }

    @Test
    void unknownNotSharingAndRotatedLookTheSame() {
        var rotated = Accounts.sharingMember(base, "rotated", "Rotated Member");
        String oldCid = rotated.cid();
        Browser admin = Accounts.admin(base);
        admin.open("/admin/members");
        String privateCid = new Browser(base).signIn(Accounts.newMember(base, "private", "Private", "a-good-password"),
                "a-good-password").value("#cid");
        assertEquals(200, get("/users/" + oldCid + "/presence").statusCode(), "shown before the new CID");
        rotateCid(admin, rotated.username());

        String unknown = get("/users/0123456789ABCDEF/presence").body();
        assertEquals(404, get("/users/0123456789ABCDEF/presence").statusCode());
        assertEquals(unknown, get("/users/" + privateCid + "/presence").body(), "not sharing");
        assertEquals(unknown, get("/users/" + oldCid + "/presence").body(), "rotated CID");
        assertEquals(unknown, get("/users/not-a-cid/presence").body());
        assertEquals(404, json(get("/users/" + privateCid + "/presence")).getJsonObject("result").getInt("code"));
        assertTrue(get("/users/" + privateCid + "/presenceimage").body().contains("offline"), "the offline icon");
    }

    /** An address below {@code /users/} that is none of the API's is its JSON 404, readable by the page that asked. */
    @Test
    void anAddressBelowUsersThatIsNoneOfTheApisIsItsJson404() {
        var ada = Accounts.sharingMember(base, "paths", "Ada Paths");
        for (String path : List.of("/users/", "/users/" + ada.cid(), "/users/" + ada.cid() + "/presence/",
                "/users/" + ada.cid() + "/status", "/users/" + ada.cid() + "/presence/x")) {
            HttpResponse<String> answer = get(path);
            assertEquals(404, answer.statusCode(), path);
            assertEquals("*", answer.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            assertEquals("There is no such endpoint.", json(answer).getJsonObject("result").getString("response"), path);
        }
    }

    @Test
    void jsonpNeedsAValidCallbackAndAlwaysAnswers200() {
        HttpResponse<String> jsonp = get("/users/0123456789ABCDEF/presence?cb=showPresence");
        assertEquals(200, jsonp.statusCode());
        assertTrue(jsonp.body().startsWith("showPresence({"), jsonp.body());
        assertTrue(jsonp.body().contains("\"code\":404"));
        assertTrue(jsonp.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
        assertEquals("nosniff", jsonp.headers().firstValue("X-Content-Type-Options").orElse(null));

        assertEquals(400, get("/users/0123456789ABCDEF/presence?cb=alert(document.cookie)").statusCode());
        assertEquals(400, get("/users/0123456789ABCDEF/presence?cb=" + "x".repeat(129)).statusCode());
    }

    @Test
    void anUnchangedAnswerIs304WithItsETag() {
        var grace = Accounts.sharingMember(base, "grace", "Grace Hopper");
        HttpResponse<String> first = get("/users/" + grace.cid() + "/presence");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/users/" + grace.cid() + "/presence", Map.of("If-None-Match", etag)).statusCode());
    }

    @Test
    void theBatchAnswersManyIdsInOrder() {
        var one = Accounts.sharingMember(base, "one", "First Member");
        var two = Accounts.sharingMember(base, "two", "Second Member");
        JsonArray all = Json.createReader(new StringReader(get("/api/presence?ids=" + one.cid() + ",0000000000000000,"
                + two.cid() + "@x").body())).readArray();
        assertEquals(3, all.size());
        assertEquals("First Member", all.getJsonObject(0).getString("displayName"));
        assertEquals(404, all.getJsonObject(1).getJsonObject("result").getInt("code"));
        assertEquals("Second Member", all.getJsonObject(2).getString("displayName"));
        assertEquals(400, get("/api/presence?ids=").statusCode());
        assertEquals(400, get("/api/presence?ids=" + "A,".repeat(201)).statusCode());
    }

    @Test
    void aBearerTokenWithPresenceLiftsTheSharingRequirement() {
        String username = Accounts.newMember(base, "hidden", "Hidden Member", "a-good-password");
        Browser member = new Browser(base);
        String cid = member.signIn(username, "a-good-password").value("#cid");
        assertEquals(404, get("/users/" + cid + "/presence").statusCode());

        String token = DelegatedAuthenticationIT.desktopTokens(base, username, "presence").getString("access_token");

        HttpResponse<String> seen = get("/users/" + cid + "/presence", Map.of("Authorization", "Bearer " + token));
        assertEquals(200, seen.statusCode(), seen.body());
        assertEquals("Hidden Member", json(seen).getString("displayName"));
        assertTrue(seen.headers().firstValue("Cache-Control").orElse("").contains("private"));

        // refused to any page that asked, as every answer of the API is readable by any page (CORS *), on both addresses,
        // with cb too: only a script can send a token, and a script reads the status (a JSONP tag sends none)
        for (String path : List.of("/users/" + cid + "/presence", "/users/" + cid + "/presence?cb=shown",
                "/api/presence?ids=" + cid, "/api/presence?ids=" + cid + "&cb=shown")) {
            HttpResponse<String> revoked = get(path, Map.of("Authorization", "Bearer not-a-token"));
            assertEquals(401, revoked.statusCode(), path);
            assertEquals("Bearer realm=\"parley\", error=\"invalid_token\"",
                    revoked.headers().firstValue("WWW-Authenticate").orElse(null), path);
            assertEquals("*", revoked.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
            assertEquals("invalid_token", json(revoked).getString("error"), path);
        }
    }

    private static void rotateCid(Browser admin, String username) {
        Browser.Page list = admin.open("/admin/members?q=" + username);
        for (org.jsoup.nodes.Element row : list.document().select("#list\\:members tbody tr")) {
            if (row.child(0).text().equals(username)) {
                String id = row.selectFirst("[id$=:rotate]").id();
                Browser.Page done = admin.submit("list", Map.of(), id.substring("list:".length()));
                assertTrue(done.messages().contains("new CID"), done.messages());
                return;
            }
        }
        throw new AssertionError(username + " is not listed");
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        HttpResponse<String> openapi = get("/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/users/{id}/presence"), openapi.body());
        assertTrue(openapi.body().contains("/api/presence"), openapi.body());
        assertTrue(openapi.body().contains("/oauth/token"), openapi.body());
    }
}
