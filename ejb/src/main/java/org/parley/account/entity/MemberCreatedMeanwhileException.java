package org.parley.account.entity;

import jakarta.ejb.ApplicationException;

/**
 * The member a person's first sign-in or a directory sync was about to create was created a moment ago by another of
 * their sign-ins (two tabs, a double click) or by a sync: the username is in the database now. An application
 * exception, so the transaction that tried is rolled back without a system exception in the log; the sign-in or sync
 * goes on with the member now there.
 */
@ApplicationException(rollback = true)
public class MemberCreatedMeanwhileException extends RuntimeException {

    public MemberCreatedMeanwhileException(String username, Throwable cause) {
        super("The member '" + username + "' was created by another sign-in or sync a moment ago.", cause);
    }
}
