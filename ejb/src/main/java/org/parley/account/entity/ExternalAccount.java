package org.parley.account.entity;

import java.util.Objects;

/**
 * A person as a source outside Parley (the company directory, an OpenID provider) describes them,
 * already mapped from its attributes or claims.
 *
 * @param origin     the source; never {@link Origin#LOCAL}
 * @param externalId the source's lasting name for the person (a directory entry's GUID or DN, an issuer and subject)
 * @param username   the name they sign in with, as the source spells it (normalised to Parley's rule on use)
 * @param displayName their name as others see it; blank: the username
 * @param title      their job title, or {@code null} when the source has none
 * @param department their department, or {@code null}
 * @param email      their e-mail address, or {@code null}; one nobody could send mail to is left out
 * @param admin      whether the source makes them an administrator; {@code null} when the source says nothing
 *                   about roles (the role is then an admin's choice in Parley)
 */
public record ExternalAccount(Origin origin, String externalId, String username, String displayName, String title,
                              String department, String email, Boolean admin) {

    public ExternalAccount {
        Objects.requireNonNull(origin, "origin");
        if (origin == Origin.LOCAL) {
            throw new IllegalArgumentException("an external account comes from outside Parley");
        }
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("an external account needs the source's id for the person");
        }
        Objects.requireNonNull(username, "username");
    }

    /**
     * Their name for others: the source's display name as plain text ({@link PlainText#line}), or the username where the
     * source has none (or nothing that shows: control, zero-width or blank characters).
     */
    public String nameForOthers() {
        String name = PlainText.line(displayName);
        return PlainText.shows(name) ? name : username;
    }
}
