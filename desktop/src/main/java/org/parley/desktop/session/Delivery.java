package org.parley.desktop.session;

/**
 * Where one message stands. The member's own: sending, sent (acknowledged by the server), failed, then delivered and
 * read as the visitor's control reports; a visitor's: delivered (shown here) and read (in front of the member).
 */
public enum Delivery {
    SENDING("sending…"),
    SENT("sent"),
    /** Written to a colleague who is away: Parley kept it as an offline message, shown when they are back. */
    QUEUED("kept for when they are back"),
    FAILED("not sent"),
    /** Shown to its reader: a visitor message here (confirmed with {@code received}), or the member's in the visitor's control. */
    DELIVERED("delivered"),
    /** Shown with the conversation in front of its reader. */
    READ("read");

    private final String words;

    Delivery(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
