package org.parley.desktop.protocol;

/** A frame from the server that the client cannot read; the message is one sentence for the member. */
public class ProtocolException extends Exception {

    public ProtocolException(String message) {
        super(message);
    }
}
