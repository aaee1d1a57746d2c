package org.parley.account.entity;

/** A new password that does not meet the rules (length). */
public class UnacceptablePasswordException extends AccountRefusedException {
    public UnacceptablePasswordException(String message, String reason, String... arguments) {
        super(message, reason, arguments);
    }
}
