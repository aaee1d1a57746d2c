package org.parley.contact.entity;

/**
 * Something an administrator did to a contact point, or a message a visitor left on one, fired by
 * the boundary in the transaction that did it: the audit trail observes it in that transaction, and
 * the contact directory after it committed.
 *
 * @param actor   who did it: the administrator's username, or {@code visitor} for a left message
 * @param name    the contact point's name
 * @param action  what was done
 * @param address the caller's address, when known
 * @param detail  a few words more, or {@code null}
 */
public record ContactPointEvent(String actor, String name, Action action, String address, String detail) {

    /** What was done; {@link #auditName()} is how the audit trail writes it. */
    public enum Action {
        CREATED("contact.created"),
        UPDATED("contact.updated"),
        DELETED("contact.deleted"),
        MESSAGE_LEFT("contact.message-left");

        private final String auditName;

        Action(String auditName) {
            this.auditName = auditName;
        }

        public String auditName() {
            return auditName;
        }
    }
}
