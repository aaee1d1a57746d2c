package org.parley.companydirectory.control;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.parley.account.control.PasswordSource;
import org.parley.account.control.PasswordSource.Verdict;
import org.parley.account.entity.Member;
import org.parley.companydirectory.entity.DirectoryPerson;
import org.parley.companydirectory.entity.UnusableEntryException;

/**
 * Checks a password with the company directory: the person is found by the service account (or their
 * DN is made from {@code parley.ldap.user-dn-pattern}), then the directory binds as them with the
 * password typed. Only a name Parley could take as a username is asked for, so nothing typed can
 * change a filter or a DN (they are escaped as well). Two entries for one name are refused; a
 * directory that does not answer, or refuses the service account, is logged and answered as unavailable.
 */
@ApplicationScoped
public class DirectoryPasswords implements PasswordSource {

    private static final Logger LOG = Logger.getLogger(DirectoryPasswords.class.getName());

    @Inject
    CompanyDirectory directory;

    @Override
    public boolean configured() {
        return directory.configured();
    }

    @Override
    public Verdict check(String username, char[] password) {
        if (!username.matches(Member.USERNAME_PATTERN) || username.length() > Member.USERNAME_MAX
                || password == null || password.length == 0) {
            return Verdict.refused(Verdict.Kind.UNKNOWN, "wrong username or password");
        }
        try {
            LdapSettings settings = directory.settings().orElseThrow();
            return settings.hasServiceAccount() ? searchThenBind(settings, username, password)
                    : bindThenRead(settings, username, password);
        } catch (DirectoryTrouble e) {
            LOG.warning(() -> "Sign-ins through the company directory fail: " + e.getMessage());
            return Verdict.refused(Verdict.Kind.UNAVAILABLE, "the company directory does not answer");
        }
    }

    private Verdict searchThenBind(LdapSettings settings, String username, char[] password) throws DirectoryTrouble {
        List<SearchResultEntry> found = directory.asService(c -> directory.byUsername(c, username));
        if (found.isEmpty()) {
            return Verdict.refused(Verdict.Kind.UNKNOWN, "wrong username or password");
        }
        if (found.size() > 1) {
            return twoPlaces(username, found);
        }
        try (LDAPConnection own = directory.connect()) {
            if (!directory.bind(own, found.get(0).getDN(), password)) {
                return Verdict.refused(Verdict.Kind.WRONG_PASSWORD, "wrong username or password");
            }
        }
        Set<DN> admins = directory.asService(directory::adminMembers);
        return verdict(new PersonMapping(settings), found.get(0), admins);
    }

    private Verdict bindThenRead(LdapSettings settings, String username, char[] password) throws DirectoryTrouble {
        try (LDAPConnection own = directory.connect()) {
            if (!directory.bind(own, CompanyDirectory.dnFor(settings.userDnPattern().get(), username), password)) {
                return Verdict.refused(Verdict.Kind.WRONG_PASSWORD, "wrong username or password");
            }
            List<SearchResultEntry> found = directory.byUsername(own, username);
            if (found.isEmpty()) {
                LOG.warning(() -> "'" + username + "' signed in to the company directory, but their entry is not found "
                        + "under parley.ldap.base-dn=" + settings.baseDn() + " with parley.ldap.user-filter, or they may not read it");
                return Verdict.refused(Verdict.Kind.UNAVAILABLE, "the company directory does not show the entry");
            }
            if (found.size() > 1) {
                return twoPlaces(username, found);
            }
            return verdict(new PersonMapping(settings), found.get(0), directory.adminMembers(own));
        }
    }

    private static Verdict verdict(PersonMapping mapping, SearchResultEntry entry, Set<DN> admins) {
        DirectoryPerson person;
        try {
            person = mapping.person(entry, admins);
        } catch (UnusableEntryException e) {
            LOG.warning(() -> "A sign-in through the company directory is refused: " + e.getMessage());
            return Verdict.refused(Verdict.Kind.UNAVAILABLE, e.getMessage());
        }
        if (person.disabled()) {
            return Verdict.refused(Verdict.Kind.DISABLED, "the account is disabled in the company directory");
        }
        return Verdict.signedIn(person.account());
    }

    private static Verdict twoPlaces(String username, List<SearchResultEntry> found) {
        String where = found.stream().map(SearchResultEntry::getDN).collect(Collectors.joining(" and "));
        return Verdict.refused(Verdict.Kind.TWO_PLACES, "the company directory has two entries for '" + username
                + "' (" + where + "); a person in two places cannot sign in");
    }
}
