package org.parley.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What the guard may answer itself: only requests whose query and Host the servlet would read the same way. */
class PresenceDirectAnswersTest {

    @Test
    void aPlainQueryGivesTheFirstCallbackAndMarketAndIgnoresTheRest() {
        assertEquals(new PresenceDirectAnswers.Query(null, null), PresenceDirectAnswers.query(null));
        assertEquals(new PresenceDirectAnswers.Query(null, null), PresenceDirectAnswers.query(""));
        assertEquals(new PresenceDirectAnswers.Query("show_1", "de-DE"), PresenceDirectAnswers.query("mkt=de-DE&cb=show_1&cb=other&v=2"));
        assertEquals(new PresenceDirectAnswers.Query("", null), PresenceDirectAnswers.query("cb="), "an empty callback is refused by the reply, as by the servlet");
    }

    @Test
    void anythingButPlainNameValuePairsIsLeftToTheContainer() {
        assertNull(PresenceDirectAnswers.query("cb=%41"));
        assertNull(PresenceDirectAnswers.query("cb=a+b"));
        assertNull(PresenceDirectAnswers.query("cb"));
        assertNull(PresenceDirectAnswers.query("cb=a&&mkt=en-US"));
        assertNull(PresenceDirectAnswers.query("cb=<script>"));
        assertNull(PresenceDirectAnswers.query("mkt=de-DE&x=\u00e9"));
    }

    @Test
    void theBaseIsTheAddressAsWrittenWithoutTheSchemesOwnPort() {
        assertEquals("http://intranet/", PresenceDirectAnswers.base("http", "intranet", ""));
        assertEquals("http://intranet/", PresenceDirectAnswers.base("http", "intranet:80", ""));
        assertEquals("https://intranet:80/parley/", PresenceDirectAnswers.base("https", "intranet:80", "/parley"));
        assertEquals("https://chat.example.org/", PresenceDirectAnswers.base("https", "chat.example.org:443", ""));
        assertEquals("http://127.0.0.1:8080/", PresenceDirectAnswers.base("http", "127.0.0.1:8080", ""));
        assertEquals("http://[::1]:8080/", PresenceDirectAnswers.base("http", "[::1]:8080", ""));
        assertEquals("http://[::1]/", PresenceDirectAnswers.base("http", "[::1]", ""));
    }

    @Test
    void aMissingOrUnusualHostIsLeftToTheContainer() {
        assertNull(PresenceDirectAnswers.base("http", null, ""));
        assertNull(PresenceDirectAnswers.base("http", "", ""));
        assertNull(PresenceDirectAnswers.base("http", "intranet:", ""));
        assertNull(PresenceDirectAnswers.base("http", "evil\"><script>", ""));
        assertNull(PresenceDirectAnswers.base("http", "user@intranet", ""));
        assertNull(PresenceDirectAnswers.base("http", "intranet:123456", ""));
    }
}
