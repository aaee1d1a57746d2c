package org.parley.consent.entity;

import jakarta.ejb.ApplicationException;

/**
 * An {@code /oauth/authorize} request that cannot go on. When the client or its redirect URI
 * cannot be trusted, it is shown on an error page and never redirected ({@code redirectable}
 * false); otherwise the error goes back to the client's redirect URI (RFC 6749 §4.1.2.1).
 */
@ApplicationException
public class AuthorizeException extends RuntimeException {

    private final boolean redirectable;
    private final String error;

    public AuthorizeException(boolean redirectable, String error, String description) {
        super(description, null, false, false);
        this.redirectable = redirectable;
        this.error = error;
    }

    public boolean redirectable() {
        return redirectable;
    }

    public String error() {
        return error;
    }
}
