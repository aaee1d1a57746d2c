package org.parley.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import org.parley.consent.boundary.Consents;
import org.parley.consent.entity.BearerIdentity;
import org.parley.consent.entity.OAuthException;

/** Reads {@code Authorization: Bearer …} (RFC 6750 §2.1) and asks the consents who it speaks for. */
@ApplicationScoped
public class BearerTokens {

    @EJB
    Consents consents;

    /** The token in an Authorization header, if it is a Bearer one. */
    public static Optional<String> token(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).trim()).filter(t -> !t.isEmpty());
    }

    public Optional<BearerIdentity> identify(String authorization) {
        return token(authorization).flatMap(consents::bearer);
    }

    /** The identity of a valid token; a missing, revoked, expired or unknown one is {@code invalid_token} (401). */
    public BearerIdentity required(String authorization) {
        return identify(authorization)
                .orElseThrow(() -> new OAuthException("invalid_token", "The access token is missing, expired or revoked."));
    }
}
