package org.parley.desktop.session;

/** Where one message stands. The member's own: sending, sent (acknowledged by the server) or failed; a visitor's: shown, read. */
public enum Delivery {
    SENDING("sending…"),
    SENT("sent"),
    FAILED("not sent"),
    /** A visitor message this client showed and confirmed ({@code received}). */
    DELIVERED("delivered"),
    /** A visitor message the member had in front of them ({@code received read:true}). */
    READ("read");

    private final String words;

    Delivery(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
