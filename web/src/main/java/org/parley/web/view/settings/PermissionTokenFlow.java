package org.parley.web.view.settings;

import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.Optional;
import org.parley.consent.control.Pkce;
import org.parley.consent.control.TokenDigests;
import org.parley.consent.entity.Application;
import org.parley.web.view.Http;

/**
 * The consent flow Parley runs on itself for the member's permission token (client
 * {@code parley-directory}): {@code /settings} starts it, {@code /settings/permission-token} ends it.
 * The state and the PKCE verifier live only in the member's session, and each start replaces the
 * previous pair, so an answer is taken once and only in the browser that asked.
 */
final class PermissionTokenFlow {

    /** The redirect URI registered for {@code parley-directory}, relative to Parley itself. */
    static final String CALLBACK = "/settings/permission-token";

    /** Set in the flash when a token was acquired, for the settings page to say so. */
    static final String ACQUIRED = PermissionTokenFlow.class.getName() + ".acquired";

    private static final String STATE = PermissionTokenFlow.class.getName() + ".state";
    private static final String VERIFIER = PermissionTokenFlow.class.getName() + ".verifier";
    private static final String SCOPES = "presence chat.signin";

    private PermissionTokenFlow() {
    }

    /** Remembers a new state and verifier; answers where to send the browser to ask for consent. */
    static String start(FacesContext faces) {
        String state = TokenDigests.newToken();
        String verifier = TokenDigests.newToken();
        Map<String, Object> session = faces.getExternalContext().getSessionMap();
        session.put(STATE, state);
        session.put(VERIFIER, verifier);
        return Http.withQuery(faces.getExternalContext().getRequestContextPath() + "/oauth/authorize",
                "response_type", "code", "client_id", Application.DIRECTORY, "redirect_uri", callback(faces),
                "scope", SCOPES, "state", state, "code_challenge", Pkce.challengeOf(verifier),
                "code_challenge_method", "S256");
    }

    /**
     * The verifier of the request this answer belongs to, if its {@code state} is the one this
     * session sent; either way the pair is forgotten, so an answer is never taken twice.
     */
    static Optional<String> finish(FacesContext faces, String state) {
        Map<String, Object> session = faces.getExternalContext().getSessionMap();
        String expected = (String) session.remove(STATE);
        String verifier = (String) session.remove(VERIFIER);
        if (expected == null || verifier == null || state == null
                || !TokenDigests.sameHash(TokenDigests.of(expected), TokenDigests.of(state))) {
            return Optional.empty();
        }
        return Optional.of(verifier);
    }

    /** The absolute redirect URI, on the origin the member is using. */
    static String callback(FacesContext faces) {
        return Http.base(faces) + CALLBACK;
    }
}
