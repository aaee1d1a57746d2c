package org.parley.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedirectUrisTest {

    private static final String PARLEY = "https://parley.intranet";

    @Test
    void aRegisteredUrlMatchesExactlyOnly() {
        List<String> registered = List.of("https://wiki.intranet/parley/callback");
        assertTrue(RedirectUris.registered(registered, "https://wiki.intranet/parley/callback", PARLEY));
        assertFalse(RedirectUris.registered(registered, "https://wiki.intranet/parley/callback/", PARLEY));
        assertFalse(RedirectUris.registered(registered, "https://wiki.intranet/parley/callback?x=1", PARLEY));
        assertFalse(RedirectUris.registered(registered, "http://wiki.intranet/parley/callback", PARLEY));
        assertFalse(RedirectUris.registered(registered, "https://wiki.intranet.evil.example/parley/callback", PARLEY));
        assertFalse(RedirectUris.registered(registered, "https://wiki.intranet/parley/callback#x", PARLEY));
        assertFalse(RedirectUris.registered(registered, null, PARLEY));
    }

    @Test
    void aPathMeansParleysOwnPage() {
        List<String> registered = List.of("/settings/permission-token");
        assertTrue(RedirectUris.registered(registered, PARLEY + "/settings/permission-token", PARLEY));
        assertFalse(RedirectUris.registered(registered, "https://evil.example/settings/permission-token", PARLEY));
    }

    @Test
    void aLoopbackRedirectMatchesAnyPort() {
        List<String> registered = List.of("http://127.0.0.1/");
        assertTrue(RedirectUris.registered(registered, "http://127.0.0.1:49152/callback", PARLEY));
        assertTrue(RedirectUris.registered(registered, "http://127.0.0.1:8/", PARLEY));
        assertFalse(RedirectUris.registered(registered, "http://127.0.0.1/callback", PARLEY), "a port is required");
        assertFalse(RedirectUris.registered(registered, "https://127.0.0.1:443/callback", PARLEY));
        assertFalse(RedirectUris.registered(registered, "http://localhost:49152/callback", PARLEY));
        assertFalse(RedirectUris.registered(registered, "http://127.0.0.2:49152/callback", PARLEY));
    }

    @Test
    void aLoopbackRedirectsPortIsOneASocketCanHaveWrittenPlainly() {
        List<String> registered = List.of("http://127.0.0.1/", "http://[::1]/");
        assertTrue(RedirectUris.registered(registered, "http://127.0.0.1:65535/", PARLEY));
        assertTrue(RedirectUris.registered(registered, "http://[::1]:5555/callback", PARLEY));
        for (String beyond : List.of("http://127.0.0.1:99999/", "http://127.0.0.1:65536/", "http://127.0.0.1:005555/",
                "http://[::1]:99999/", "http://[::1]:05555/", "http://127.0.0.1:0/")) {
            assertFalse(RedirectUris.registered(registered, beyond, PARLEY), beyond);
        }
    }

    @Test
    void aUrlOnAPortNoSocketHasOrWithRawCharactersOutsideAsciiIsNone() {
        for (String url : List.of("http://app.example:99999/cb", "https://app.example:0/p", "https://app.example:0443/p",
                "https://app.example:/p", "https://app.example/p\u202E", "https://app.example/caf\u00E9",
                "https://app.example/a b", "https://app.example/\u0007")) {
            assertEquals(Optional.empty(), RedirectUris.parse(url), url);
        }
        for (String url : List.of("https://app.example:443/cb", "http://app.example:65535/cb", "https://app.example/caf%C3%A9",
                "http://[::1]:8080/cb", "https://xn--caf-dma.example/")) {
            assertEquals(url, RedirectUris.parse(url).orElseThrow().toString(), url);
        }
    }

    @Test
    void userInfoAndOtherSchemesAreNotUrlsToRedirectTo() {
        assertEquals(Optional.empty(), RedirectUris.parse("https://user@wiki.intranet/"));
        assertEquals(Optional.empty(), RedirectUris.parse("javascript:alert(1)"));
        assertEquals(Optional.empty(), RedirectUris.parse("/relative"));
        assertEquals(Optional.of("https://wiki.intranet:8443"), RedirectUris.origin("https://Wiki.Intranet:8443/a?b"));
    }
}
