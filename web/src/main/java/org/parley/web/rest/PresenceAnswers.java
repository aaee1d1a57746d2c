package org.parley.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.consent.entity.BearerIdentity;
import org.parley.consent.entity.Scope;
import org.parley.presence.boundary.PresenceRegistry;
import org.parley.presence.entity.Presence;
import org.parley.presence.entity.PresenceStatus;
import org.parley.web.i18n.Markets;

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

    static final JsonObject NOT_FOUND = Json.createObjectBuilder()
            .add("result", Json.createObjectBuilder().add("code", 404).add("response", "Not found")).build();

    @Inject
    MemberDirectory directory;

    @Inject
    PresenceRegistry registry;

    /** The member behind {@code id} whom this caller may see. */
    public Optional<DirectoryEntry> visible(String id, Optional<BearerIdentity> bearer) {
        return directory.byCid(id).filter(DirectoryEntry::enabled)
                .filter(m -> m.visibleOnTheWeb() || bearer.filter(b -> b.member().equals(m.username()))
                        .filter(b -> b.allows(Scope.PRESENCE)).isPresent());
    }

    public Presence presenceOf(Optional<DirectoryEntry> member) {
        return member.map(m -> registry.presenceOf(m.username())).orElse(Presence.OFFLINE);
    }

    public JsonObject answer(Optional<DirectoryEntry> member, Locale culture, String base) {
        if (member.isEmpty()) {
            return NOT_FOUND;
        }
        Presence presence = presenceOf(member);
        return Json.createObjectBuilder()
                .add("status", presence.status().wireName())
                .add("statusText", statusText(presence.status(), culture))
                .add("displayName", member.get().displayName())
                .add("id", directory.publicId(member.get()))
                .add("icon", Json.createObjectBuilder().add("url", base + iconPath(presence.status()))
                        .add("width", 16).add("height", 16))
                .add("result", Json.createObjectBuilder().add("code", 200).add("response", "Success"))
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
