package org.parley.companydirectory.entity;

/** A directory entry Parley cannot make a member from (an attribute it needs is missing); the message says which. */
public class UnusableEntryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnusableEntryException(String message) {
        super(message);
    }
}
