package org.parley.contact.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.parley.account.entity.PlainText;
import org.parley.contact.entity.ContactRefusedException.Reason;
import org.parley.messaging.control.TextNormalizer;

/**
 * A contact point as an administrator typed it, cleaned: the name trimmed and lower-cased, the title
 * one line, the intro plain text with line breaks, control and bidi-override characters gone
 * ({@link TextNormalizer#clean}). {@link #check} says whether the rules hold:
 * <ul>
 *   <li>name: a URL slug of 1–40 characters, lower-case letters, digits and inner hyphens ({@code it-help});</li>
 *   <li>title: 1–100 characters; intro: at most 2,000;</li>
 *   <li>members: 1–50 enabled members, each once, in routing order.</li>
 * </ul>
 */
public record ContactPointDraft(String name, String title, String intro, List<String> members, boolean enabled) {

    public static final int NAME_MAX = 40;
    public static final int TITLE_MAX = 100;
    public static final int INTRO_MAX = 2000;
    public static final int MEMBERS_MAX = 50;
    public static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0," + (NAME_MAX - 2) + "}[a-z0-9])?");

    public ContactPointDraft {
        members = List.copyOf(members);
    }

    /** The draft as typed, cleaned; nothing is checked yet. */
    public static ContactPointDraft of(String name, String title, String intro, List<String> members, boolean enabled) {
        List<String> usernames = new ArrayList<>();
        if (members != null) {
            members.stream().filter(m -> m != null && !m.isBlank()).map(m -> m.strip().toLowerCase(Locale.ROOT))
                    .forEach(usernames::add);
        }
        return new ContactPointDraft(name == null ? "" : name.strip().toLowerCase(Locale.ROOT),
                PlainText.clean(title).replace('\n', ' '), PlainText.clean(intro), usernames, enabled);
    }

    /** Whether {@code name} is one a contact point may have (as written: no trimming, no case folding). */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Throws the first rule that does not hold; {@code isMember} says whether a username is an enabled member. */
    public void check(Predicate<String> isMember) {
        if (!validName(name)) {
            throw new ContactRefusedException(Reason.NAME_INVALID, "A name has 1 to " + NAME_MAX
                    + " lower-case letters, digits and hyphens, and starts and ends with a letter or digit.");
        }
        int titleLength = title.codePointCount(0, title.length());
        if (titleLength < 1 || titleLength > TITLE_MAX) {
            throw new ContactRefusedException(Reason.TITLE_INVALID, "A title has 1 to " + TITLE_MAX + " characters.");
        }
        if (intro.codePointCount(0, intro.length()) > INTRO_MAX) {
            throw new ContactRefusedException(Reason.INTRO_TOO_LONG, "An intro has at most " + INTRO_MAX + " characters.");
        }
        if (members.isEmpty()) {
            throw new ContactRefusedException(Reason.MEMBERS_EMPTY, "A contact point needs at least one member.");
        }
        if (members.size() > MEMBERS_MAX) {
            throw new ContactRefusedException(Reason.MEMBERS_TOO_MANY, "A contact point has at most " + MEMBERS_MAX + " members.");
        }
        Set<String> seen = new HashSet<>();
        for (String member : members) {
            if (!seen.add(member)) {
                throw new ContactRefusedException(Reason.MEMBER_TWICE, member + " is on the list twice.");
            }
            if (!isMember.test(member)) {
                throw new ContactRefusedException(Reason.MEMBER_UNKNOWN, "There is no enabled member " + member + ".");
            }
        }
    }
}
