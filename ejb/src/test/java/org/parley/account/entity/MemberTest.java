package org.parley.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.identitystore.PasswordHash;
import java.time.Instant;
import java.util.Map;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-02-01T10:00:00Z");

    private PasswordHash hasher;
    private Member ada;

    @BeforeEach
    void member() {
        Pbkdf2PasswordHashImpl pbkdf2 = new Pbkdf2PasswordHashImpl();
        pbkdf2.initialize(Map.of("Pbkdf2PasswordHash.Iterations", "1024"));
        hasher = pbkdf2;
        ada = new Member("ada", "Ada Lovelace", Role.MEMBER, "3F2A9C41D07B55E1", "first-password".toCharArray(),
                hasher, CREATED);
    }

    @Test
    void aNewMemberIsEnabledAndHoldsOnlyAHash() {
        assertTrue(ada.isEnabled());
        assertTrue(ada.verifyPassword("first-password".toCharArray(), hasher));
        assertFalse(ada.verifyPassword("First-password".toCharArray(), hasher));
        assertFalse(ada.verifyPassword(null, hasher));
        assertEquals(CREATED, ada.getPasswordChangedAt());
    }

    @Test
    void thePasswordChangesOnlyWithTheCurrentOne() throws Exception {
        assertThrows(WrongPasswordException.class,
                () -> ada.changePassword("not-it-at-all".toCharArray(), "second-password".toCharArray(), hasher, LATER));
        assertTrue(ada.verifyPassword("first-password".toCharArray(), hasher), "unchanged after a refusal");

        ada.changePassword("first-password".toCharArray(), "second-password".toCharArray(), hasher, LATER);

        assertTrue(ada.verifyPassword("second-password".toCharArray(), hasher));
        assertFalse(ada.verifyPassword("first-password".toCharArray(), hasher));
        assertEquals(LATER, ada.getPasswordChangedAt());
    }

    @Test
    void aShortNewPasswordIsRefused() {
        UnacceptablePasswordException refused = assertThrows(UnacceptablePasswordException.class,
                () -> ada.changePassword("first-password".toCharArray(), "short".toCharArray(), hasher, LATER));
        assertEquals("A password needs at least 8 characters.", refused.getMessage());
        assertThrows(UnacceptablePasswordException.class,
                () -> ada.resetPassword("x".repeat(Member.PASSWORD_MAX + 1).toCharArray(), hasher, LATER));
    }

    @Test
    void anAdminResetNeedsNoCurrentPassword() {
        ada.resetPassword("reset-by-admin".toCharArray(), hasher, LATER);
        assertTrue(ada.verifyPassword("reset-by-admin".toCharArray(), hasher));
    }

    @Test
    void disableAndEnable() {
        ada.disable();
        assertFalse(ada.isEnabled());
        ada.enable();
        assertTrue(ada.isEnabled());
    }

    @Test
    void aNewPasswordOrBeingDisabledStartsANewSessionGenerationAndNothingElseDoes() throws Exception {
        int first = ada.getSessionGeneration();
        ada.changePassword("first-password".toCharArray(), "second-password".toCharArray(), hasher, LATER);
        int afterChange = ada.getSessionGeneration();
        ada.resetPassword("reset-by-admin".toCharArray(), hasher, LATER);
        int afterReset = ada.getSessionGeneration();
        ada.disable();
        int afterDisable = ada.getSessionGeneration();
        ada.enable();
        ada.rotateCid("00000000000000FF");
        ada.changeRole(Role.ADMIN);
        ada.updateProfile("Ada King", null, null);

        assertTrue(first < afterChange && afterChange < afterReset && afterReset < afterDisable,
                first + ", " + afterChange + ", " + afterReset + ", " + afterDisable);
        assertEquals(afterDisable, ada.getSessionGeneration(), "enabling again does not revive the ended sessions");
        assertThrows(WrongPasswordException.class,
                () -> ada.changePassword("not-it-at-all".toCharArray(), "third-password".toCharArray(), hasher, LATER));
        assertEquals(afterDisable, ada.getSessionGeneration(), "a refused change ends nothing");
    }

    @Test
    void onlyAValidCidIsAccepted() {
        assertThrows(IllegalArgumentException.class, () -> ada.rotateCid("not-a-cid"));
        assertThrows(IllegalArgumentException.class, () -> new Member("bob", "Bob", Role.MEMBER, "3f2a9c41d07b55e1",
                "first-password".toCharArray(), hasher, CREATED));
        ada.rotateCid("00000000000000FF");
        assertEquals("00000000000000FF", ada.getCid());
        assertNotEquals("3F2A9C41D07B55E1", ada.getCid());
    }

    @Test
    void anAdminBelongsToBothGroups() {
        assertEquals(java.util.Set.of("member"), Role.MEMBER.groups());
        assertEquals(java.util.Set.of("member", "admin"), Role.ADMIN.groups());
    }

    @Test
    void profileTextIsTrimmedAndBlankBecomesNothing() {
        ada.updateProfile("  Ada King  ", "  ", "Analytical Engines ");
        assertEquals("Ada King", ada.getDisplayName());
        assertEquals(null, ada.getTitle());
        assertEquals("Analytical Engines", ada.getDepartment());
        assertEquals("badDisplayName", assertThrows(AccountRefusedException.class, () -> ada.updateProfile(" ", null, null))
                .getReason());
    }

    /**
     * What others see of a member is plain text on one line: a bidi override in a name turned around the text shown after
     * it (a status, "is typing…"), and control characters and line breaks have no place in a name; a lone surrogate
     * (an OpenID provider's JSON may escape one) could not be sent in a frame. A name of nothing but these is no name.
     */
    @Test
    void profileTextIsPlainTextOnOneLine() {
        ada.updateProfile("Ada\u202E King\u0007", "Count\u2066ess\n of\tLovelace", "\u0000Engines\ud800");
        assertEquals("Ada King", ada.getDisplayName());
        assertEquals("Countess of Lovelace", ada.getTitle());
        assertEquals("Engines\uFFFD", ada.getDepartment());
        AccountRefusedException refused = assertThrows(AccountRefusedException.class,
                () -> ada.updateProfile("\u202E\u0007\u2069", null, null));
        assertEquals("badDisplayName", refused.getReason());
        assertEquals("Ada King", ada.getDisplayName(), "unchanged");
        assertEquals("badDisplayName", assertThrows(AccountRefusedException.class,
                () -> ada.updateProfile("\u00A0\u200B\uFEFF\u2060\u00AD\u180E\u3164\u2800", null, null)).getReason(),
                "a name of nothing that shows looked empty on the profile");
        assertEquals("Ada King", ada.getDisplayName(), "unchanged");
        assertEquals("Out today", new MemberSettings("Out\u202E\r\ntoday\u0008", true, true, false).getPersonalMessage());
        assertEquals(null, new MemberSettings("\u202E\u0007", true, true, false).getPersonalMessage());

        Member grace = Member.from(new ExternalAccount(Origin.OIDC, "https://idp/|43", "grace", "Grace\u202E Hopper\ud800",
                "Rear\nAdmiral", null, null, null), "grace", Role.MEMBER, "0123456789ABCDEF", LATER);
        assertEquals("Grace Hopper\uFFFD", grace.getDisplayName());
        assertEquals("Rear Admiral", grace.getTitle());
        ExternalAccount unnamed = new ExternalAccount(Origin.OIDC, "https://idp/|43", "grace", "\u202E\u0007", null, null,
                null, null);
        assertEquals(java.util.List.of("display name", "title"), grace.takeProfileFrom(unnamed));
        assertEquals("grace", grace.getDisplayName(), "nothing but control characters at the source: the username");
    }

    @Test
    void anEmailAddressIsKeptOnlyWhenItIsOne() {
        ada.changeEmail("  ada@example.org ");
        assertEquals("ada@example.org", ada.getEmail());
        for (String bad : new String[] {"ada", "ada@", "@example.org", "ada@example", "a da@example.org", "ada@@example.org",
                "ada@exa\u0000mple.org", "x".repeat(250) + "@example.org"}) {
            AccountRefusedException refused = assertThrows(AccountRefusedException.class, () -> ada.changeEmail(bad), bad);
            assertEquals("badEmail", refused.getReason());
            assertEquals("ada@example.org", ada.getEmail(), "unchanged after " + bad);
        }
        ada.changeEmail(" ");
        assertEquals(null, ada.getEmail(), "blank removes it");
    }

    @Test
    void aProfileThatDoesNotFitIsRefusedWithItsReason() {
        assertEquals("badDisplayName", assertThrows(AccountRefusedException.class,
                () -> Member.requireProfile(" ", null, null)).getReason());
        assertEquals("titleTooLong", assertThrows(AccountRefusedException.class,
                () -> Member.requireProfile("Ada", "t".repeat(Member.NAME_MAX + 1), null)).getReason());
        assertEquals("departmentTooLong", assertThrows(AccountRefusedException.class,
                () -> Member.requireProfile("Ada", null, "d".repeat(Member.NAME_MAX + 1))).getReason());
        Member.requireProfile("Ada", "t".repeat(Member.NAME_MAX), "d".repeat(Member.NAME_MAX));
    }

    @Test
    void aMemberFromTheCompanyDirectoryHasNoParleyPasswordAndCannotBeGivenOne() {
        Member grace = Member.from(new ExternalAccount(Origin.LDAP, "guid-1", "Grace", "Grace Hopper", "Rear Admiral",
                "Navy", "grace@example.org", null), "grace", Role.MEMBER, "0123456789ABCDEF", LATER);
        assertEquals(Origin.LDAP, grace.getOrigin());
        assertEquals("guid-1", grace.getExternalId());
        assertFalse(grace.isLocal());
        assertFalse(grace.verifyPassword("".toCharArray(), hasher));
        assertFalse(grace.verifyPassword("anything-at-all".toCharArray(), hasher));
        AccountRefusedException refused = assertThrows(AccountRefusedException.class,
                () -> grace.resetPassword("new-password".toCharArray(), hasher, LATER));
        assertEquals("The password of 'grace' is kept by the company directory, not by Parley.", refused.getMessage());
        assertThrows(AccountRefusedException.class,
                () -> grace.changePassword("x".toCharArray(), "new-password".toCharArray(), hasher, LATER));
        assertTrue(ada.isLocal());
    }

    @Test
    void theProfileFollowsTheSourceAndSaysWhatChanged() {
        Member grace = Member.from(new ExternalAccount(Origin.OIDC, "https://idp/|42", "grace", "Grace Hopper",
                "Rear Admiral", "Navy", "grace@example.org", null), "grace", Role.MEMBER, "0123456789ABCDEF", LATER);
        assertEquals("Grace Hopper", grace.getDisplayName());
        assertEquals(java.util.List.of(), grace.takeProfileFrom(new ExternalAccount(Origin.OIDC, "https://idp/|42",
                "grace", "Grace Hopper", "Rear Admiral", "Navy", "grace@example.org", null)));
        ExternalAccount emptied = new ExternalAccount(Origin.OIDC, "https://idp/|42", "grace", " ", null, "",
                "not an address", null);
        assertEquals(java.util.List.of("display name", "title", "department", "e-mail"), grace.profileChangesFrom(emptied));
        assertEquals("Rear Admiral", grace.getTitle(), "only said, not taken");
        assertEquals(java.util.List.of("display name", "title", "department", "e-mail"), grace.takeProfileFrom(emptied));
        assertEquals(java.util.List.of(), grace.profileChangesFrom(emptied), "taken");
        assertEquals("grace", grace.getDisplayName(), "no display name at the source: the username");
        assertEquals(null, grace.getTitle());
        assertEquals(null, grace.getDepartment());
        assertEquals(null, grace.getEmail(), "an address nobody could send mail to is left out");
        String longTitle = "\uD83D\uDE00".repeat(Member.NAME_MAX + 5);
        grace.takeProfileFrom(new ExternalAccount(Origin.OIDC, "https://idp/|42", "grace", "Grace", longTitle, null, null, null));
        assertEquals(Member.NAME_MAX, grace.getTitle().codePointCount(0, grace.getTitle().length()),
                "cut to what Parley keeps, whole characters only");
    }
}
