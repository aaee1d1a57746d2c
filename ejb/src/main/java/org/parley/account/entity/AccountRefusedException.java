package org.parley.account.entity;

import jakarta.ejb.ApplicationException;

/** A change to an account that its rules refuse; the message is meant for the person who asked. */
@ApplicationException(rollback = true)
public class AccountRefusedException extends RuntimeException {
    public AccountRefusedException(String message) {
        super(message);
    }
}
