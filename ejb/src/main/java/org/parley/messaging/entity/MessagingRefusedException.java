package org.parley.messaging.entity;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/**
 * A request the messaging rules refuse. {@code code} is the protocol's error code
 * ({@code invalid}, {@code not_found}, {@code rate_limited}, {@code forbidden}); the message is
 * meant for the person who sent it.
 */
@ApplicationException
public class MessagingRefusedException extends RuntimeException {

    public static final String INVALID = "invalid";
    public static final String NOT_FOUND = "not_found";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String FORBIDDEN = "forbidden";

    private final String code;
    private final Duration retryAfter;

    public MessagingRefusedException(String code, String message) {
        this(code, message, Duration.ZERO);
    }

    public MessagingRefusedException(String code, String message, Duration retryAfter) {
        super(message);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static MessagingRefusedException textOutOfBounds() {
        return new MessagingRefusedException(INVALID, "text: a message has 1 to 2000 characters, not all of them invisible.");
    }

    public static MessagingRefusedException rateLimited(String message, Duration retryAfter) {
        return new MessagingRefusedException(RATE_LIMITED, message, retryAfter);
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
