package org.parley.account.entity;

/** Where a member's account comes from, and so who checks their password and keeps their profile. */
public enum Origin {
    /** Created in Parley (the first admin, an admin, a CSV import): Parley keeps the password and the profile. */
    LOCAL,
    /** The company directory (LDAP, Active Directory): it checks the password and keeps name, title, department, e-mail. */
    LDAP,
    /** An OpenID provider: it signs the member in and its claims keep the profile. */
    OIDC;

    /** The source in words for the log and the audit trail. */
    public String inWords() {
        return switch (this) {
            case LDAP -> "the company directory";
            case OIDC -> "the OpenID provider";
            case LOCAL -> "Parley";
        };
    }
}
