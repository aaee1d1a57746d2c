package org.parley.companydirectory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.account.control.PasswordSource.Verdict;
import org.parley.account.entity.ExternalAccount;
import org.parley.testing.LogCapture;
import org.parley.testing.TestDirectory;

/** Sign-in against a real LDAP server (UnboundID's in-memory one), as Parley asks it: over TLS, by bind. */
class DirectoryPasswordsTest {

    @TempDir
    Path folder;

    private LogCapture log;
    private final List<TestDirectory> started = new ArrayList<>();

    @BeforeEach
    void listen() {
        log = LogCapture.of(DirectoryPasswords.class);
    }

    @AfterEach
    void stop() {
        log.close();
        started.forEach(TestDirectory::close);
    }

    private TestDirectory directory(TestDirectory.Tls tls, boolean expired) {
        TestDirectory directory = TestDirectory.start(folder.resolve("d" + started.size()), tls, 0, expired);
        started.add(directory);
        return directory;
    }

    private static DirectoryPasswords passwords(TestDirectory directory, String kind, String... keysAndValues) {
        Map<String, String> config = new HashMap<>(Map.of("parley.ldap.url", directory.url(), "parley.ldap.kind", kind,
                "parley.ldap.ca-file", directory.caFile().toString(), "parley.ldap.base-dn", TestDirectory.PEOPLE,
                "parley.ldap.bind-dn", TestDirectory.SERVICE_DN, "parley.ldap.bind-password", TestDirectory.SERVICE_PASSWORD,
                "parley.ldap.connect-timeout", "PT2S", "parley.ldap.response-timeout", "PT2S"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put("parley.ldap." + keysAndValues[i], keysAndValues[i + 1]);
        }
        DirectoryPasswords passwords = new DirectoryPasswords();
        passwords.directory = new CompanyDirectory(LdapSettings.from(key -> Optional.ofNullable(config.get(key))).orElseThrow());
        return passwords;
    }

    @Test
    void anInetOrgPersonSignsInOverStartTlsFoundByTheServiceAccountAndIsAnAdminByTheGroup() {
        TestDirectory directory = directory(TestDirectory.Tls.STARTTLS, false);
        String ada = directory.addInetOrgPerson(null, "ada", "Ada Lovelace", "Analyst", "Engines", "ada@example.org", "difference-engine");
        directory.addGroup(TestDirectory.ADMINS, ada);
        DirectoryPasswords passwords = passwords(directory, "openldap", "admin-group", TestDirectory.ADMINS);

        Verdict verdict = passwords.check("ada", "difference-engine".toCharArray());

        assertEquals(Verdict.Kind.SIGNED_IN, verdict.kind(), verdict.reason());
        ExternalAccount account = verdict.account();
        assertEquals(List.of("ada", "Ada Lovelace", "Analyst", "Engines", "ada@example.org", true),
                List.of(account.username(), account.displayName(), account.title(), account.department(), account.email(),
                        account.admin()));
        assertTrue(account.externalId().matches("[0-9a-f-]{36}"), "the entry's entryUUID: " + account.externalId());
    }

    @Test
    void aWrongPasswordAnUnknownNameAndAnEmptyPasswordAreRefused() {
        TestDirectory directory = directory(TestDirectory.Tls.LDAPS, false);
        directory.addInetOrgPerson(null, "ada", "Ada Lovelace", null, null, null, "difference-engine");
        DirectoryPasswords passwords = passwords(directory, "openldap");

        assertEquals(Verdict.Kind.WRONG_PASSWORD, passwords.check("ada", "guess".toCharArray()).kind());
        assertEquals(Verdict.Kind.UNKNOWN, passwords.check("charles", "difference-engine".toCharArray()).kind());
        assertEquals(Verdict.Kind.UNKNOWN, passwords.check("ada", new char[0]).kind(), "never an anonymous bind");
    }

    @Test
    void typedNamesThatWouldChangeTheFilterNeverMatchAnyone() {
        TestDirectory directory = directory(TestDirectory.Tls.LDAPS, false);
        directory.addInetOrgPerson(null, "ada", "Ada Lovelace", null, null, null, "difference-engine");
        DirectoryPasswords passwords = passwords(directory, "openldap");

        for (String hostile : List.of("*", "a*", "ada)(uid=*", "*)(|(uid=*", "ada\u0000", "uid=ada,ou=people,dc=example,dc=org")) {
            assertEquals(Verdict.Kind.UNKNOWN, passwords.check(hostile, "difference-engine".toCharArray()).kind(), hostile);
        }
    }

    @Test
    void aPersonInTwoPlacesIsRefusedNamingBoth() {
        TestDirectory directory = directory(TestDirectory.Tls.LDAPS, false);
        directory.addInetOrgPerson("sales", "grace", "Grace Sales", null, null, null, "cobol-compiler");
        directory.addInetOrgPerson("navy", "grace", "Grace Hopper", null, null, null, "cobol-compiler");

        Verdict verdict = passwords(directory, "openldap").check("grace", "cobol-compiler".toCharArray());

        assertEquals(Verdict.Kind.TWO_PLACES, verdict.kind());
        assertTrue(verdict.reason().contains("uid=grace,ou=sales,ou=people,dc=example,dc=org")
                && verdict.reason().contains("uid=grace,ou=navy,ou=people,dc=example,dc=org"), verdict.reason());
    }

    @Test
    void withoutAServiceAccountThePersonBindsByTheDnPattern() {
        TestDirectory directory = directory(TestDirectory.Tls.LDAPS, false);
        directory.addInetOrgPerson(null, "ada", "Ada Lovelace", null, null, null, "difference-engine");
        Map<String, String> config = Map.of("parley.ldap.url", directory.url(), "parley.ldap.kind", "openldap",
                "parley.ldap.ca-file", directory.caFile().toString(), "parley.ldap.base-dn", TestDirectory.PEOPLE,
                "parley.ldap.user-dn-pattern", "uid={0}," + TestDirectory.PEOPLE);
        DirectoryPasswords passwords = new DirectoryPasswords();
        passwords.directory = new CompanyDirectory(LdapSettings.from(key -> Optional.ofNullable(config.get(key))).orElseThrow());

        assertEquals("Ada Lovelace", passwords.check("ada", "difference-engine".toCharArray()).account().displayName());
        assertEquals(Verdict.Kind.WRONG_PASSWORD, passwords.check("ada", "wrong".toCharArray()).kind());
    }

    @Test
    void aDisabledActiveDirectoryAccountIsRefusedOnlyAfterItsPasswordIsChecked() {
        TestDirectory directory = directory(TestDirectory.Tls.LDAPS, false);
        String grace = directory.addAdPerson("ghopper", "Grace Hopper", "Rear Admiral", "Navy", null, "cobol-compiler");
        directory.set(grace, "userAccountControl", "514");
        DirectoryPasswords passwords = passwords(directory, "ad");

        assertEquals(Verdict.Kind.WRONG_PASSWORD, passwords.check("ghopper", "guess".toCharArray()).kind(),
                "a guess learns nothing about the account");
        Verdict verdict = passwords.check("ghopper", "cobol-compiler".toCharArray());
        assertEquals(Verdict.Kind.DISABLED, verdict.kind());
        assertEquals("the account is disabled in the company directory", verdict.reason());
    }

    @Test
    void anExpiredCertificateIsRefusedAndTheLogSaysSo() {
        TestDirectory directory = directory(TestDirectory.Tls.LDAPS, true);
        directory.addInetOrgPerson(null, "ada", "Ada", null, null, null, "difference-engine");

        assertEquals(Verdict.Kind.UNAVAILABLE, passwords(directory, "openldap").check("ada", "difference-engine".toCharArray()).kind());
        assertTrue(log.lines().stream().anyMatch(line -> line.contains("certificate at 127.0.0.1:" + directory.port() + " has expired")), log.lines().toString());
    }

    @Test
    void aCertificateNobodyTrustsIsRefusedAndTheLogSaysSo() {
        TestDirectory directory = directory(TestDirectory.Tls.STARTTLS, false);
        TestDirectory other = directory(TestDirectory.Tls.LDAPS, false);
        directory.addInetOrgPerson(null, "ada", "Ada", null, null, null, "difference-engine");

        Verdict verdict = passwords(directory, "openldap", "ca-file", other.caFile().toString())
                .check("ada", "difference-engine".toCharArray());

        assertEquals(Verdict.Kind.UNAVAILABLE, verdict.kind());
        assertTrue(log.lines().stream().anyMatch(line -> line.contains("is not trusted: check parley.ldap.ca-file")), log.lines().toString());
    }

    @Test
    void wrongServiceCredentialsAreRefusedAndTheLogNamesTheKeys() {
        TestDirectory directory = directory(TestDirectory.Tls.LDAPS, false);
        directory.addInetOrgPerson(null, "ada", "Ada", null, null, null, "difference-engine");

        Verdict verdict = passwords(directory, "openldap", "bind-password", "not-the-password")
                .check("ada", "difference-engine".toCharArray());

        assertEquals(Verdict.Kind.UNAVAILABLE, verdict.kind());
        assertTrue(log.lines().stream().anyMatch(line -> line.contains("refused Parley's service account: check parley.ldap.bind-dn")),
                log.lines().toString());
    }

    @Test
    void aDirectoryThatDoesNotAnswerIsUnavailable() {
        TestDirectory directory = directory(TestDirectory.Tls.LDAPS, false);
        directory.addInetOrgPerson(null, "ada", "Ada", null, null, null, "difference-engine");
        DirectoryPasswords passwords = passwords(directory, "openldap");
        assertEquals(Verdict.Kind.SIGNED_IN, passwords.check("ada", "difference-engine".toCharArray()).kind());

        directory.stop();

        assertEquals(Verdict.Kind.UNAVAILABLE, passwords.check("ada", "difference-engine".toCharArray()).kind());
        assertTrue(log.lines().stream().anyMatch(line -> line.contains("the company directory does not answer at 127.0.0.1:")), log.lines().toString());
    }
}
