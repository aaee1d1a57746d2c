package org.parley.companydirectory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.TestDirectory;

class CompanyDirectoryTest {

    @TempDir
    Path folder;

    @Test
    void everyoneIsListedAPageAtATime() throws DirectoryTrouble {
        try (TestDirectory test = TestDirectory.start(folder, TestDirectory.Tls.LDAPS, 0, false)) {
            for (int i = 0; i < 10; i++) {
                test.addAdPerson("person" + i, "Person " + i, null, null, null, "password-" + i);
            }
            CompanyDirectory directory = new CompanyDirectory(LdapSettings.from(key -> Optional.ofNullable(Map.of(
                    "parley.ldap.url", test.url(), "parley.ldap.ca-file", test.caFile().toString(),
                    "parley.ldap.base-dn", TestDirectory.PEOPLE, "parley.ldap.bind-dn", TestDirectory.SERVICE_DN,
                    "parley.ldap.bind-password", TestDirectory.SERVICE_PASSWORD, "parley.ldap.page-size", "3").get(key)))
                    .orElseThrow());
            List<Integer> pages = new ArrayList<>();

            int listed = directory.everyone((entries, admins) -> pages.add(entries.size()));

            assertEquals(10, listed);
            assertEquals(List.of(3, 3, 3, 1), pages);
        }
    }
}
