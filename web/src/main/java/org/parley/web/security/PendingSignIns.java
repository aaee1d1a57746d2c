package org.parley.web.security;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.parley.openid.entity.PendingSignIn;

/**
 * The sign-ins this browser started at the OpenID provider and that have not come back, kept in its
 * session by their state. An answer gets its sign-in back once (it is forgotten as it is taken), so a
 * replayed answer, or one for a sign-in another browser started, finds nothing. A few may be under way
 * at once (several tabs); beyond that the oldest is forgotten.
 */
final class PendingSignIns implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = PendingSignIns.class.getName();
    private static final int MAX_UNDER_WAY = 5;

    private final LinkedHashMap<String, PendingSignIn> byState = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PendingSignIn> eldest) {
            return size() > MAX_UNDER_WAY;
        }
    };

    static void keep(HttpSession session, PendingSignIn pending) {
        synchronized (session) {
            PendingSignIns kept = (PendingSignIns) session.getAttribute(ATTRIBUTE);
            if (kept == null) {
                kept = new PendingSignIns();
            }
            kept.byState.put(pending.state(), pending);
            session.setAttribute(ATTRIBUTE, kept); // set again, so a replicated session sees the change
        }
    }

    /** The sign-in this session started with {@code state}, once; empty for no session, no state, or one not (or no longer) under way. */
    static Optional<PendingSignIn> take(HttpSession session, String state) {
        if (session == null || state == null) {
            return Optional.empty();
        }
        synchronized (session) {
            PendingSignIns kept = (PendingSignIns) session.getAttribute(ATTRIBUTE);
            if (kept == null) {
                return Optional.empty();
            }
            Optional<PendingSignIn> pending = Optional.ofNullable(kept.byState.remove(state));
            session.setAttribute(ATTRIBUTE, kept);
            return pending;
        }
    }
}
