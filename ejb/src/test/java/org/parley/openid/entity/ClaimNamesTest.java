package org.parley.openid.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.entity.ExternalAccount;
import org.parley.account.entity.Member;
import org.parley.account.entity.Origin;

class ClaimNamesTest {

    private static final String ISSUER = "https://sso.example.com/realms/staff";
    private static final ClaimNames DEFAULTS = new ClaimNames("preferred_username", "name", "title", "department",
            "email", "groups", null);

    @Test
    void theStandardClaimsBecomeTheMembersProfileAndTheIssuerAndSubjectTheirLastingId() {
        ExternalAccount account = DEFAULTS.account(ISSUER, "f81d4fae", Map.of("preferred_username", "grace",
                "name", "Grace Hopper", "title", "Rear Admiral", "department", "Navy", "email", "grace@example.com"));

        assertEquals(new ExternalAccount(Origin.OIDC, ISSUER + "|f81d4fae", "grace", "Grace Hopper", "Rear Admiral",
                "Navy", "grace@example.com", null), account);
    }

    @Test
    void aTokenWithoutTheUsernameClaimNamesNobody() {
        OpenIdRefusedException refused = assertThrows(OpenIdRefusedException.class,
                () -> DEFAULTS.account(ISSUER, "s", Map.of("name", "Someone", "preferred_username", " ")));

        assertEquals(OpenIdRefusedException.Reason.NO_USERNAME, refused.getReason());
        assertTrue(refused.getMessage().contains("'preferred_username'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("parley.oidc.claims.username"), refused.getMessage());
    }

    @Test
    void missingOrNonTextProfileClaimsAreLeftEmpty() {
        ExternalAccount account = DEFAULTS.account(ISSUER, "s", Map.of("preferred_username", "ada", "title", List.of("x"),
                "department", 42));

        assertNull(account.displayName());
        assertNull(account.title());
        assertNull(account.department());
        assertNull(account.email());
        assertEquals("ada", account.nameForOthers());
    }

    @Test
    void withAnAdminGroupTheGroupsClaimDecidesTheRoleOnEverySignIn() {
        ClaimNames names = new ClaimNames("preferred_username", "name", null, null, null, "groups", "parley-admins");

        assertEquals(Boolean.TRUE, names.account(ISSUER, "a", Map.of("preferred_username", "a",
                "groups", List.of("staff", "parley-admins"))).admin());
        assertEquals(Boolean.TRUE, names.account(ISSUER, "b", Map.of("preferred_username", "b",
                "groups", "parley-admins")).admin());
        assertEquals(Boolean.FALSE, names.account(ISSUER, "c", Map.of("preferred_username", "c",
                "groups", List.of("staff"))).admin());
        assertEquals(Boolean.FALSE, names.account(ISSUER, "d", Map.of("preferred_username", "d")).admin());
    }

    @Test
    void withoutAnAdminGroupTheProviderSaysNothingAboutRoles() {
        assertNull(DEFAULTS.account(ISSUER, "a", Map.of("preferred_username", "a", "groups", List.of("parley-admins"))).admin());
    }

    @Test
    void aDottedNameReadsNestedClaimsUnlessAClaimHasThatWholeName() {
        ClaimNames names = new ClaimNames("preferred_username", "name", "https://example.com/title", null, null,
                "realm_access.roles", "parley-admin");

        ExternalAccount account = names.account(ISSUER, "a", Map.of("preferred_username", "a",
                "https://example.com/title", "Engineer", "realm_access", Map.of("roles", List.of("parley-admin"))));

        assertEquals("Engineer", account.title());
        assertEquals(Boolean.TRUE, account.admin());
    }

    @Test
    void aSubjectTooLongToKeepIsRefused() {
        String subject = "s".repeat(Member.EXTERNAL_ID_MAX);

        OpenIdRefusedException refused = assertThrows(OpenIdRefusedException.class,
                () -> DEFAULTS.account(ISSUER, subject, Map.of("preferred_username", "a")));

        assertEquals(OpenIdRefusedException.Reason.FAILED, refused.getReason());
    }
}
