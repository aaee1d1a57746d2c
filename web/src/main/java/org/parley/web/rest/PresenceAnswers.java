package org.parley.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.DirectoryRefreshed;
import org.parley.consent.control.TokenDigests;
import org.parley.consent.entity.BearerIdentity;
import org.parley.consent.entity.Scope;
import org.parley.presence.boundary.PresenceRegistry;
import org.parley.presence.entity.Presence;
import org.parley.presence.entity.PresenceChanged;
import org.parley.presence.entity.PresenceStatus;
import org.parley.web.i18n.Markets;
import org.parley.web.json.JsonBuilders;

/**
 * The Presence API's answer for one id, in the Windows Live shape (SPEC.md §3), from memory only:
 * the member directory and the presence registry. Unknown, not sharing and rotated CIDs get the
 * same 404 object, so nobody can probe who exists; a Bearer token with {@code presence} for that
 * member lifts the sharing requirement.
 */
@ApplicationScoped
public class PresenceAnswers {

    /** A JSONP callback name. */
    static final Pattern CALLBACK = Pattern.compile("[A-Za-z0-9_]{1,128}");

    static final JsonObject NOT_FOUND = JsonBuilders.object()
            .add("result", JsonBuilders.object().add("code", 404).add("response", "Not found")).build();
    static final Answer NOT_FOUND_ANSWER = Answer.of(NOT_FOUND);

    /** At most so many answers are kept (members × cultures × the addresses Parley is called by). */
    static final int MAX_KEPT = 20_000;

    /**
     * The longest base address whose answers are kept: longer than any real host name, port and context
     * path; a caller's made-up {@code Host} of kilobytes is answered without keeping anything of it.
     */
    static final int MAX_KEPT_BASE = 300;

    /** One answer as it goes out: its JSON, its UTF-8 bytes and their entity tag. */
    public record Answer(JsonObject json, byte[] bytes, String tag) {

        static Answer of(JsonObject json) {
            String text = json.toString();
            return new Answer(json, text.getBytes(StandardCharsets.UTF_8), tagOf(text));
        }

        public int code() {
            return json.getJsonObject("result").getInt("code");
        }
    }

    /** The entity tag of an answer's text: the first 128 bits of its SHA-256, hex. */
    static String tagOf(String text) {
        return TokenDigests.of(text).substring(0, 32);
    }

    private record Key(String username, Locale culture, String base) {
    }

    /** An answer and what it was built from: it is good while the member and their presence are equal to these. */
    private record Kept(DirectoryEntry member, Presence presence, Answer answer) {
    }

    /** Answers built once per change of what they show, not per request. */
    private final ConcurrentHashMap<Key, Kept> kept = new ConcurrentHashMap<>();

    /** Counts the changes of what answers show: any member's presence or directory entry. */
    private final AtomicLong changes = new AtomicLong();

    @EJB
    MemberDirectory directory;

    @EJB
    PresenceRegistry registry;

    /**
     * Makes this bean as the application starts, inside the web module, where its {@code @EJB} references resolve:
     * Parley's HTTP guard first calls it from a thread outside any component, where they would stay empty.
     */
    void made(@Observes Startup startup) {
        // being called is the point: the container made the bean and injected it here
    }

    /** The registry fires it once it shows the change. */
    void presenceChanged(@Observes PresenceChanged change) {
        changes.incrementAndGet();
    }

    /** The directory fires it once it shows the change. */
    void directoryRefreshed(@Observes DirectoryRefreshed refreshed) {
        changes.incrementAndGet();
    }

    /**
     * How many changes of what answers show (any member's presence or directory entry) were seen so
     * far. It moves only after the change can be read, so an answer built after reading it is never
     * older than it: one kept with this count is good while the count is the same.
     */
    public long changes() {
        return changes.get();
    }

    /** The member behind {@code id} whom this caller may see. */
    public Optional<DirectoryEntry> visible(String id, Optional<BearerIdentity> bearer) {
        return directory.byCid(id).filter(DirectoryEntry::enabled)
                .filter(m -> m.visibleOnTheWeb() || bearer.filter(b -> b.member().equals(m.username()))
                        .filter(b -> b.allows(Scope.PRESENCE)).isPresent());
    }

    public Presence presenceOf(Optional<DirectoryEntry> member) {
        return member.map(m -> registry.presenceOf(m.username())).orElse(Presence.OFFLINE);
    }

    /**
     * The answer for this member, culture and base address: the one built before while neither the
     * member's directory entry nor their presence changed since, else a new one (kept for the next
     * request).
     */
    public Answer answer(Optional<DirectoryEntry> member, Locale culture, String base) {
        if (member.isEmpty()) {
            return NOT_FOUND_ANSWER;
        }
        DirectoryEntry entry = member.get();
        Presence presence = registry.presenceOf(entry.username());
        Key key = new Key(entry.username(), culture, base);
        Kept before = kept.get(key);
        if (before != null && before.member().equals(entry) && before.presence().equals(presence)) {
            return before.answer();
        }
        Answer answer = Answer.of(build(entry, presence, culture, base));
        if (base.length() <= MAX_KEPT_BASE && (before != null || kept.size() < MAX_KEPT)) {
            kept.put(key, new Kept(entry, presence, answer));
        }
        return answer;
    }

    private JsonObject build(DirectoryEntry member, Presence presence, Locale culture, String base) {
        return JsonBuilders.object()
                .add("status", presence.status().wireName())
                .add("statusText", statusText(presence.status(), culture))
                .add("displayName", member.displayName())
                .add("id", directory.publicId(member))
                .add("icon", JsonBuilders.object().add("url", base + iconPath(presence.status()))
                        .add("width", 16).add("height", 16))
                .add("result", JsonBuilders.object().add("code", 200).add("response", "Success"))
                .build();
    }

    public static String statusText(PresenceStatus status, Locale culture) {
        return Markets.bundle("Presence", culture).getString("status." + status.wireName());
    }

    /** Where the 16×16 icon of a status is served (a static SVG, crisp at any pixel density). */
    public static String iconPath(PresenceStatus status) {
        return "icons/presence/" + status.wireName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + ".svg";
    }
}
