package org.parley.companydirectory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.account.entity.ExternalAccount;
import org.parley.account.entity.Origin;
import org.parley.companydirectory.entity.DirectoryPerson;
import org.parley.companydirectory.entity.UnusableEntryException;

class PersonMappingTest {

    private static final String ADMINS = "CN=Parley Admins,OU=Groups,DC=corp,DC=example";
    /** The GUID {@code 5d3a1e2b-4c6f-4a8d-9e0b-1f2a3b4c5d6e} as Active Directory stores it. */
    private static final byte[] GUID = HexFormat.of().parseHex("2b1e3a5d6f4c8d4a9e0b1f2a3b4c5d6e");

    private static PersonMapping mapping(String... keysAndValues) {
        Map<String, String> config = new HashMap<>(Map.of("parley.ldap.url", "ldaps://dc1",
                "parley.ldap.base-dn", "DC=corp,DC=example", "parley.ldap.user-dn-pattern", "{0}@corp.example"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put("parley.ldap." + keysAndValues[i], keysAndValues[i + 1]);
        }
        return new PersonMapping(LdapSettings.from(key -> Optional.ofNullable(config.get(key))).orElseThrow());
    }

    private static Entry ad(String ldif) throws Exception {
        Entry entry = new Entry(("dn: CN=Grace Hopper,OU=Staff,DC=corp,DC=example\n" + ldif).split("\n"));
        entry.addAttribute("objectGUID", GUID);
        return entry;
    }

    @Test
    void anActiveDirectoryPersonIsReadByItsAttributes() throws Exception {
        DirectoryPerson grace = mapping().person(ad("""
                sAMAccountName: GHopper
                displayName: Grace Hopper
                title: Rear Admiral
                department: Navy
                mail: grace@corp.example
                userAccountControl: 512"""), Set.of());
        assertEquals(new ExternalAccount(Origin.LDAP, "5d3a1e2b-4c6f-4a8d-9e0b-1f2a3b4c5d6e", "GHopper", "Grace Hopper",
                "Rear Admiral", "Navy", "grace@corp.example", null), grace.account());
        assertFalse(grace.disabled());
        assertEquals("CN=Grace Hopper,OU=Staff,DC=corp,DC=example", grace.dn());
    }

    @Test
    void theDisabledBitOfUserAccountControlDisables() throws Exception {
        assertTrue(mapping().person(ad("sAMAccountName: g\nuserAccountControl: 514"), Set.of()).disabled());
        assertFalse(mapping().person(ad("sAMAccountName: g\nuserAccountControl: 66048"), Set.of()).disabled());
    }

    @Test
    void theAdminGroupMakesAnAdminOnlyWhenOneIsConfigured() throws Exception {
        Entry inGroup = ad("sAMAccountName: g\nmemberOf: cn=parley admins,ou=groups,dc=corp,dc=example\nmemberOf: CN=Other,DC=corp,DC=example");
        Entry notInGroup = ad("sAMAccountName: g\nmemberOf: CN=Other,DC=corp,DC=example");
        assertEquals(true, mapping("admin-group", ADMINS).person(inGroup, Set.of()).account().admin(),
                "DNs compare case aside");
        assertEquals(false, mapping("admin-group", ADMINS).person(notInGroup, Set.of()).account().admin());
        assertNull(mapping().person(inGroup, Set.of()).account().admin(), "no group configured: Parley's admins decide");
    }

    @Test
    void openLdapPeopleAreAdminsByTheGroupsMemberList() throws Exception {
        PersonMapping openldap = mapping("kind", "openldap", "admin-group", "cn=admins,dc=example,dc=org");
        Entry ada = new Entry("""
                dn: uid=ada,ou=people,dc=example,dc=org
                uid: ada
                cn: Ada Lovelace
                ou: Analytical Engines
                entryUUID: 9f1c2d3e-0000-4000-8000-000000000001
                pwdAccountLockedTime: 000001010000Z""".split("\n"));
        DirectoryPerson person = openldap.person(ada, Set.of(new DN("UID=ada,OU=people,DC=example,DC=org")));
        assertEquals(new ExternalAccount(Origin.LDAP, "9f1c2d3e-0000-4000-8000-000000000001", "ada", "Ada Lovelace",
                null, "Analytical Engines", null, true), person.account());
        assertTrue(person.disabled(), "a locked account (password policy) counts as disabled");
        assertEquals(false, openldap.person(ada, Set.of()).account().admin());
    }

    @Test
    void anEntryWithoutItsUsernameOrIdCannotBeAMember() throws Exception {
        assertEquals("the entry CN=Grace Hopper,OU=Staff,DC=corp,DC=example has no sAMAccountName",
                assertThrows(UnusableEntryException.class, () -> mapping().person(ad("displayName: Grace"), Set.of()))
                        .getMessage());
        Entry noGuid = new Entry("dn: CN=x,DC=corp,DC=example", "sAMAccountName: x");
        assertEquals("the entry CN=x,DC=corp,DC=example has no objectGUID",
                assertThrows(UnusableEntryException.class, () -> mapping().person(noGuid, Set.of())).getMessage());
    }

    @Test
    void aTypedNameIsEscapedInAUserDnPattern() {
        assertEquals("uid=ada,ou=people,dc=example,dc=org", CompanyDirectory.dnFor("uid={0},ou=people,dc=example,dc=org", "ada"));
        String hostile = CompanyDirectory.dnFor("uid={0},ou=people,dc=example,dc=org", "x,ou=admins+cn=*");
        assertEquals("uid=x\\,ou=admins\\+cn=*,ou=people,dc=example,dc=org", hostile, "one RDN value: its comma and plus escaped");
    }
}
