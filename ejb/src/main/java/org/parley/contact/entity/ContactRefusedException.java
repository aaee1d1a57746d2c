package org.parley.contact.entity;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Objects;

/**
 * A change or a message that the contact point rules refuse. {@link #reason()} names the rule, so a
 * page can say it in the reader's language next to the field it concerns ({@link Reason#field()});
 * the message says it in English for logs and callers without a page. Rolls the transaction back:
 * nothing is half-saved.
 */
@ApplicationException(rollback = true)
public class ContactRefusedException extends RuntimeException {

    /** The rules; {@link #field()} is the form field a reason belongs to ({@code null}: the form as a whole). */
    public enum Reason {
        NAME_INVALID("name"),
        NAME_TAKEN("name"),
        TITLE_INVALID("title"),
        INTRO_TOO_LONG("intro"),
        MEMBERS_EMPTY("members"),
        MEMBERS_TOO_MANY("members"),
        MEMBER_UNKNOWN("members"),
        MEMBER_TWICE("members"),
        UNKNOWN_CONTACT_POINT(null),
        VISITOR_NAME_INVALID("visitorName"),
        REPLY_TO_TOO_LONG("replyTo"),
        MESSAGE_INVALID("message"),
        RATE_LIMITED(null),
        MAILBOXES_FULL(null);

        private final String field;

        Reason(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final Reason reason;
    private final Duration retryAfter;

    public ContactRefusedException(Reason reason, String message) {
        this(reason, message, Duration.ZERO);
    }

    public ContactRefusedException(Reason reason, String message, Duration retryAfter) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** How long to wait before trying again ({@link Reason#RATE_LIMITED}); zero otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
