package org.parley.account.entity;

/**
 * Something done to or by an account, fired by the account boundary (and the sign-in
 * mechanism through it) in the transaction that did it; the audit trail observes it.
 *
 * @param actor   who did it: a username, or the typed name for a refused sign-in
 * @param member  whose account it concerns (may equal {@code actor})
 * @param action  what was done
 * @param address the caller's address, when known
 * @param detail  a few words more, or {@code null}
 */
public record AccountEvent(String actor, String member, Action action, String address, String detail) {

    /** What was done; {@link #auditName()} is how the audit trail writes it. */
    public enum Action {
        SIGNED_IN("signin.succeeded"),
        SIGN_IN_REFUSED("signin.refused"),
        SIGNED_OUT("signout"),
        SESSIONS_ENDED("sessions.ended"),
        CREATED("member.created"),
        EDITED("member.edited"),
        DISABLED("member.disabled"),
        ENABLED("member.enabled"),
        PASSWORD_CHANGED("member.password-changed"),
        PASSWORD_RESET("member.password-reset"),
        CID_ROTATED("member.cid-rotated"),
        ROLE_CHANGED("member.role-changed");

        private final String auditName;

        Action(String auditName) {
            this.auditName = auditName;
        }

        public String auditName() {
            return auditName;
        }
    }
}
