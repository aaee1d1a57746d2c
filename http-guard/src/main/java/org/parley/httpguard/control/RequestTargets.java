package org.parley.httpguard.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule a request's path must keep before Payara decodes it: every {@code %} starts an escape
 * of exactly two hex digits (RFC 3986 §2.1), and the bytes it decodes to are UTF-8 (RFC 3986
 * §2.5), without control characters, backslashes or dot segments ({@code .} and {@code ..}, also
 * escaped, which browsers resolve before they ask: RFC 3986 §5.2.4). Payara's decoder fails on a bad
 * escape, and on a path that ends in a dot segment, with an exception it does not map (an empty
 * {@code 200} and a SEVERE line: Grizzly's {@code HttpRequestURIDecoder.normalizeBytes} writes one byte
 * past the decoded path), answers a backslash or a climb above the root with a {@code 400} that says
 * nothing, and takes the rest in ways no page of Parley has a use for.
 */
public final class RequestTargets {

    public static final String MALFORMED_ESCAPE = "the address has a malformed percent-escape"
            + " (a % must be followed by two hex digits)";
    public static final String NOT_UTF8 = "the address's percent-escapes are not UTF-8";
    public static final String CONTROL_CHARACTER = "the address holds a control character";
    public static final String DOT_SEGMENT = "the address has a dot segment (. or ..), which a browser resolves"
            + " before it asks";
    public static final String BACKSLASH = "the address holds a backslash";
    public static final String NOT_A_PATH = "the address is neither a path starting with / nor an absolute http or https"
            + " URL";
    public static final String HOSTS = "the request has more than one Host header";
    public static final String AUTHORIZATIONS = "the request has more than one Authorization header";
    public static final String HOST = "the Host header is not a host name, with or without a port";
    public static final String HEADER_NAME = "a header line has no name before its colon, or a name with a space or"
            + " another character a name may not hold, or no colon at all";

    /**
     * Whether {@code b} may be in a header's name (a token's character, RFC 9110 §5.6.2: letters, digits and
     * {@code !#$%&'*+-.^_`|~}). A line without a colon, or with a space before it, is no header (RFC 9112 §5.1): the HTTP
     * codec read such a line and the next as one header's name, so a header a proxy in front had seen was none here.
     */
    public static boolean tokenByte(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b > 0 && "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }

    private RequestTargets() {
    }

    public static final String FRAMED_TWICE = "where the body ends cannot be told: a request gives its length by"
            + " Content-Length or by Transfer-Encoding, not both";
    public static final String CHUNKED_UNREAD = "where the body ends cannot be told: the Transfer-Encoding header does not"
            + " say chunked on its own line";

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    /** A request's head as it came, byte by byte. */
    @FunctionalInterface
    public interface HeadBytes {
        byte at(int index);
    }

    /**
     * What is wrong with a request's head as it came (its bytes {@code from} the request line's first to {@code limit},
     * at least up to the empty line that ends it) that the HTTP codec hides once it has read it: both
     * {@code Content-Length} and {@code Transfer-Encoding} (RFC 9112 §6.3: a proxy in front may go by the other one).
     * Payara's codec dropped the {@code Content-Length} when it came first and read the chunks, keeping the connection
     * open; so a proxy going by the length would have sent the rest of the body as the next request. Empty when the head
     * is fine, or when its end is not within {@code limit} (then the codec has not read it whole either).
     */
    public static Optional<String> rawHeadProblem(HeadBytes head, int from, int limit) {
        boolean length = false;
        boolean transfer = false;
        boolean firstLine = true;
        int at = from;
        while (at < limit) {
            int lineEnd = at;
            while (lineEnd < limit && head.at(lineEnd) != '\n') {
                lineEnd++;
            }
            if (lineEnd == limit) {
                return Optional.empty();
            }
            int contentEnd = lineEnd > at && head.at(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd == at) {
                break; // the empty line that ends the head
            }
            if (!firstLine) {
                length |= startsWith(head, at, contentEnd, CONTENT_LENGTH);
                transfer |= startsWith(head, at, contentEnd, TRANSFER_ENCODING);
            }
            firstLine = false;
            at = lineEnd + 1;
        }
        return length && transfer ? Optional.of(FRAMED_TWICE) : Optional.empty();
    }

    /** Whether the line from {@code at} to {@code end} starts with {@code name} (lower case), case aside. */
    private static boolean startsWith(HeadBytes head, int at, int end, byte[] name) {
        if (end - at < name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            int b = head.at(at + i);
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** How a request's {@code Transfer-Encoding} frames its body, for the guard ({@link #transferCodings}). */
    public enum Framing {
        /** No transfer coding, or {@code chunked} alone: the HTTP codec reads the body. */
        READABLE,
        /** Codings whose last is not {@code chunked}, or {@code chunked} twice: where the body ends cannot be told (400). */
        UNREADABLE,
        /** {@code chunked} last, with a coding before it that Parley does not decode ({@code gzip, chunked}: 501). */
        NOT_DECODED
    }

    public static final String UNFRAMED_BODY = "where the body ends cannot be told: a Transfer-Encoding must end with"
            + " chunked, once";

    /**
     * How a request's {@code Transfer-Encoding} headers ({@code values}, each as it came) frame its body (RFC 9112 §6.1,
     * §6.3; empty list elements are ignored, RFC 9110 §5.6.1). Payara's HTTP codec reads a body in chunks only when the
     * header starts with {@code chunked}: it read {@code chunked, gzip} as chunked alone, and took {@code gzip} or
     * {@code gzip, chunked} for a request without a body, whose bytes it then read as the next request. In a request of
     * HTTP/1.0 ({@code http11} false), which has no transfer codings, any is faulty framing (RFC 9112 §6.1): the codec
     * took the body of one kept alive for the next request.
     */
    public static Framing transferCodings(List<String> values, boolean http11) {
        if (values.isEmpty()) {
            return Framing.READABLE;
        }
        if (!http11) {
            return Framing.UNREADABLE;
        }
        List<String> codings = elements(values);
        int last = codings.size() - 1;
        if (last < 0 || !codings.get(last).equalsIgnoreCase("chunked")
                || codings.subList(0, last).stream().anyMatch(coding -> coding.equalsIgnoreCase("chunked"))) {
            return Framing.UNREADABLE;
        }
        return last == 0 ? Framing.READABLE : Framing.NOT_DECODED;
    }

    /**
     * Whether a request's {@code Content-Encoding} headers ({@code values}) name a content coding: anything but
     * {@code identity}. Parley's forms and APIs decode none; the container read a {@code gzip} form's compressed bytes
     * as a form without fields. RFC 9110 §15.5.16 asks for {@code 415}.
     */
    public static boolean contentCoding(List<String> values) {
        return !values.isEmpty() && elements(values).stream().anyMatch(coding -> !coding.equalsIgnoreCase("identity"));
    }

    /**
     * Whether a request's {@code Expect} headers ({@code values}) expect anything but {@code 100-continue}, the one
     * expectation HTTP/1.1 defines (RFC 9110 §10.1.1), which Parley meets.
     */
    public static boolean unmetExpectation(List<String> values) {
        return !values.isEmpty() && elements(values).stream().anyMatch(expected -> !expected.equalsIgnoreCase("100-continue"));
    }

    /** The elements of a header's comma-separated lists, stripped, without the empty ones. */
    private static List<String> elements(List<String> values) {
        return values.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(element -> !element.isEmpty()).toList();
    }

    /**
     * Whether {@code rawPath} is one of the application server's own endpoints, which only answer ({@code /openapi},
     * {@code /health}, {@code /metrics}, and what lies under them), however it is spelled: the container decodes
     * percent-escapes, drops a segment's parameters ({@code ;x}) and empty segments before it finds the servlet. These
     * are Payara's MicroProfile servlets, outside Parley's application: health ran its checks for a {@code POST}, the
     * others answered with their own HTML error page. {@code rawPath} must have passed {@link #problem}.
     */
    public static boolean serverEndpoint(String rawPath) {
        String first = firstSegment(decoded(rawPath));
        return first.equals("openapi") || first.equals("health") || first.equals("metrics");
    }

    /**
     * The addresses at which the application server's OpenAPI document and health checks answer what they are asked,
     * spelled as they answer it: Payara served its whole health report, the database's check included, at any other
     * address below {@code /health} ({@code /health/live/}, {@code /health;x/ready}, {@code /health/READY}, {@code
     * /health/anything}), and Jersey's WADL of its OpenAPI resource below {@code /openapi}.
     */
    private static final Set<String> SERVER_ADDRESSES =
            Set.of("/openapi", "/openapi/", "/health", "/health/", "/health/live", "/health/ready", "/health/started");

    /**
     * For a path below the application server's OpenAPI document or health checks, however it is spelled, that is not
     * one of their addresses spelled as they answer it: where they are, in words; empty for every other path. A liveness
     * probe at {@code /health/live/} got the database's check too, and a probe with a typo got {@code 200 UP}; at {@code
     * /openapi/application.wadl} Jersey's WADL named Payara's Jersey build to anyone and wrote the request's {@code Host}
     * back as its base address (Parley publishes no WADL). {@code rawPath} must have passed {@link #problem}; a path
     * with neither a percent-escape nor either name is told apart without a copy.
     */
    public static Optional<String> misnamedServerAddress(String rawPath) {
        if (rawPath.indexOf('%') < 0 && !rawPath.contains("health") && !rawPath.contains("openapi")
                || SERVER_ADDRESSES.contains(rawPath)) {
            return Optional.empty();
        }
        String first = firstSegment(decoded(rawPath));
        return first.equals("openapi") ? Optional.of("the OpenAPI description is at /openapi")
                : first.equals("health") ? Optional.of("the health checks are at /health, /health/live, /health/ready"
                        + " and /health/started")
                : Optional.empty();
    }

    /** The first non-empty segment of {@code path}, without its parameters, as the container maps it; "" for none. */
    private static String firstSegment(String path) {
        for (String segment : path.split("/")) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "";
    }

    /** {@code rawPath} with its percent-escapes decoded as UTF-8 (as it came, should one be malformed). */
    private static String decoded(String rawPath) {
        byte[] bytes = rawPath.indexOf('%') < 0 ? null : unescaped(rawPath);
        return bytes == null ? rawPath : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The bytes {@code rawPath} (one char per byte) stands for, its percent-escapes decoded; {@code null} when an escape
     * is not {@code %} and two hexadecimal digits.
     */
    private static byte[] unescaped(String rawPath) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length() || hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                    return null;
                }
                bytes.write(hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    /**
     * What is wrong with a request's path as it came on the wire ({@code rawPath}: one char per
     * byte, ISO-8859-1), or empty when nothing is.
     */
    public static Optional<String> problem(String rawPath) {
        if (!rawPath.startsWith("/") && !absolute(rawPath) && !rawPath.equals("*")) {
            // the container answered such a target ("users", "?x", "host:80") with a 400 without a word
            return Optional.of(NOT_A_PATH);
        }
        byte[] decoded = unescaped(rawPath);
        if (decoded == null) {
            return Optional.of(MALFORMED_ESCAPE);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded)).toString();
        } catch (CharacterCodingException e) {
            return Optional.of(NOT_UTF8);
        }
        if (text.chars().anyMatch(ch -> ch < 0x20 || ch >= 0x7F && ch < 0xA0)) {
            return Optional.of(CONTROL_CHARACTER);
        }
        if (text.indexOf('\\') >= 0) {
            return Optional.of(BACKSLASH);
        }
        for (String segment : text.split("/", -1)) {
            int parameters = segment.indexOf(';'); // the container drops a segment's parameters before it resolves dots
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return Optional.of(DOT_SEGMENT);
            }
        }
        return Optional.empty();
    }

    /** Whether a request target is in absolute form, {@code http://…} or {@code https://…} (RFC 9112 §3.2.2), in any case. */
    private static boolean absolute(String target) {
        return target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8);
    }

    /**
     * What is wrong with a request's {@code Host} header as it came on the wire (one char per byte), or empty when
     * nothing is: it must be a host (a name or IPv4 address of RFC 3986's characters, or an IP literal in brackets)
     * with an optional port of digits (RFC 9112 §3.2 asks a server to refuse anything else with 400). Payara maps an
     * empty one to no host at all, and its mapper's exception to an empty {@code 200} and a SEVERE line.
     */
    public static Optional<String> hostProblem(String host) {
        int end;
        if (host.startsWith("[")) {
            end = host.indexOf(']');
            if (end < 2 || !host.substring(1, end).chars().allMatch(c -> hex((char) c) >= 0 || c == ':' || c == '.')) {
                return Optional.of(HOST);
            }
            end++;
        } else {
            end = 0;
            while (end < host.length() && host.charAt(end) != ':') {
                char c = host.charAt(end);
                if (c == '%' && end + 2 < host.length() && hex(host.charAt(end + 1)) >= 0 && hex(host.charAt(end + 2)) >= 0) {
                    end += 3;
                } else if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=".indexOf(c) >= 0)) {
                    end++;
                } else {
                    return Optional.of(HOST);
                }
            }
            if (end == 0) {
                return Optional.of(HOST);
            }
        }
        if (end < host.length() && (host.charAt(end) != ':'
                || !host.substring(end + 1).chars().allMatch(c -> c >= '0' && c <= '9'))) {
            return Optional.of(HOST);
        }
        return Optional.empty();
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
