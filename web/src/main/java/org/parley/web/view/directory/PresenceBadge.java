package org.parley.web.view.directory;

import java.io.Serializable;
import java.util.Locale;
import org.parley.presence.entity.Presence;
import org.parley.web.rest.PresenceAnswers;

/**
 * A member's status as a page first shows it ({@code /WEB-INF/includes/presence-badge.xhtml}): the
 * wire name, the words in the page's language and the icon; {@code directory.js} keeps it live from
 * {@code /ws/presence}, watching the member by {@link #getCid() CID}.
 */
public final class PresenceBadge implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String cid;
    private final String status;
    private final String statusText;
    private final String icon;

    private PresenceBadge(String cid, String status, String statusText, String icon) {
        this.cid = cid;
        this.status = status;
        this.statusText = statusText;
        this.icon = icon;
    }

    public static PresenceBadge of(String cid, Presence presence, Locale culture) {
        return new PresenceBadge(cid, presence.status().wireName(), PresenceAnswers.statusText(presence.status(), culture),
                PresenceAnswers.iconPath(presence.status()));
    }

    public String getCid() {
        return cid;
    }

    public String getStatus() {
        return status;
    }

    public String getStatusText() {
        return statusText;
    }

    /** The icon's path below Parley's root, e.g. {@code icons/presence/online.svg}. */
    public String getIcon() {
        return icon;
    }
}
