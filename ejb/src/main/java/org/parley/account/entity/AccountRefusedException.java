package org.parley.account.entity;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A change to an account that its rules refuse; the message is meant for the person who asked.
 * A refusal may carry a {@linkplain #getReason() reason} and its {@linkplain #getArguments() arguments}
 * (names, numbers), so that a page can say it in the reader's language; the message is the English.
 */
@ApplicationException(rollback = true)
public class AccountRefusedException extends RuntimeException {

    private final String reason;
    private final List<String> arguments;

    public AccountRefusedException(String message) {
        this(message, null);
    }

    public AccountRefusedException(String message, String reason, String... arguments) {
        super(message);
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    /** A short name for the rule that refused, such as {@code usernameTaken}, or null. */
    public String getReason() {
        return reason;
    }

    public List<String> getArguments() {
        return arguments;
    }
}
