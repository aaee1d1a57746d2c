package org.parley.web.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.parley.consent.entity.OAuthException;

/**
 * The client's id and secret: HTTP Basic (RFC 6749 §2.3.1, each part form-urlencoded), or, for
 * a public client, only {@code client_id} in the body. Using both ways at once is refused.
 */
record ClientCredentials(String id, String secret) {

    static ClientCredentials of(String authorization, String bodyClientId, String bodyClientSecret) {
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            if (bodyClientSecret != null) {
                throw new OAuthException("invalid_request", "Use one way of client authentication.");
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new OAuthException("invalid_client", "Client authentication failed.");
                }
                String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                if (bodyClientId != null && !bodyClientId.equals(id)) {
                    throw new OAuthException("invalid_request", "client_id does not match the authenticated client.");
                }
                return new ClientCredentials(id, URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new OAuthException("invalid_client", "Client authentication failed.");
            }
        }
        if (bodyClientId == null || bodyClientId.isBlank()) {
            throw new OAuthException("invalid_client", "Client authentication failed.");
        }
        return new ClientCredentials(bodyClientId, bodyClientSecret);
    }
}
