package org.parley.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntranetOriginsTest {

    @Test
    void entriesAreTrimmedLowerCasedAndWithoutATrailingSlash() {
        assertEquals(Set.of("https://portal.example", "http://127.0.0.1:28765"),
                IntranetOrigins.of(List.of(" HTTPS://Portal.Example/ ", "http://127.0.0.1:28765")));
    }

    @Test
    void theSchemesDefaultPortIsDroppedAsABrowsersOriginDropsIt() {
        assertEquals(Set.of("https://e.example", "http://c.example", "http://[::1]", "https://d.example:80",
                        "http://f.example:443", "http://g.example:8080"),
                IntranetOrigins.of(List.of("https://e.example:443", "http://c.example:80/", "http://[::1]:80",
                        "https://d.example:80", "http://f.example:443", "http://g.example:8080")));
    }

    @Test
    void anEntryNoBrowsersOriginCanEqualCountsForNothing() {
        assertEquals(Set.of(), IntranetOrigins.of(List.of("http://a.example:99999", "http://b.example:0",
                "http://c.example:0080", "http://f.example:65536", "http://1.2.3.4.5", "http://256.1.1.1",
                "http://01.2.3.4", "http://" + "x".repeat(64) + ".example", "http://host.123")));
        assertEquals(Set.of("http://a.example:65535", "http://10.0.0.1:1", "http://" + "x".repeat(63) + ".example",
                        "http://0.0.0.0", "http://host-1.example2"),
                IntranetOrigins.of(List.of("http://a.example:65535", "http://10.0.0.1:1", "http://" + "x".repeat(63)
                        + ".example", "http://0.0.0.0", "http://host-1.example2")));
    }

    @Test
    void onlyPlainOriginsCount() {
        assertEquals(Set.of(), IntranetOrigins.of(List.of("*", "https://evil.example; script-src *",
                "javascript:alert(1)", "https://intranet.example/path", "", "ftp://files.example")));
    }
}
