package org.parley.web.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The page of Parley a member goes back to after signing in. Only a path on Parley's own origin
 * qualifies: it starts with exactly one slash, and it holds no backslash and no control character.
 * The same holds once percent-escapes are decoded (as often as they decode), so that
 * {@code /%2F%2Fhost} or {@code /%5Chost} cannot turn into {@code //host} for some reader on the
 * way. Anything else ({@code //host}, {@code /\host}, {@code ///x}, …) is refused and the member
 * goes to their settings instead.
 */
final class ReturnPath {

    /** Longer than any page of Parley with its query; a longer one is nobody's bookmark. */
    static final int MAX_LENGTH = 2048;
    private static final int DECODING_ROUNDS = 3;

    private ReturnPath() {
    }

    /** {@code pathAndQuery} (as the request line had it, without the context path) if it is one of Parley's own. */
    static Optional<String> of(String pathAndQuery) {
        if (pathAndQuery == null || pathAndQuery.length() > MAX_LENGTH || !singleSlashPath(pathAndQuery)) {
            return Optional.empty();
        }
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        for (int round = 0; round < DECODING_ROUNDS; round++) {
            String decoded = percentDecoded(path);
            if (decoded == null || !singleSlashPath(decoded)) {
                return Optional.empty();
            }
            if (decoded.equals(path)) {
                return Optional.of(pathAndQuery);
            }
            path = decoded;
        }
        return Optional.empty(); // still decoding after three rounds: made to confuse, not to be followed
    }

    private static boolean singleSlashPath(String path) {
        if (path.isEmpty() || path.charAt(0) != '/' || path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        return path.chars().noneMatch(c -> c == '\\' || Character.isISOControl(c));
    }

    /** RFC 3986 percent-decoding as UTF-8; {@code null} for a broken escape. */
    private static String percentDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
            if (low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
