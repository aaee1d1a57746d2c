package org.parley.httpguard.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the guard answers a request it does not hand on, in the format of the endpoint it was meant for: the Presence
 * API's JSON for {@code /users/…} and {@code /api/presence}, OAuth's error JSON (RFC 6749 §5.2) for the other APIs
 * ({@code /api/…}, and {@code /oauth/…} but the consent page {@code /oauth/authorize}), plain text for pages and
 * everything else. The web application's own refusal of a malformed query ({@code org.parley.web.view.PercentEscapes})
 * keeps the same rule.
 */
public record Refusal(int status, String contentType, Map<String, String> headers, String body) {

    /** How long a peer whose address has too many answers waiting is asked to wait, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 60;

    /** {@code 400} for a path {@link RequestTargets} refuses. */
    public static Refusal of(String rawPath, String problem) {
        return of(rawPath, 400, "invalid_request", "Bad request: " + problem + ".", Map.of());
    }

    /** {@code 429} for a request from an address whose connections leave too many answers waiting. */
    public static Refusal tooManyWaiting(String rawPath) {
        return of(rawPath, 429, "temporarily_unavailable", "Too many answers are waiting for your address to take them;"
                + " try again in a minute.", Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
    }

    /** How long a peer whose address, or the server, holds too many open connections is asked to wait, in seconds. */
    public static final int RETRY_AFTER_CONNECTIONS_SECONDS = 10;

    /**
     * {@code 429} for a connection from an address that already holds {@code most} open ones: answered at its accept,
     * before any request is read, so in plain text.
     */
    public static Refusal tooManyConnections(int most) {
        return of("", 429, "temporarily_unavailable", "Too many connections from your address: Parley takes at most "
                + String.format(Locale.ROOT, "%,d", most) + " open at once from one address; close some and try again.",
                Map.of("Retry-After", String.valueOf(RETRY_AFTER_CONNECTIONS_SECONDS)));
    }

    /**
     * {@code 503} for a connection that comes while the server has as many open as it takes ({@code most}, below the
     * files the process may open): answered at its accept, before any request is read, so in plain text.
     */
    public static Refusal serverFull(int most) {
        return of("", 503, "temporarily_unavailable", "Parley has as many connections open as it takes ("
                + String.format(Locale.ROOT, "%,d", most) + "); try again in a moment.",
                Map.of("Retry-After", String.valueOf(RETRY_AFTER_CONNECTIONS_SECONDS)));
    }

    /**
     * {@code 408} for a request whose head did not all come within {@code millis} of its connection's opening or last
     * answer, or whose body came slower than {@code slowestRate} bytes a second after that; {@code rawPath} is empty when
     * the head did not come.
     */
    public static Refusal tooSlow(String rawPath, long millis, int slowestRate) {
        String time = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
        return of(rawPath, 408, "invalid_request", "The request did not come in time: Parley takes a request's head within "
                + time + " and its body at " + slowestRate + " bytes a second or faster.", Map.of());
    }

    /** The methods Parley serves: its pages, forms and APIs take no others. */
    public static final String ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS";

    /** {@code 405} for a {@code CONNECT}: a proxy's request, which Parley does not serve. */
    public static Refusal notAProxy() {
        return of("", 405, "invalid_request", "Parley is not a proxy: it does not serve CONNECT.",
                Map.of("Allow", ALLOWED_METHODS));
    }

    /**
     * {@code 501} for a request in a method Parley implements at no address ({@code PUT}, {@code DELETE}, {@code PATCH},
     * {@code TRACE}, {@code FOO}: RFC 9110 §9.1), which needs no {@code Allow}; {@code method} is capital letters only
     * ({@code RequestLineFinder}). A {@code 405} is for a method another address takes, and names what this one takes.
     */
    public static Refusal notImplemented(String rawPath, String method) {
        return of(rawPath, 501, "invalid_request", "Parley does not implement the method " + method
                + "; it serves GET, HEAD, POST and OPTIONS.", Map.of());
    }

    /** The methods the application server's own endpoints take ({@link RequestTargets#serverEndpoint}). */
    public static final String READING_METHODS = "GET, HEAD, OPTIONS";

    /**
     * {@code 200} to an {@code OPTIONS} at one of the application server's own endpoints: the methods they take, as their
     * {@code 405} names them. Payara's health servlet listed {@code POST}, which is refused, and {@code /metrics} answered
     * {@code 405} without {@code Allow}.
     */
    public static Refusal readingOptions() {
        return new Refusal(200, "text/plain;charset=UTF-8", Map.of("Allow", READING_METHODS), "");
    }

    /** {@code 405} for a {@code POST} to one of the application server's own endpoints, which only answer. */
    public static Refusal onlyRead(String rawPath) {
        return of(rawPath, 405, "invalid_request", "This endpoint does not take this method.", Map.of("Allow", READING_METHODS));
    }

    /**
     * {@code 404} for a {@code GET} below the application server's own endpoints at none of their addresses; {@code
     * where} says where they are ({@link RequestTargets#misnamedServerAddress}).
     */
    public static Refusal notFound(String rawPath, String where) {
        return of(rawPath, 404, "invalid_request", "There is nothing at this address; " + where + ".", Map.of());
    }

    /** {@code 501} for a request body in a transfer coding Parley does not decode ({@link RequestTargets#unknownTransferCoding}). */
    public static Refusal unknownTransferCoding(String rawPath) {
        return of(rawPath, 501, "invalid_request", "Parley reads a request's body sent whole (Content-Length) or in chunks"
                + " (Transfer-Encoding: chunked), in no other transfer coding.", Map.of());
    }

    /** {@code 415} for a request body in a content coding ({@link RequestTargets#contentCoding}), which Parley decodes none of. */
    public static Refusal contentCoding(String rawPath) {
        return of(rawPath, 415, "invalid_request", "Parley reads a request's body as it is, in no content coding"
                + " (Content-Encoding).", Map.of("Accept-Encoding", "identity"));
    }

    /** {@code 417} for a request that expects anything but {@code 100-continue} ({@link RequestTargets#unmetExpectation}). */
    public static Refusal expectationFailed(String rawPath) {
        return of(rawPath, 417, "invalid_request", "Parley meets no expectation but 100-continue (the request's Expect).",
                Map.of());
    }

    /**
     * {@code 505} for the start of HTTP/2 in clear text without an upgrade ({@code PRI * HTTP/2.0}; {@code rawPath}
     * empty), or a request line that says {@code HTTP/2.0}.
     */
    public static Refusal noHttp2InClearText(String rawPath) {
        return of(rawPath, 505, "invalid_request", "Parley speaks HTTP/1.1 on this port, not HTTP/2 in clear text.", Map.of());
    }

    /** {@code 426} for a WebSocket handshake that asks for another version of the protocol than Parley's, or none. */
    public static Refusal wrongWebSocketVersion(String rawPath) {
        return of(rawPath, 426, "invalid_request", "Parley speaks WebSocket version " + WebSocketHandshakes.VERSION
                + " (RFC 6455); the handshake asked for another or none (Sec-WebSocket-Version).",
                Map.of("Sec-WebSocket-Version", WebSocketHandshakes.VERSION));
    }

    /** {@code 400} for bytes that do not start as an HTTP/1.1 request, whose request line is at most {@code most} bytes. */
    public static Refusal noRequestLine(int most) {
        return of("", 400, "invalid_request", "Bad request: Parley speaks HTTP/1.1 on this port, and what came does not start"
                + " as a request does (a method in capitals, a space, the address, a space, HTTP/1.1, within " + most / 1024
                + " KiB).", Map.of());
    }

    /** {@code 413} for a request whose body is larger than {@code most} bytes. */
    public static Refusal tooLarge(String rawPath, int most) {
        return of(rawPath, 413, "invalid_request", "The request is larger than Parley takes (" + most / (1024 * 1024)
                + " MiB).", Map.of());
    }

    /**
     * {@code 431} for a request whose head is larger than the HTTP codec reads (Payara's {@code header-buffer-length},
     * 8 KiB): what a browser sends when it holds many or large cookies for the intranet's domain.
     */
    public static Refusal headTooLarge(String rawPath) {
        return of(rawPath, 431, "invalid_request", "The request's headers are larger than Parley takes (its cookies, most"
                + " likely: clear this site's cookies in the browser).", Map.of());
    }

    /** {@code 431} for a request with more header fields than the HTTP codec reads ({@code most}). */
    public static Refusal tooManyHeaders(String rawPath, int most) {
        return of(rawPath, 431, "invalid_request", "The request has more header fields than Parley takes (" + most + ").",
                Map.of());
    }

    /**
     * {@code 400} for a request head the HTTP codec cannot read as HTTP/1.1: a byte outside ASCII or a control character
     * in a header, a {@code Content-Length} that is no number or two of them, a bare LF or CR.
     */
    public static Refusal unreadableHead(String rawPath) {
        return of(rawPath, 400, "invalid_request", "Bad request: the request's headers cannot be read as HTTP/1.1.", Map.of());
    }

    /** {@code 400} for a body the HTTP codec cannot read: chunks whose sizes are no hex numbers, a broken chunk. */
    public static Refusal unreadableBody(String rawPath) {
        return of(rawPath, 400, "invalid_request", "Bad request: the request's body cannot be read (its chunks or its"
                + " length).", Map.of());
    }

    /** {@code 400} for a form ({@code application/x-www-form-urlencoded}) with more than {@code most} fields. */
    public static Refusal tooManyFields(String rawPath, int most) {
        return of(rawPath, 400, "invalid_request", "Bad request: the form has more than " + String.format(Locale.ROOT, "%,d", most)
                + " fields, with those of the query.", Map.of());
    }

    private static Refusal of(String rawPath, int status, String oauthError, String sentence, Map<String, String> extra) {
        if (rawPath.startsWith("/users/") || rawPath.startsWith("/api/presence")) {
            return new Refusal(status, "application/json;charset=UTF-8",
                    with(extra, Map.of("Access-Control-Allow-Origin", "*", "Cache-Control", "no-store")),
                    "{\"result\":{\"code\":" + status + ",\"response\":\"" + sentence + "\"}}");
        }
        if (rawPath.startsWith("/api/") || rawPath.startsWith("/oauth/") && !rawPath.startsWith("/oauth/authorize")) {
            return new Refusal(status, "application/json;charset=UTF-8",
                    with(extra, Map.of("Cache-Control", "no-store", "Pragma", "no-cache")),
                    "{\"error\":\"" + oauthError + "\",\"error_description\":\"" + sentence + "\"}");
        }
        return new Refusal(status, "text/plain;charset=UTF-8", extra, sentence + "\n");
    }

    private static Map<String, String> with(Map<String, String> extra, Map<String, String> headers) {
        if (extra.isEmpty()) {
            return headers;
        }
        HashMap<String, String> all = new HashMap<>(headers);
        all.putAll(extra);
        return Map.copyOf(all);
    }

    /** The status line's words for the status. */
    public String reasonPhrase() {
        return switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 417 -> "Expectation Failed";
            case 426 -> "Upgrade Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Bad Request";
        };
    }

    public byte[] bytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The whole answer in HTTP/1.1, status line, headers and body, with {@code Connection: close}: for a connection that
     * has no request context to answer in, which closes after it.
     */
    public byte[] wholeAnswer() {
        byte[] content = bytes();
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reasonPhrase())
                .append("\r\nContent-Type: ").append(contentType).append("\r\nContent-Length: ").append(content.length)
                .append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = Arrays.copyOf(start, start.length + content.length);
        System.arraycopy(content, 0, whole, start.length, content.length);
        return whole;
    }
}
