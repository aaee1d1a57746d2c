package org.parley.companydirectory.entity;

import java.util.Objects;
import org.parley.account.entity.ExternalAccount;

/**
 * A person as the company directory's entry describes them, mapped to what Parley keeps.
 *
 * @param account  name, profile, lasting id and (when an admin group is configured) role
 * @param dn       the entry's distinguished name, for the log
 * @param disabled whether the directory has disabled (or locked) the account
 */
public record DirectoryPerson(ExternalAccount account, String dn, boolean disabled) {

    public DirectoryPerson {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(dn, "dn");
    }
}
