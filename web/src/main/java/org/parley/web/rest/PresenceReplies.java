package org.parley.web.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.account.entity.DirectoryEntry;
import org.parley.consent.entity.BearerIdentity;
import org.parley.presence.entity.PresenceStatus;
import org.parley.web.i18n.Markets;

/**
 * The whole reply to {@code GET /users/{id}/presence[?cb][&mkt]} (JSON, or JSONP with {@code cb})
 * and {@code GET /users/{id}/presenceimage}, SPEC.md §3, whoever carries it: the servlet
 * ({@link UserPresenceServlet}) or Parley's HTTP guard in front of the web container
 * ({@link PresenceDirectAnswers}). CORS {@code *}, cacheable for a few seconds with an {@code ETag}
 * (private when a Bearer token was used), {@code 304} to a matching {@code If-None-Match}, JSONP as
 * {@code application/javascript} with {@code nosniff} and always 200, plain JSON with the result
 * code as the HTTP status. The answer's bytes and tag were made when the member's presence last
 * changed ({@link PresenceAnswers}); a reply only looks them up. An anonymous request's whole reply
 * is remembered as it went out and given again, with no call to the member directory or the
 * presence registry, until any member's presence or directory entry changes
 * ({@link PresenceAnswers#changes()}).
 */
@ApplicationScoped
public class PresenceReplies {

    /** What a reply carries, in order. */
    public record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {
    }

    private static final int MAX_AGE_SECONDS = 5;
    private static final String JSON = "application/json;charset=utf-8";
    private static final String JAVASCRIPT = "application/javascript;charset=utf-8";
    private static final String SVG = "image/svg+xml";
    private static final byte[] BAD_CALLBACK = "{\"result\":{\"code\":400,\"response\":\"cb must be 1 to 128 letters, digits or underscores\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOTHING = new byte[0];

    /**
     * At most so many anonymous replies are remembered (ids × cultures × callbacks × addresses Parley
     * is called by); one more forgets them all, and they are built again as asked.
     */
    static final int MAX_REMEMBERED = 10_000;

    /**
     * The most characters a remembered request may have asked with (path, callback, culture and base
     * together): a real request has a few dozen, one made up of kilobytes gets its reply without
     * anything of it being kept, so remembered replies stay within a few megabytes.
     */
    static final int MAX_ASKED_CHARS = 512;

    /** What an anonymous request asked for: a remembered reply is given for the same again. */
    private record Asked(String path, String callback, String market, String base) {

        int chars() {
            return path.length() + base.length() + (callback == null ? 0 : callback.length()) + (market == null ? 0 : market.length());
        }
    }

    /** A reply and the number of changes seen before it was built. */
    private record Remembered(long changes, Reply reply) {
    }

    private final ConcurrentHashMap<Asked, Remembered> remembered = new ConcurrentHashMap<>();

    @Inject
    PresenceAnswers answers;

    @Inject
    ServletContext application;

    /** Each status's icon, read once. */
    private final Map<PresenceStatus, byte[]> icons = new EnumMap<>(PresenceStatus.class);

    @PostConstruct
    void readIcons() {
        for (PresenceStatus status : PresenceStatus.values()) {
            try (InputStream svg = application.getResourceAsStream("/" + PresenceAnswers.iconPath(status))) {
                if (svg == null) {
                    throw new IllegalStateException("The icon of " + status + " is missing from the application");
                }
                icons.put(status, svg.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The reply to a request for {@code path} (after {@code /users}, as written: an id whose escapes
     * decode to a slash is still one segment), or empty when no such resource exists there.
     *
     * @param base Parley's own address as the caller wrote it, ending in {@code /}: the icon URLs start with it
     */
    public Optional<Reply> reply(String path, String callback, String market, String base,
                                 Optional<BearerIdentity> bearer, String ifNoneMatch) {
        Optional<Reply> reply = bearer.isPresent() ? built(path, callback, market, base, bearer) : remembered(path, callback, market, base);
        return reply.map(whole -> unchanged(ifNoneMatch, whole.headers().get("ETag")) ? new Reply(304, null, whole.headers(), NOTHING) : whole);
    }

    private Optional<Reply> remembered(String path, String callback, String market, String base) {
        Asked asked = new Asked(path, callback, market, base);
        if (asked.chars() > MAX_ASKED_CHARS) {
            return built(path, callback, market, base, Optional.empty());
        }
        long seen = answers.changes(); // read before what the reply is built from
        Remembered before = remembered.get(asked);
        if (before != null && before.changes() == seen) {
            return Optional.of(before.reply());
        }
        Optional<Reply> reply = built(path, callback, market, base, Optional.empty());
        reply.ifPresent(whole -> {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(asked, new Remembered(seen, whole));
        });
        return reply;
    }

    private Optional<Reply> built(String path, String callback, String market, String base, Optional<BearerIdentity> bearer) {
        int slash = path.indexOf('/', 1);
        if (!path.startsWith("/") || slash < 0) {
            return Optional.empty();
        }
        String id = decoded(path.substring(1, slash));
        return switch (path.substring(slash + 1)) {
            case "presence" -> Optional.of(presence(id, callback, market, base, bearer));
            case "presenceimage" -> Optional.of(image(id, bearer));
            default -> Optional.empty();
        };
    }

    private Reply presence(String id, String callback, String market, String base, Optional<BearerIdentity> bearer) {
        if (callback != null && !PresenceAnswers.CALLBACK.matcher(callback).matches()) {
            return new Reply(400, JSON, Map.of("Access-Control-Allow-Origin", "*"), BAD_CALLBACK);
        }
        Optional<DirectoryEntry> member = answers.visible(id, bearer);
        PresenceAnswers.Answer answer = answers.answer(member, Markets.resolve(market), base);
        if (callback == null) {
            return cacheable(answer.code(), JSON, answer.bytes(), answer.tag(), bearer.isPresent(), VARY_WITH_ICONS);
        }
        byte[] body = (callback + "(" + answer.json() + ");").getBytes(StandardCharsets.UTF_8);
        return cacheable(200, JAVASCRIPT, body, tagOf(body), bearer.isPresent(), VARY_WITH_ICONS);
    }

    private Reply image(String id, Optional<BearerIdentity> bearer) {
        byte[] svg = icons.get(answers.presenceOf(answers.visible(id, bearer)).status());
        return cacheable(200, SVG, svg, tagOf(svg), bearer.isPresent(), "Authorization");
    }

    /**
     * What a presence object varies with: the token (who may see whom), and the {@code Host} the icon's absolute URL is
     * written with. So a cache in front that keys its entries by its own name for Parley, not the {@code Host} a caller
     * sent (nginx's default key with {@code proxy_set_header Host $host}, say), keeps a caller's made-up host to that
     * caller instead of giving its icon address to everyone.
     */
    static final String VARY_WITH_ICONS = "Authorization, Host";

    /** The whole reply, its headers in order and not to be changed (a remembered reply is given to many). */
    private static Reply cacheable(int status, String type, byte[] body, String tag, boolean personal, String vary) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", '"' + tag + '"');
        headers.put("Cache-Control", (personal ? "private, " : "") + "no-transform, max-age=" + MAX_AGE_SECONDS);
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Vary", vary);
        return new Reply(status, type, Collections.unmodifiableMap(headers), body);
    }

    /** Whether {@code If-None-Match} names this tag (or any, {@code *}); weak tags compare by their value; a reply without a tag never is. */
    static boolean unchanged(String ifNoneMatch, String quotedTag) {
        if (ifNoneMatch == null || quotedTag == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(quotedTag)) {
                return true;
            }
        }
        return false;
    }

    /** A path segment's percent-escapes decoded ({@code +} stays itself); one that cannot be decoded names nobody. */
    private static String decoded(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static String tagOf(byte[] body) {
        return PresenceAnswers.tagOf(new String(body, StandardCharsets.UTF_8));
    }
}
