package org.parley.httpguard.control;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules a request asking for a WebSocket ({@code Upgrade: websocket}) must keep before the container sees it
 * (RFC 6455 §4.2.1): a {@code GET} in HTTP/1.1 or later, {@code Connection} naming {@code Upgrade}, one
 * {@code Sec-WebSocket-Key} that is 16 bytes in base64, version 13, at most one {@code Origin}. Tyrus answers a missing
 * {@code Connection: Upgrade} or {@code Host} with {@code 500}, takes any key, a {@code POST} or HTTP/1.0, and answers
 * another version with its own HTML page; a request without a key never reaches it (a {@code 404}).
 */
public final class WebSocketHandshakes {

    /** The only version of the protocol Parley speaks (RFC 6455), as {@code Sec-WebSocket-Version} names it. */
    public static final String VERSION = "13";

    public static final String NOT_GET = "a WebSocket handshake is a GET in HTTP/1.1";
    public static final String NO_CONNECTION_UPGRADE = "a WebSocket handshake needs Connection: Upgrade";
    public static final String KEY = "a WebSocket handshake needs one Sec-WebSocket-Key, 16 bytes in base64";
    public static final String ORIGINS = "the request has more than one Origin header";
    /**
     * {@code Upgrade} naming {@code websocket} among other protocols ({@code h2c, websocket}): Tyrus takes a handshake
     * only when it names {@code websocket} alone, so such a request went to the pages and was answered "Not found".
     */
    public static final String UPGRADE_LIST = "a WebSocket handshake names websocket alone in Upgrade";
    public static final String EXPECTS = "a WebSocket handshake has no body and expects nothing; send it without Expect";
    /**
     * Bytes that came with a handshake's head: a client sends nothing more until the server has answered
     * {@code 101} (RFC 6455 §4.1), and a request pipelined after an upgrade cannot be told from frames.
     */
    public static final String SENT_BEFORE_THE_ANSWER = "bytes came after a WebSocket handshake, before its answer; a"
            + " client sends nothing more until the server has answered 101 (RFC 6455 §4.1)";

    private static final int KEY_BYTES = 16;
    /** 16 bytes in base64, with its padding. */
    private static final int KEY_LENGTH = 24;

    private WebSocketHandshakes() {
    }

    /**
     * What is wrong with a WebSocket handshake, or empty when nothing is but perhaps its version ({@link #versionKept}).
     *
     * @param get         whether the method is {@code GET}
     * @param http11      whether the request is in HTTP/1.1 or later
     * @param connections the values of its {@code Connection} headers
     * @param keys        the values of its {@code Sec-WebSocket-Key} headers
     * @param origins     how many {@code Origin} headers it has
     */
    public static Optional<String> problem(boolean get, boolean http11, List<String> connections, List<String> keys,
            int origins) {
        if (!get || !http11) {
            return Optional.of(NOT_GET);
        }
        if (connections.stream().flatMap(value -> List.of(value.split(",")).stream())
                .noneMatch(token -> token.trim().toLowerCase(Locale.ROOT).equals("upgrade"))) {
            return Optional.of(NO_CONNECTION_UPGRADE);
        }
        if (keys.size() != 1 || !isKey(keys.get(0).trim())) {
            return Optional.of(KEY);
        }
        if (origins > 1) {
            return Optional.of(ORIGINS);
        }
        return Optional.empty();
    }

    /** Whether an {@code Upgrade} value names {@code websocket} among other protocols, which Parley refuses ({@link #UPGRADE_LIST}). */
    public static boolean namesWebSocketAmongOthers(String upgrade) {
        List<String> protocols = List.of(upgrade.split(","));
        return protocols.size() > 1 && protocols.stream().anyMatch(p -> p.trim().equalsIgnoreCase("websocket"));
    }

    /** Whether the values of a handshake's {@code Sec-WebSocket-Version} headers ask for the version Parley speaks. */
    public static boolean versionKept(List<String> versions) {
        return versions.size() == 1 && versions.get(0).trim().equals(VERSION);
    }

    private static boolean isKey(String key) {
        try {
            return key.length() == KEY_LENGTH && Base64.getDecoder().decode(key).length == KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
