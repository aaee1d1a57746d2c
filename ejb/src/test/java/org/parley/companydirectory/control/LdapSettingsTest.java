package org.parley.companydirectory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LdapSettingsTest {

    private static Optional<LdapSettings> read(String... keysAndValues) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put("parley.ldap." + keysAndValues[i], keysAndValues[i + 1]);
        }
        return LdapSettings.from(key -> Optional.ofNullable(config.get(key)));
    }

    private static String refusal(String... keysAndValues) {
        return assertThrows(IllegalArgumentException.class, () -> read(keysAndValues)).getMessage();
    }

    @Test
    void withoutAUrlThereIsNoDirectory() {
        assertTrue(read().isEmpty());
        assertTrue(read("url", "  ", "kind", "nonsense").isEmpty(), "a blank URL is no URL, and nothing else is read");
    }

    @Test
    void activeDirectoryIsTheDefaultKindWithItsAttributes() {
        LdapSettings ad = read("url", "ldaps://dc1.corp.example", "base-dn", "OU=Staff,DC=corp,DC=example",
                "bind-dn", "CN=parley,OU=Services,DC=corp,DC=example", "bind-password", "s3cret").orElseThrow();
        assertEquals(LdapSettings.Kind.AD, ad.kind());
        assertEquals(636, ad.port());
        assertEquals(LdapSettings.Security.LDAPS, ad.security());
        assertEquals(List.of("sAMAccountName"), ad.attributes().username());
        assertEquals("objectGUID", ad.attributes().id());
        assertEquals("userAccountControl", ad.attributes().disabled());
        assertEquals(List.of("department"), ad.attributes().department());
        assertEquals(LdapSettings.GroupMembership.MEMBER_OF, ad.groupMembership());
        assertEquals("(&(objectCategory=person)(objectClass=user))", ad.userFilter().toString());
        assertEquals(Duration.ofHours(1), ad.syncInterval());
        assertEquals(500, ad.pageSize());
        assertTrue(ad.adminGroup().isEmpty(), "no admin group: roles stay with Parley's admins");
        assertFalse(ad.toString().contains("s3cret"), ad.toString());
        assertEquals("ldaps://dc1.corp.example:636, Active Directory, people under OU=Staff,DC=corp,DC=example", ad.describe());
    }

    @Test
    void openLdapReadsInetOrgPersonsAndEachAttributeCanBeChanged() {
        LdapSettings openldap = read("url", "ldap://ldap.example.org", "kind", "openldap", "base-dn", "dc=example,dc=org",
                "user-dn-pattern", "uid={0},ou=people,dc=example,dc=org", "attribute.department", "departmentNumber",
                "attribute.display-name", " displayName , cn ", "admin-group", "cn=admins,ou=groups,dc=example,dc=org",
                "page-size", "200", "sync-interval", "PT15M").orElseThrow();
        assertEquals(LdapSettings.Security.STARTTLS, openldap.security(), "ldap:// means StartTLS unless told otherwise");
        assertEquals(389, openldap.port());
        assertEquals(List.of("uid"), openldap.attributes().username());
        assertEquals("entryUUID", openldap.attributes().id());
        assertEquals(List.of("departmentNumber"), openldap.attributes().department());
        assertEquals(List.of("displayName", "cn"), openldap.attributes().displayName());
        assertEquals(LdapSettings.GroupMembership.GROUP_ENTRY, openldap.groupMembership());
        assertEquals("(objectClass=inetOrgPerson)", openldap.userFilter().toString());
        assertEquals(200, openldap.pageSize());
        assertEquals(Duration.ofMinutes(15), openldap.syncInterval());
        assertFalse(openldap.hasServiceAccount());
        assertTrue(List.of(openldap.attributes().requested()).containsAll(List.of("uid", "entryUUID", "memberOf", "cn")));
    }

    @Test
    void plainLdapOnlyWhenExplicitlyAllowed() {
        assertTrue(refusal("url", "ldap://ldap", "starttls", "false", "base-dn", "dc=x", "user-dn-pattern", "uid={0},dc=x")
                .contains("parley.ldap.allow-plain=true"));
        assertEquals(LdapSettings.Security.PLAIN, read("url", "ldap://ldap", "starttls", "false", "allow-plain", "true",
                "base-dn", "dc=x", "user-dn-pattern", "uid={0},dc=x").orElseThrow().security());
    }

    @Test
    void aValueThatCannotWorkIsRefusedNamingItsKey() {
        assertEquals("parley.ldap.url=http://dc1 cannot work: write it as ldaps://host:636 or ldap://host:389",
                refusal("url", "http://dc1"));
        assertTrue(refusal("url", "ldaps://dc1", "bind-dn", "cn=p").startsWith("Set parley.ldap.bind-password"));
        assertTrue(refusal("url", "ldaps://dc1", "base-dn", "dc=x").contains("parley.ldap.user-dn-pattern"));
        assertTrue(refusal("url", "ldaps://dc1", "user-dn-pattern", "uid={0}").startsWith("Set parley.ldap.base-dn"));
        assertTrue(refusal("url", "ldaps://dc1", "base-dn", "not a dn", "user-dn-pattern", "uid={0}")
                .startsWith("parley.ldap.base-dn=not a dn cannot work"));
        assertTrue(refusal("url", "ldaps://dc1", "base-dn", "dc=x", "user-dn-pattern", "uid=x")
                .contains("it needs {0}"));
        assertTrue(refusal("url", "ldaps://dc1", "base-dn", "dc=x", "user-dn-pattern", "uid={0}", "kind", "novell")
                .contains("choose one of [ad, openldap]"));
        assertTrue(refusal("url", "ldaps://dc1", "base-dn", "dc=x", "user-dn-pattern", "uid={0}", "user-filter", "(uid=")
                .contains("not an LDAP filter"));
        assertTrue(refusal("url", "ldaps://dc1", "base-dn", "dc=x", "user-dn-pattern", "uid={0}", "page-size", "0")
                .contains("a whole number from 1 to 10000"));
        assertTrue(refusal("url", "ldaps://dc1", "base-dn", "dc=x", "user-dn-pattern", "uid={0}", "sync-interval", "hourly")
                .contains("write a duration such as PT10S or PT1H"));
        assertTrue(refusal("url", "ldaps://dc1", "base-dn", "dc=x", "user-dn-pattern", "uid={0}", "ca-file", "/nowhere/ca.pem")
                .contains("no readable PEM file there"));
    }
}
