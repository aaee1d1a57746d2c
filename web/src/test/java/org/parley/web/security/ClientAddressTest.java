package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress none = new ClientAddress("");
        assertEquals("192.0.2.7", none.of("192.0.2.7", List.of("203.0.113.9")));
    }

    @Test
    void fromAPeerThatIsNotATrustedProxyTheHeaderIsIgnored() {
        ClientAddress address = new ClientAddress("10.0.0.2");
        assertEquals("192.0.2.7", address.of("192.0.2.7", List.of("203.0.113.9")),
                "anybody can write X-Forwarded-For: only a trusted proxy is believed");
    }

    @Test
    void fromATrustedProxyTheClientIsTheAddressItSaw() {
        ClientAddress address = new ClientAddress("10.0.0.2");
        assertEquals("203.0.113.9", address.of("10.0.0.2", List.of("203.0.113.9")));
        assertEquals("10.0.0.2", address.of("10.0.0.2", List.of()), "no header: the proxy's own request");
    }

    @Test
    void whatTheClientWroteItselfLeftOfTheTrustedHopsIsNotBelieved() {
        ClientAddress address = new ClientAddress("10.0.0.2, 10.0.0.3");
        // the client sent "X-Forwarded-For: 198.51.100.1" itself; proxy 10.0.0.3 appended what it saw, then 10.0.0.2
        assertEquals("203.0.113.9", address.of("10.0.0.2", List.of("198.51.100.1, 203.0.113.9", "10.0.0.3")));
    }

    @Test
    void allHopsTrustedGivesTheLeftmost() {
        ClientAddress address = new ClientAddress("10.0.0.2,10.0.0.3");
        assertEquals("10.0.0.3", address.of("10.0.0.2", List.of("10.0.0.3")));
    }

    @Test
    void anEntryThatIsNoAddressEndsTheWalkAtTheProxyThatPassedItOn() {
        ClientAddress address = new ClientAddress("10.0.0.2");
        assertEquals("10.0.0.2", address.of("10.0.0.2", List.of("evil.example")));
        assertEquals("10.0.0.2", address.of("10.0.0.2", List.of("unknown")));
    }

    @Test
    void addressesAreComparedAndGivenInCanonicalForm() {
        ClientAddress address = new ClientAddress("::1");
        assertEquals("203.0.113.9", address.of("0:0:0:0:0:0:0:1", List.of("203.0.113.9:51234")));
        assertEquals("2001:db8:0:0:0:0:0:7", address.of("0:0:0:0:0:0:0:1", List.of("[2001:db8::7]:443")));
    }

    @Test
    void onlyIpLiteralsCountAndNothingAsksTheNameService() {
        assertTrue(ClientAddress.normalize("localhost").isEmpty());
        assertTrue(ClientAddress.normalize("256.1.1.1").isEmpty());
        assertTrue(ClientAddress.normalize("10.0.0.1; DROP").isEmpty());
        assertEquals("127.0.0.1", ClientAddress.normalize("127.0.0.1").orElseThrow());
        ClientAddress address = new ClientAddress("proxy.intranet, 10.0.0.2");
        assertEquals("203.0.113.9", address.of("10.0.0.2", List.of("203.0.113.9")), "a name in the setting is left out");
    }
}
