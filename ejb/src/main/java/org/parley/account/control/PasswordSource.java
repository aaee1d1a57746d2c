package org.parley.account.control;

import java.util.Objects;
import org.parley.account.entity.ExternalAccount;

/**
 * A source outside Parley that checks its people's passwords: the company directory. {@code Members}
 * asks it about a name that is no local member. The source's own component implements this, so the
 * dependency runs from the source to accounts and never back (accounts know no LDAP).
 */
public interface PasswordSource {

    /** Whether configuration turned the source on. */
    boolean configured();

    /**
     * What the source says about {@code username} (already normalised) and {@code password}. Never
     * throws: a source that cannot be asked answers {@link Verdict.Kind#UNAVAILABLE}, having logged why.
     */
    Verdict check(String username, char[] password);

    /**
     * The source's answer.
     *
     * @param kind    what it said
     * @param account the person as the source describes them (when it signed them in)
     * @param reason  why it refused, in words for the audit trail ({@code null} when it signed them in)
     */
    record Verdict(Kind kind, ExternalAccount account, String reason) {

        /**
         * {@code UNKNOWN}: the source has nobody by that name; {@code TWO_PLACES}: it has two entries by that
         * name and cannot tell which one is meant; {@code UNAVAILABLE}: it did not answer (or Parley cannot
         * reach it as configured).
         */
        public enum Kind { SIGNED_IN, WRONG_PASSWORD, UNKNOWN, DISABLED, TWO_PLACES, UNAVAILABLE }

        public Verdict {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.SIGNED_IN) != (account != null)) {
                throw new IllegalArgumentException("a verdict names the person exactly when it signs them in");
            }
        }

        public static Verdict signedIn(ExternalAccount account) {
            return new Verdict(Kind.SIGNED_IN, account, null);
        }

        public static Verdict refused(Kind kind, String reason) {
            return new Verdict(kind, null, reason);
        }
    }
}
