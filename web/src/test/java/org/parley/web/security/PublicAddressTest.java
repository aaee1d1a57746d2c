package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicAddressTest {

    @Test
    void anOriginIsKeptAsABrowserWritesItsOrigin() {
        assertEquals("https://parley.example.com", PublicAddress.of("https://parley.example.com").origin());
        assertEquals("https://parley.example.com", PublicAddress.of(" HTTPS://Parley.Example.COM/ ").origin());
        assertEquals("https://parley.example.com", PublicAddress.of("https://parley.example.com:443").origin(),
                "the scheme's default port is dropped, as a browser's Origin drops it");
        assertEquals("http://parley.example.com", PublicAddress.of("http://parley.example.com:80/").origin());
        assertEquals("http://parley.example.com:8080", PublicAddress.of("http://parley.example.com:8080").origin());
        assertEquals("https://10.1.2.3:8443", PublicAddress.of("https://10.1.2.3:8443").origin());
        assertEquals("http://[::1]:8080", PublicAddress.of("http://[::1]:8080").origin());
    }

    @Test
    void unsetTakesWhateverHostARequestNames() {
        for (String unset : new String[] {null, "", "   "}) {
            PublicAddress address = PublicAddress.of(unset);
            assertFalse(address.isSet());
            assertNull(address.origin());
            assertTrue(address.addressed("anything.example"));
            assertTrue(address.addressed(null));
            assertTrue(address.sameOrigin("http://parley.local:8080", "parley.local:8080"));
            assertTrue(address.sameOrigin("https://parley.local:8080", "PARLEY.local:8080 "));
            assertFalse(address.sameOrigin("http://evil.example", "parley.local:8080"));
            assertFalse(address.sameOrigin("ftp://parley.local:8080", "parley.local:8080"));
            assertFalse(address.sameOrigin("http://parley.local:8080", null));
            assertFalse(address.sameOrigin("not a uri", "parley.local:8080"));
        }
    }

    @Test
    void setOnlyItsOwnHostIsAddressedAndOnlyItsOwnOriginIsSame() {
        PublicAddress address = PublicAddress.of("https://parley.example.com");
        assertTrue(address.isSet());
        for (String host : List.of("parley.example.com", "PARLEY.example.com", "parley.example.com:443", " parley.example.com ")) {
            assertTrue(address.addressed(host), host);
        }
        for (String host : List.of("evil.example", "parley.example.com.evil.example", "parley.example.com:8443",
                "parley.example.com:80", "127.0.0.1", "", "parley.example.com:443:443")) {
            assertFalse(address.addressed(host), host);
        }
        assertFalse(address.addressed(null), "a request naming no host");

        assertTrue(address.sameOrigin("https://parley.example.com", "evil.example"), "the setting decides, not the Host");
        assertFalse(address.sameOrigin("http://parley.example.com", "parley.example.com"), "another scheme is another origin");
        assertFalse(address.sameOrigin("https://evil.example", "evil.example"),
                "a page whose Host and Origin both name its own site (DNS rebinding) is not Parley's");

        PublicAddress withPort = PublicAddress.of("http://parley.local:8080");
        assertTrue(withPort.addressed("parley.local:8080"));
        assertFalse(withPort.addressed("parley.local"));
        assertFalse(withPort.addressed("parley.local:80"));
    }

    @Test
    void aValueThatIsNoOriginStopsTheStartSayingWhy() {
        for (String bad : List.of("parley.example.com", "ftp://parley.example.com", "https://", "https:///path",
                "https://user@parley.example.com", "https://parley.example.com/parley", "https://parley.example.com/?x=1",
                "https://parley.example.com#top", "https://parley.example.com:0", "https://parley.example.com:65536",
                "https://parley.example.com:0443", "https://parley.example.com:x", "https://parley example.com",
                "https://parley.exa\u0000mple.com")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PublicAddress.of(bad), bad);
            assertTrue(refused.getMessage().startsWith("parley.public-url is \""), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("such as https://parley.example.com"), refused.getMessage());
            assertFalse(refused.getMessage().contains("\u0000"), "control characters are not written to the log");
        }
    }
}
