package org.parley.httpguard.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebSocketHandshakesTest {

    private static final List<String> KEY = List.of("dGhlIHNhbXBsZSBub25jZQ==");

    @Test
    void whatBrowsersAndTheDesktopClientSendPasses() {
        for (String connection : List.of("Upgrade", "upgrade", "keep-alive, Upgrade", "Upgrade , keep-alive")) {
            assertEquals(Optional.empty(), WebSocketHandshakes.problem(true, true, List.of(connection), KEY, 1), connection);
        }
        assertEquals(Optional.empty(), WebSocketHandshakes.problem(true, true, List.of("keep-alive", "Upgrade"), KEY, 0));
        assertEquals(Optional.empty(), WebSocketHandshakes.problem(true, true, List.of("Upgrade"), List.of(" x3JJHMbDL1EzLkh9GBhXDw== "), 1));
    }

    @Test
    void aHandshakeThatIsNoGetInHttp11OrLacksConnectionUpgradeIsRefused() {
        assertEquals(Optional.of(WebSocketHandshakes.NOT_GET), WebSocketHandshakes.problem(false, true, List.of("Upgrade"), KEY, 0));
        assertEquals(Optional.of(WebSocketHandshakes.NOT_GET), WebSocketHandshakes.problem(true, false, List.of("Upgrade"), KEY, 0));
        for (List<String> connections : List.of(List.<String>of(), List.of(""), List.of("keep-alive"), List.of("upgraded"),
                List.of("close, x-upgrade"))) {
            assertEquals(Optional.of(WebSocketHandshakes.NO_CONNECTION_UPGRADE),
                    WebSocketHandshakes.problem(true, true, connections, KEY, 0), connections.toString());
        }
    }

    @Test
    void aKeyThatIsNotOneOf16BytesInBase64IsRefused() {
        for (List<String> keys : List.of(List.<String>of(), List.of(""), List.of("abc"), List.of("dGhlIHNhbXBsZSBub25jZQ"),
                List.of("dGhlIHNhbXBsZSBub25jZSE="), List.of("!!!!!!!!!!!!!!!!!!!!!!!="), List.of(KEY.get(0), KEY.get(0)))) {
            assertEquals(Optional.of(WebSocketHandshakes.KEY), WebSocketHandshakes.problem(true, true, List.of("Upgrade"), keys, 0),
                    keys.toString());
        }
    }

    @Test
    void moreThanOneOriginIsRefused() {
        assertEquals(Optional.of(WebSocketHandshakes.ORIGINS), WebSocketHandshakes.problem(true, true, List.of("Upgrade"), KEY, 2));
    }

    @Test
    void onlyVersion13IsKept() {
        assertTrue(WebSocketHandshakes.versionKept(List.of("13")));
        assertTrue(WebSocketHandshakes.versionKept(List.of(" 13 ")));
        for (List<String> versions : List.of(List.<String>of(), List.of("8"), List.of("13, 8"), List.of("13", "8"), List.of("x"))) {
            assertFalse(WebSocketHandshakes.versionKept(versions), versions.toString());
        }
    }

    @Test
    void aWrongVersionIsAnswered426WithTheVersionParleySpeaks() {
        Refusal refusal = Refusal.wrongWebSocketVersion("/ws/presence");
        assertEquals(426, refusal.status());
        assertEquals("Upgrade Required", refusal.reasonPhrase());
        assertEquals("13", refusal.headers().get("Sec-WebSocket-Version"));
        assertEquals("text/plain;charset=UTF-8", refusal.contentType());
    }
}
