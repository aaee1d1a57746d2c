package org.parley.account.entity;

import jakarta.ejb.ApplicationException;

/** The current password given to confirm a change is not the member's password. */
@ApplicationException(rollback = true)
public class WrongPasswordException extends Exception {
    public WrongPasswordException() {
        super("The current password is not correct.");
    }
}
