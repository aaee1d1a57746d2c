package org.parley.account.entity;

import jakarta.ejb.ApplicationException;

/**
 * The member a person's first sign-in was about to create was created a moment ago by another of their sign-ins
 * (two tabs, a double click): the username is in the database now. An application exception, so the transaction
 * that tried is rolled back without a system exception in the log; the sign-in goes on with the member now there.
 */
@ApplicationException(rollback = true)
public class MemberCreatedMeanwhileException extends RuntimeException {

    public MemberCreatedMeanwhileException(String username, Throwable cause) {
        super("The member '" + username + "' was created by another sign-in a moment ago.", cause);
    }
}
