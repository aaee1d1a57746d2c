package org.parley.desktop.session;

/** The member's credential no longer works (revoked, expired, or the consent withdrawn); the message says so in one sentence. */
public class SignedOutException extends Exception {

    public SignedOutException(String message) {
        super(message);
    }
}
