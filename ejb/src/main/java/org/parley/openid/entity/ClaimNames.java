package org.parley.openid.entity;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parley.account.entity.ExternalAccount;
import org.parley.account.entity.Member;
import org.parley.account.entity.Origin;

/**
 * Which claims of a verified ID token say what about the person, and how they become a Parley account.
 * A claim is looked up by its whole name first (so namespaced claims such as
 * {@code https://example.com/title} work); only if there is none, a name with dots is read as a path
 * into nested objects ({@code realm_access.roles}, as Keycloak puts realm roles).
 * <ul>
 * <li>The person is the issuer and subject together ({@code issuer|sub}): a username that changes at
 * the provider stays the same member.</li>
 * <li>The username claim is required; without it nobody can be named.</li>
 * <li>Display name, title, department and e-mail are taken when present (and must be text).</li>
 * <li>With an {@code adminGroup}, the groups claim (a list, or one text) decides the role on every
 * sign-in: in the group, an administrator; not in it (or no such claim), a member. Without an
 * {@code adminGroup}, the provider says nothing about roles and admins decide them in Parley.</li>
 * </ul>
 *
 * @param username    claim with the username (required in every token)
 * @param displayName claim with the person's name, or {@code null} for none
 * @param title       claim with the job title, or {@code null}
 * @param department  claim with the department, or {@code null}
 * @param email       claim with the e-mail address, or {@code null}
 * @param groups      claim with the person's groups, or {@code null}
 * @param adminGroup  the group whose members are Parley's administrators, or {@code null}
 */
public record ClaimNames(String username, String displayName, String title, String department, String email,
                         String groups, String adminGroup) {

    public ClaimNames {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("the username claim must be named");
        }
    }

    /** The account a verified ID token of {@code issuer} describes, with {@code claims} its claims. */
    public ExternalAccount account(String issuer, String subject, Map<String, Object> claims) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        String externalId = issuer + "|" + subject;
        if (externalId.length() > Member.EXTERNAL_ID_MAX) {
            throw new OpenIdRefusedException(OpenIdRefusedException.Reason.FAILED, "the ID token's subject is "
                    + subject.length() + " characters long; Parley keeps at most " + Member.EXTERNAL_ID_MAX
                    + " for the issuer and the subject together");
        }
        String name = text(claims, username).filter(s -> !s.isBlank()).orElseThrow(() -> new OpenIdRefusedException(
                OpenIdRefusedException.Reason.NO_USERNAME, "the ID token has no '" + username
                + "' claim to take the username from (parley.oidc.claims.username); the provider must add it"));
        return new ExternalAccount(Origin.OIDC, externalId, name, text(claims, displayName).orElse(null),
                text(claims, title).orElse(null), text(claims, department).orElse(null),
                text(claims, email).orElse(null), admin(claims));
    }

    private Boolean admin(Map<String, Object> claims) {
        if (adminGroup == null) {
            return null;
        }
        Object memberOf = claim(claims, groups).orElse(null);
        if (memberOf instanceof Collection<?> list) {
            return list.contains(adminGroup);
        }
        return adminGroup.equals(memberOf);
    }

    private static Optional<String> text(Map<String, Object> claims, String name) {
        return claim(claims, name).filter(String.class::isInstance).map(String.class::cast);
    }

    private static Optional<Object> claim(Map<String, Object> claims, String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (claims.containsKey(name) || name.indexOf('.') < 0) {
            return Optional.ofNullable(claims.get(name));
        }
        Object current = claims;
        for (String step : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return Optional.empty();
            }
            current = object.get(step);
        }
        return Optional.ofNullable(current);
    }
}
