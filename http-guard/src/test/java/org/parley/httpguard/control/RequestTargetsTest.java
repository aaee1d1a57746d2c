package org.parley.httpguard.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestTargetsTest {

    @Test
    void pathsParleyServesPass() {
        for (String path : List.of("/", "/users/3F2A9C41D07B55E1@intranet/presence", "/users/3F2A%40intranet/presence",
                "/people/ren%C3%A9e", "/people/%E2%80%AEnobody", "/console", "/ws/control", "/signin;jsessionid=1",
                "/icons/presence/online.svg", "/people/%F0%9F%98%80")) {
            assertEquals(Optional.empty(), RequestTargets.problem(path), path);
        }
    }

    @Test
    void aTargetThatIsNoPathNorAnAbsoluteUrlIsRefusedInWords() {
        for (String target : List.of("users", "?x", "127.0.0.1:8080", "users/1/presence", "%2Fusers", "", "ftp://host/")) {
            assertEquals(Optional.of(RequestTargets.NOT_A_PATH), RequestTargets.problem(target), target);
        }
        for (String target : List.of("http://parley.example/users/1/presence", "HTTPS://parley.example/", "*")) {
            assertEquals(Optional.empty(), RequestTargets.problem(target), target);
        }
    }

    @Test
    void theServersOwnEndpointsAreTheirRootsAndWhatLiesUnderThemHoweverSpelled() {
        // the container decodes escapes and drops parameters and empty segments before it finds the servlet
        for (String path : List.of("/openapi", "/openapi/", "/health", "/health/ready", "/health/live", "/metrics",
                "/metrics/base", "/health;x", "/%68ealth", "//health", "/health/", "/;x/health", "/openapi;v=1/", "/%6Detrics")) {
            assertTrue(RequestTargets.serverEndpoint(path), path);
        }
        for (String path : List.of("/", "/openapix", "/healthy", "/metricsx", "/api/openapi", "/people/health", "/oauth/token",
                "/Health", "/healthy;x", "/%68ealthy")) {
            assertFalse(RequestTargets.serverEndpoint(path), path);
        }
    }

    @Test
    void anyExpectationBut100ContinueIsUnmet() {
        for (List<String> values : List.of(List.<String>of(), List.of("100-continue"), List.of("100-Continue"),
                List.of(" 100-continue "), List.of("100-continue", "100-continue"), List.of(""))) {
            assertFalse(RequestTargets.unmetExpectation(values), values.toString());
        }
        for (List<String> values : List.of(List.of("foo"), List.of("100-continue, foo"), List.of("100-continue", "bar=1"),
                List.of("200-ok"), List.of("100-continue;x=1"))) {
            assertTrue(RequestTargets.unmetExpectation(values), values.toString());
        }
    }

    @Test
    void anAddressBelowTheServersOwnEndpointsThatIsNoneOfTheirsIsToldHoweverItIsSpelled() {
        String openApi = "the OpenAPI description is at /openapi";
        String health = "the health checks are at /health, /health/live, /health/ready and /health/started";
        for (String path : List.of("/openapi/application.wadl", "/openapi/application.wadl/", "/openapi/application.wadl;x",
                "/openapi/x/y", "//openapi//x", "/openapi;v=1/x", "/%6Fpenapi/x", "/openapi/%61pplication.wadl", "/;x/openapi/x",
                "/openapi;v=1", "//openapi")) {
            assertEquals(Optional.of(openApi), RequestTargets.misnamedServerAddress(path), path);
        }
        for (String path : List.of("/health/live/", "/health;x/ready", "/health/READY", "/health/anything", "/%68ealth/ready",
                "/health/ready;x", "//health", "/health//ready", "/health/started/", "/health/live/x", "/health;x")) {
            assertEquals(Optional.of(health), RequestTargets.misnamedServerAddress(path), path);
        }
        for (String path : List.of("/openapi", "/openapi/", "/health", "/health/", "/health/live", "/health/ready", "/health/started",
                "/openapix/y", "/healthy/x", "/api/openapi/x", "/users/health/presence", "/people/health", "/OpenAPI/x", "/metrics/x",
                "/", "/signin")) {
            assertEquals(Optional.empty(), RequestTargets.misnamedServerAddress(path), path);
        }
    }

    @Test
    void aBodyIsReadInChunksAloneRefusedWhenItsEndCannotBeToldAndNotDecodedInAnyOtherCoding() {
        for (List<String> codings : List.of(List.<String>of(), List.of("chunked"), List.of("Chunked"), List.of(" CHUNKED "),
                List.of("chunked,"), List.of(", chunked"), List.of("", "chunked"))) {
            assertEquals(RequestTargets.Framing.READABLE, RequestTargets.transferCodings(codings, true), codings.toString());
        }
        // RFC 9112 §6.3: chunked not last, or applied twice, leaves the body's end unknown: 400
        for (List<String> codings : List.of(List.of("gzip"), List.of("chunked, gzip"), List.of("chunked", "gzip"),
                List.of("chunked", "chunked"), List.of("chunked, chunked"), List.of("identity"), List.of(""), List.of(" , "),
                List.of("x-custom"), List.of("chunked;q=1"), List.of("chunked, gzip, chunked"))) {
            assertEquals(RequestTargets.Framing.UNREADABLE, RequestTargets.transferCodings(codings, true), codings.toString());
        }
        // §6.1: HTTP/1.0 has no transfer codings: any is faulty framing
        assertEquals(RequestTargets.Framing.READABLE, RequestTargets.transferCodings(List.of(), false));
        assertEquals(RequestTargets.Framing.UNREADABLE, RequestTargets.transferCodings(List.of("chunked"), false));
        // §6.1: chunked last with a coding before it that Parley does not know: 501
        for (List<String> codings : List.of(List.of("gzip, chunked"), List.of("gzip", "chunked"), List.of("deflate, chunked"))) {
            assertEquals(RequestTargets.Framing.NOT_DECODED, RequestTargets.transferCodings(codings, true), codings.toString());
        }
    }

    @Test
    void aBodyInAnyContentCodingButIdentityIsOne() {
        for (List<String> codings : List.of(List.<String>of(), List.of("identity"), List.of("Identity", " identity "),
                List.of(""), List.of("identity,"))) {
            assertFalse(RequestTargets.contentCoding(codings), codings.toString());
        }
        for (List<String> codings : List.of(List.of("gzip"), List.of("br"), List.of("identity, gzip"), List.of("identity", "x"),
                List.of("deflate"), List.of(", gzip"))) {
            assertTrue(RequestTargets.contentCoding(codings), codings.toString());
        }
    }

    @Test
    void hostsWithOrWithoutAPortPass() {
        for (String host : List.of("localhost", "localhost:8080", "127.0.0.1:8080", "parley.corp.example", "my_host.corp",
                "xn--bcher-kva.example", "[::1]", "[::1]:8080", "[2001:db8::7]:80", "PARLEY:80", "host:", "a%41b")) {
            assertEquals(Optional.empty(), RequestTargets.hostProblem(host), host);
        }
    }

    @Test
    void aHostThatIsNoHostIsRefused() {
        for (String host : List.of("", ":8080", "a b", "x@evil.example", "evil.example/../x", "127.0.0.1:abc", "[::1",
                "[::1]x", "[]", "[evil]", "<script>", "\"quoted\"", "evil.example\tx", "h\u00e9te", "a%zz", "host:80:80",
                "a\\b")) {
            assertEquals(Optional.of(RequestTargets.HOST), RequestTargets.hostProblem(host), host);
        }
    }

    @Test
    void aPercentNotFollowedByTwoHexDigitsIsMalformed() {
        for (String path : List.of("/%zz", "/%", "/%%", "/%4", "/users/%zz/presence", "/ws/%zz", "/a%g0", "/%%41", "/x%")) {
            assertEquals(Optional.of(RequestTargets.MALFORMED_ESCAPE), RequestTargets.problem(path), path);
        }
    }

    @Test
    void escapesThatAreNotUtf8AreRefused() {
        // overlong, truncated, a lone surrogate written as CESU-8, a stray continuation byte, raw Latin-1
        for (String path : List.of("/console/%e0%80", "/console/%C0%AF", "/%ED%A0%80", "/people/%80", "/people/%FF",
                "/people/\u00e9")) {
            assertEquals(Optional.of(RequestTargets.NOT_UTF8), RequestTargets.problem(path), path);
        }
    }

    @Test
    void controlCharactersAreRefusedEscapedOrNot() {
        for (String path : List.of("/%00", "/people/a%0Ab", "/%7F", "/%C2%85", "/people/a\u0001")) {
            assertEquals(Optional.of(RequestTargets.CONTROL_CHARACTER), RequestTargets.problem(path), path);
        }
    }

    @Test
    void dotSegmentsAreRefusedEscapedOrNotWhereverTheyAre() {
        // Grizzly's decoder wrote past the decoded path when it ended in one (an empty 200 and a SEVERE line)
        for (String path : List.of("/.", "/..", "/people/x/..", "/users/x/presence/.", "/a/../b", "/../x", "/%2e", "/%2E%2e",
                "/.%2e/x", "/a/..%2f..%2fx", "/a/..;x/b", "/.;/WEB-INF/web.xml", "/a/.;jsessionid=1", "//..")) {
            assertEquals(Optional.of(RequestTargets.DOT_SEGMENT), RequestTargets.problem(path), path);
        }
        for (String path : List.of("/a.", "/.a", "/a..b/c", "/...", "/.../x", "/people/j.doe", "/icons/x.svg", "/a/.x;y")) {
            assertEquals(Optional.empty(), RequestTargets.problem(path), path);
        }
    }

    @Test
    void backslashesAreRefusedEscapedOrNot() {
        for (String path : List.of("/a\\b", "/a%5cb", "/a%5C..%5C..%5Cx", "/\\")) {
            assertEquals(Optional.of(RequestTargets.BACKSLASH), RequestTargets.problem(path), path);
        }
    }

    @Test
    void theRefusalSpeaksTheEndpointsLanguage() {
        Refusal presence = Refusal.of("/users/%zz/presence", RequestTargets.MALFORMED_ESCAPE);
        assertEquals("application/json;charset=UTF-8", presence.contentType());
        assertEquals("{\"result\":{\"code\":400,\"response\":\"Bad request: " + RequestTargets.MALFORMED_ESCAPE + ".\"}}",
                presence.body());
        assertEquals("*", presence.headers().get("Access-Control-Allow-Origin"));

        Refusal oauth = Refusal.of("/oauth/%zz", RequestTargets.MALFORMED_ESCAPE);
        assertTrue(oauth.body().startsWith("{\"error\":\"invalid_request\",\"error_description\":\"Bad request: "), oauth.body());
        assertEquals("no-store", oauth.headers().get("Cache-Control"));

        assertEquals("application/json;charset=UTF-8", Refusal.of("/api/visitor-tickets%zz", RequestTargets.NOT_UTF8).contentType());
        assertEquals("text/plain;charset=UTF-8", Refusal.of("/oauth/authorize/%zz", RequestTargets.NOT_UTF8).contentType(),
                "the consent page is a page");

        Refusal page = Refusal.of("/%zz", RequestTargets.MALFORMED_ESCAPE);
        assertEquals("text/plain;charset=UTF-8", page.contentType());
        assertEquals("Bad request: " + RequestTargets.MALFORMED_ESCAPE + ".\n", page.body());
    }

    @Test
    void theRefusalOfAnAddressWithTooManyAnswersWaitingIs429WithRetryAfterInTheEndpointsLanguage() {
        Refusal presence = Refusal.tooManyWaiting("/users/abc/presence");
        assertEquals(429, presence.status());
        assertEquals("Too Many Requests", presence.reasonPhrase());
        assertTrue(presence.body().startsWith("{\"result\":{\"code\":429,\"response\":\"Too many answers are waiting"),
                presence.body());
        assertEquals("*", presence.headers().get("Access-Control-Allow-Origin"));
        assertEquals("60", presence.headers().get("Retry-After"));

        Refusal token = Refusal.tooManyWaiting("/oauth/token");
        assertTrue(token.body().startsWith("{\"error\":\"temporarily_unavailable\",\"error_description\":\"Too many"), token.body());
        assertEquals("60", token.headers().get("Retry-After"));
        assertEquals("no-store", token.headers().get("Cache-Control"));

        Refusal page = Refusal.tooManyWaiting("/signin");
        assertEquals("text/plain;charset=UTF-8", page.contentType());
        assertEquals("Too many answers are waiting for your address to take them; try again in a minute.\n", page.body());
        assertEquals(400, Refusal.of("/%zz", RequestTargets.MALFORMED_ESCAPE).status());
        assertEquals("Bad Request", Refusal.of("/%zz", RequestTargets.MALFORMED_ESCAPE).reasonPhrase());
    }
}
