package org.parley.consent.entity;

import jakarta.ejb.ApplicationException;

/**
 * An OAuth 2.0 error as RFC 6749 §5.2 names them ({@code invalid_request}, {@code invalid_client},
 * {@code invalid_grant}, {@code unauthorized_client}, {@code unsupported_grant_type},
 * {@code invalid_scope}) and RFC 8628 adds ({@code authorization_pending}, {@code slow_down},
 * {@code expired_token}, {@code access_denied}). The description never says whether a member or
 * a token exists.
 */
@ApplicationException(rollback = false)
public class OAuthException extends RuntimeException {

    private final String error;

    public OAuthException(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
