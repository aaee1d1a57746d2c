package org.parley.desktop.auth;

/** Signing in (or renewing) did not work; the message is one sentence that says why and what to do. */
public class SignInException extends Exception {

    public SignInException(String message) {
        super(message);
    }
}
