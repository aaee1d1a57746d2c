package org.parley.web.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a Bearer token means, by where it is presented. This is the one place that says it:
 * <ul>
 * <li>{@link #SIGNS_IN}: the member client socket {@code /ws/client}, where an access token of the
 * desktop client ({@code parley-desktop}) signs the member in for that request only.</li>
 * <li>{@link #VERIFIES_A_VISITOR}: the visitor socket {@code /ws/control}, where an access token of the
 * desktop client makes the caller the verified visitor its member is (their username), exactly as a
 * signed-in browser's session does there; it grants no role and opens nothing else.</li>
 * <li>{@link #READ_BY_THE_API}: the APIs of SPEC.md §2–3 under {@code /api/} and {@code /users/},
 * whose resources read the token themselves, decide by its scopes, and answer an invalid one
 * in their own form (401 with the same challenge and a JSON error body).</li>
 * <li>{@link #OPENS_NOTHING}: everywhere else, every page above all. Pages know a member only
 * from the signed-in session; a valid token here is not a sign-in, an invalid one is refused.</li>
 * </ul>
 */
enum TokenPaths {
    SIGNS_IN,
    VERIFIES_A_VISITOR,
    READ_BY_THE_API,
    OPENS_NOTHING;

    private static final String CLIENT_SOCKET = "/ws/client";
    private static final String VISITOR_SOCKET = "/ws/control";

    /** Whether only a token of the desktop client ({@code parley-desktop}) counts here; any other is refused as invalid. */
    boolean desktopOnly() {
        return this == SIGNS_IN || this == VERIFIES_A_VISITOR;
    }

    static TokenPaths of(HttpServletRequest request) {
        // the container's decoded, normalised path (no ;parameters), not the raw URI a client typed
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.equals(CLIENT_SOCKET)) {
            return SIGNS_IN;
        }
        if (path.equals(VISITOR_SOCKET)) {
            return VERIFIES_A_VISITOR;
        }
        if (path.startsWith("/api/") || path.startsWith("/users/")) {
            return READ_BY_THE_API;
        }
        return OPENS_NOTHING;
    }
}
