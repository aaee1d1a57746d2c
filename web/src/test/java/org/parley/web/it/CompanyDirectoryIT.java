package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.testing.TestDirectory;

/**
 * Members from the company directory: Parley pointed at a real LDAP server started by the test (UnboundID's
 * in-memory directory over LDAPS, its certificate made for the test and trusted through
 * {@code parley.ldap.ca-file}) holding Active Directory-like people, driven through the sign-in page, the
 * settings, {@code /admin/members}, {@code /admin/company-directory} and the audit log. Parley keeps its own
 * database here, so the 5,000 people of the sync test stay out of the other tests' members.
 */
@Tag("postgresql") // run once more on PostgreSQL (web/pom.xml)
@ExtendWith(ArquillianExtension.class)
class CompanyDirectoryIT {

    private static final String ADMINS = "CN=Parley Admins," + TestDirectory.GROUPS;
    private static final String DOWN = "The company directory does not answer; try again or ask an administrator.";
    private static final Duration SYNC_DEADLINE = Duration.ofMinutes(3);
    /** The people of the tests of sign-ins during a sync: three pages of {@code parley.ldap.page-size}. */
    private static final int PEOPLE = 600;
    /** How many of them sign in while the sync runs. */
    private static final int SIGN_INS = 48;

    /** Started with the deployment, which must know its port and certificate. */
    private static TestDirectory directory;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Path data = Path.of(System.getProperty("parley.it.data", "target/it-data")).resolveSibling("it-company-directory");
        Folders.delete(data); // the people below get new ids at every run
        try {
            directory = TestDirectory.start(data.resolve("ldap"), TestDirectory.Tls.LDAPS, MicroProcess.freePort(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Deployments.parley(Map.ofEntries(
                Map.entry("parley.db.url", "jdbc:h2:file:" + data.toAbsolutePath().resolve("parley")),
                Map.entry("parley.ldap.url", directory.url()),
                Map.entry("parley.ldap.kind", "ad"),
                Map.entry("parley.ldap.ca-file", directory.caFile().toAbsolutePath().toString()),
                Map.entry("parley.ldap.base-dn", TestDirectory.PEOPLE),
                Map.entry("parley.ldap.bind-dn", TestDirectory.SERVICE_DN),
                Map.entry("parley.ldap.bind-password", TestDirectory.SERVICE_PASSWORD),
                Map.entry("parley.ldap.admin-group", ADMINS),
                Map.entry("parley.ldap.page-size", "200"),
                Map.entry("parley.ldap.connect-timeout", "PT2S"),
                Map.entry("parley.members.web-sharing-default", "true")));
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
    }

    @ArquillianResource
    java.net.URL deployed;

    java.net.URL base;

    @BeforeEach
    void onLoopback() {
        base = Deployments.onLoopback(deployed);
    }

    @Test
    void aDirectoryAccountSignsInBecomesAMemberWithItsProfileAndKeepsItsPasswordInTheDirectory() {
        String name = Accounts.unique("ghopper");
        directory.addAdPerson(name, "Grace Hopper", "Rear Admiral", "Navy Programming", name + "@example.org", "cobol-compiler");

        Browser grace = new Browser(base);
        Browser.Page settings = grace.signIn(name.toUpperCase(), "cobol-compiler");
        assertEquals("/settings", settings.path(), settings.text());
        assertEquals("Grace Hopper", settings.value("#settings\\:displayName"));
        assertTrue(settings.text().contains("Your password is kept by the company directory"), settings.text());
        assertTrue(grace.open("/settings/password").text().contains("Your password is kept by the company directory"));
        assertEquals(0, grace.open("/settings/password").document().select("input[type=password]").size(), "no password form");

        Element row = memberRow(Accounts.admin(base), name);
        assertTrue(row.text().contains("Company directory (LDAP)") && row.text().contains("Rear Admiral")
                && row.text().contains("Navy Programming") && row.text().contains("member"), row.text());
        Browser.Page colleagues = Accounts.admin(base).open("/directory?q=" + name);
        assertTrue(colleagues.text().contains("Grace Hopper") && colleagues.text().contains("Rear Admiral"),
                "listed with the directory's title, sharing from the start (parley.members.web-sharing-default): "
                        + colleagues.text());
    }

    /**
     * A directory account's first sign-in, from two browsers at the same instant (a double click, two tabs): both
     * are signed in, and the account becomes one member.
     */
    @Test
    void aFirstSignInFromTwoBrowsersAtOnceSignsBothInAsOneMember() {
        String name = Accounts.unique("dknuth");
        directory.addAdPerson(name, "Donald Knuth", "Professor", "Computer Science", name + "@example.org", "tex-and-metafont");
        Browser one = new Browser(base);
        Browser other = new Browser(base);
        one.open("/signin");
        other.open("/signin");
        Map<String, String> form = Map.of("username", name, "password", "tex-and-metafont");

        List<Browser.Page> pages;
        try (ServerLog log = ServerLog.capture()) {
            pages = AtOnce.all(List.of(() -> one.submit("signin", form, "submit"), () -> other.submit("signin", form, "submit")));
            assertEquals(List.of(), log.problems(), "two first sign-ins at once: nothing at SEVERE or WARNING");
        }
        assertEquals(List.of("/settings", "/settings"), pages.stream().map(Browser.Page::path).toList(),
                "both are signed in: " + pages.stream().map(p -> p.status() + " " + p.messages()).toList());
        assertEquals(1, Accounts.admin(base).open("/admin/members?q=" + name).document()
                .select("#list\\:members tbody tr").stream().filter(r -> r.child(0).text().equals(name)).count(), "one member");
    }

    /**
     * The morning's first sign-ins while a sync creates the same people (600, three pages): every sign-in gets in,
     * the sync ends without a problem, each person is one member, and nothing is logged at WARNING or SEVERE.
     */
    @Test
    void firstSignInsDuringASyncThatCreatesTheSamePeopleSignEachOneInToOneMember() {
        Browser admin = Accounts.admin(base);
        String prefix = Accounts.unique("morning");
        for (int i = 0; i < PEOPLE; i++) {
            directory.addAdPerson(prefix + "-" + i, "Morning Person " + i, "Clerk", "Records", null, prefix + "-" + i);
        }

        Browser.Page synced = syncWhileSigningIn(admin, prefix);

        Browser.Page listed = admin.open("/admin/members?q=" + prefix);
        assertTrue(listed.text().contains("of " + PEOPLE), "each person one member: " + listed.text());
        assertTrue(Integer.parseInt(synced.value("#created")) >= PEOPLE - SIGN_INS, synced.text());
    }

    /**
     * A re-organisation: the directory gives 600 members a new title, and they sign in while the sync takes the same
     * change (three pages). Each sign-in and the sync write the same members' rows at once: every sign-in gets in, the
     * sync ends without a lost page, every member has the new title, and nothing is logged at WARNING or SEVERE.
     */
    @Test
    void signInsDuringASyncThatUpdatesTheSamePeopleSignEachOneInAndTheSyncLosesNoPage() {
        Browser admin = Accounts.admin(base);
        String prefix = Accounts.unique("reorg");
        List<String> dns = members(admin, prefix);
        dns.forEach(dn -> directory.set(dn, "title", "Senior Clerk"));

        Browser.Page synced = syncWhileSigningIn(admin, prefix);

        assertNoPageLost(synced, prefix);
        assertTrue(Integer.parseInt(synced.value("#updated")) >= PEOPLE - SIGN_INS, synced.text());
        for (int i : new int[] {0, PEOPLE / 2, PEOPLE - 1}) {
            assertTrue(memberRow(admin, prefix + "-" + i).text().contains("Senior Clerk"), "the new title of " + i);
        }
    }

    /**
     * The directory lets 600 members it had disabled in again, with a new title, and they sign in while the sync takes the
     * change. A sign-in enables its member again at once (the directory has just let them in), and the sync enables the
     * others; each writes one member's row at a time: every sign-in gets in, the sync loses no page, every member is
     * enabled with the new title, and nothing is logged at WARNING or SEVERE.
     */
    @Test
    void signInsDuringASyncThatEnablesTheSamePeopleAgainSignEachOneInAndTheSyncLosesNoPage() {
        Browser admin = Accounts.admin(base);
        String prefix = Accounts.unique("back");
        List<String> dns = members(admin, prefix);
        dns.forEach(dn -> directory.set(dn, "userAccountControl", "514"));
        Browser.Page off = syncNow(admin);
        assertTrue(Integer.parseInt(off.value("#disabled")) >= PEOPLE, off.text());
        dns.forEach(dn -> {
            directory.set(dn, "userAccountControl", "512");
            directory.set(dn, "title", "Senior Clerk");
        });

        Browser.Page synced = syncWhileSigningIn(admin, prefix);

        assertNoPageLost(synced, prefix);
        assertTrue(Integer.parseInt(synced.value("#enabled")) >= PEOPLE - SIGN_INS, synced.text());
        for (int i : new int[] {0, 1, PEOPLE / 2, PEOPLE - 1}) {
            String row = memberRow(admin, prefix + "-" + i).text();
            assertTrue(row.contains("Senior Clerk") && row.contains("enabled"), "enabled with the new title: " + row);
        }
    }

    /**
     * Adds the {@link #PEOPLE} people named {@code prefix-<i>} (password the same, title Clerk) to the directory and syncs
     * them in as members; answers their entries' names.
     */
    private List<String> members(Browser admin, String prefix) {
        List<String> dns = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            dns.add(directory.addAdPerson(prefix + "-" + i, "Person " + i, "Clerk", "Records", null, prefix + "-" + i));
        }
        Browser.Page synced = syncNow(admin);
        assertTrue(Integer.parseInt(synced.value("#created")) >= PEOPLE, synced.text());
        return dns;
    }

    private static void assertNoPageLost(Browser.Page synced, String prefix) {
        assertEquals(List.of(), synced.document().select("#failures li").eachText().stream()
                .filter(failure -> failure.contains(prefix) || failure.contains("could not be saved")).toList(), "no page lost");
    }

    /**
     * Starts a sync of the {@link #PEOPLE} people named {@code prefix-<i>} (password the same) while eight browsers sign
     * {@link #SIGN_INS} of them in, one after another and spread over the sync's pages; asserts that every sign-in got
     * in and nothing was logged at WARNING or SEVERE meanwhile, and answers the page once the sync is over.
     */
    private Browser.Page syncWhileSigningIn(Browser admin, String prefix) {
        int signers = 8;
        int each = SIGN_INS / signers;
        List<Callable<List<String>>> tasks = new ArrayList<>();
        tasks.add(() -> List.of(startSync(admin).messages()));
        for (int t = 0; t < signers; t++) {
            int first = t;
            tasks.add(() -> {
                List<String> paths = new ArrayList<>();
                for (int k = 0; k < each; k++) {
                    String name = prefix + "-" + (first + k * signers) * PEOPLE / SIGN_INS;
                    Browser.Page page = new Browser(base).signIn(name, name);
                    paths.add(page.path() + " " + name + " " + page.status() + " " + page.messages());
                }
                return paths;
            });
        }
        List<List<String>> done;
        Browser.Page synced;
        try (ServerLog log = ServerLog.capture()) {
            done = AtOnce.all(tasks);
            synced = awaitSync(admin);
            assertEquals(List.of(), log.problems(), "a sync and sign-ins of the same people: nothing at SEVERE or WARNING");
        }
        assertTrue(done.get(0).get(0).contains("The sync has started."), done.get(0).toString());
        List<String> signedIn = done.stream().skip(1).flatMap(List::stream).toList();
        assertEquals(List.of(), signedIn.stream().filter(line -> !line.startsWith("/settings ")).toList(), "every sign-in gets in");
        assertEquals(SIGN_INS, signedIn.size());
        return synced;
    }

    @Test
    void theAdminGroupMakesAnAdmin() {
        String name = Accounts.unique("aturing");
        directory.addAdPerson(name, "Alan Turing", null, null, null, "enigma-machine", ADMINS);

        Browser alan = new Browser(base);
        assertEquals("/settings", alan.signIn(name, "enigma-machine").path());
        assertEquals(200, alan.open("/admin/members").status(), "an administrator by the directory's group");
    }

    @Test
    void aWrongPasswordAHostileNameAndAPersonInTwoPlacesAreRefused() {
        String name = Accounts.unique("ada");
        directory.addAdPerson(name, "Ada Lovelace", null, null, null, "difference-engine");
        assertEquals("Wrong username or password.", new Browser(base).signIn(name, "a-guess").messages());
        assertEquals("Wrong username or password.", new Browser(base).signIn("*)(sAMAccountName=*", "difference-engine").messages());

        String twice = Accounts.unique("grace");
        directory.addAdPerson(twice, "Grace in sales", null, null, null, "twice-the-fun");
        directory.addAdPerson(twice, "Grace in the navy", null, null, null, "twice-the-fun");
        Browser.Page refused = new Browser(base).signIn(twice, "twice-the-fun");
        assertEquals("/signin", refused.path());
        assertTrue(refused.messages().contains("cannot sign in. Ask an administrator."), refused.messages());
    }

    @Test
    void disabledInTheDirectoryTheMemberIsRefusedAndTheirSessionEndsAtTheSyncUntilTheDirectoryLetsThemIn() {
        String name = Accounts.unique("kthompson");
        String dn = directory.addAdPerson(name, "Ken Thompson", null, null, null, "unix-and-go");
        String gone = Accounts.unique("dritchie");
        String goneDn = directory.addAdPerson(gone, "Dennis Ritchie", null, null, null, "c-language");
        Browser ken = new Browser(base);
        assertEquals("/settings", ken.signIn(name, "unix-and-go").path());
        assertEquals("/settings", new Browser(base).signIn(gone, "c-language").path());

        directory.set(dn, "userAccountControl", "514");
        directory.delete(goneDn);
        Browser.Page refused = new Browser(base).signIn(name, "unix-and-go");
        assertEquals("This account is disabled. Ask an administrator to enable it.", refused.messages());

        Browser admin = Accounts.admin(base);
        Browser.Page synced = syncNow(admin);
        assertTrue(Integer.parseInt(synced.value("#disabled")) >= 2, synced.text());
        Browser.Page ended = ken.open("/settings");
        assertEquals("/signin", ended.path(), "the open session ended with the sync");
        assertTrue(ended.text().contains("Your session has ended: your account is disabled."), ended.text());
        assertTrue(memberRow(admin, name).text().contains("disabled"));
        assertTrue(memberRow(admin, gone).text().contains("disabled"), "gone from the directory");

        directory.set(dn, "userAccountControl", "512");
        assertTrue(Integer.parseInt(syncNow(admin).value("#enabled")) >= 1);
        assertEquals("/settings", new Browser(base).signIn(name, "unix-and-go").path());
        Browser.Page audit = admin.open("/admin/audit?action=directory.synced");
        assertTrue(audit.text().contains("directory.synced") && audit.text().contains("disabled"), audit.text());
    }

    /**
     * Once the directory lets in again a member that a sync disabled for it, their sign-in, which the directory has just
     * checked, gets them in without waiting for the next sync (but not while the directory still has them disabled, nor with
     * a wrong password); a member an admin disabled stays refused, whatever the directory says, at a sign-in and at a sync.
     */
    @Test
    void theDirectoryLettingAMemberInAgainSignsThemInBeforeTheNextSyncButNeverOneAnAdminDisabled() {
        String name = Accounts.unique("bkernighan");
        String dn = directory.addAdPerson(name, "Brian Kernighan", null, null, null, "awk-and-c");
        String kept = Accounts.unique("pweinberger");
        directory.addAdPerson(kept, "Peter Weinberger", null, null, null, "awk-too");
        assertEquals("/settings", new Browser(base).signIn(name, "awk-and-c").path());
        assertEquals("/settings", new Browser(base).signIn(kept, "awk-too").path());
        Browser admin = Accounts.admin(base);
        directory.set(dn, "userAccountControl", "514");
        assertTrue(Integer.parseInt(syncNow(admin).value("#disabled")) >= 1);
        MemberAdministrationIT.press(admin, kept, "disable");
        String refused = "This account is disabled. Ask an administrator to enable it.";
        assertEquals(refused, new Browser(base).signIn(name, "awk-and-c").messages(), "still disabled in the directory");

        directory.set(dn, "userAccountControl", "512");
        assertEquals("Wrong username or password.", new Browser(base).signIn(name, "a-guess").messages());
        assertTrue(memberRow(admin, name).text().contains("disabled"), "a wrong password enables nobody");
        assertEquals("/settings", new Browser(base).signIn(name, "awk-and-c").path(), "let in again by the directory");
        assertTrue(memberRow(admin, name).text().contains("enabled"), memberRow(admin, name).text());
        Browser.Page audit = admin.open("/admin/audit?action=member.enabled&actor=" + name);
        assertTrue(audit.text().contains("by the company directory"), audit.text());

        assertEquals(refused, new Browser(base).signIn(kept, "awk-too").messages(), "disabled by an admin");
        syncNow(admin);
        assertEquals(refused, new Browser(base).signIn(kept, "awk-too").messages(), "still, after a sync");
        assertTrue(memberRow(admin, kept).text().contains("disabled"), memberRow(admin, kept).text());
    }

    @Test
    void aSyncPagesThroughFiveThousandPeopleAndCreatesEachOfThem() {
        Browser admin = Accounts.admin(base);
        syncNow(admin); // whoever earlier tests left unsynced
        String prefix = Accounts.unique("bulk");
        for (int i = 0; i < 5000; i++) {
            directory.addAdPerson(prefix + "-" + i, "Bulk Person " + i, "Clerk", "Records", null, "bulk-password-" + i);
        }

        Browser.Page synced = syncNow(admin);

        assertEquals("5000", synced.value("#created"), synced.text());
        assertTrue(Integer.parseInt(synced.value("#listed")) >= 5000);
        Browser.Page listed = admin.open("/admin/members?q=" + prefix);
        assertTrue(listed.text().contains("of 5000"), listed.text());
        assertEquals("/settings", new Browser(base).signIn(prefix + "-4999", "bulk-password-4999").path(),
                "a member made by the sync signs in with their directory password");
    }

    @Test
    void whenTheDirectoryDoesNotAnswerTheSignInPageSaysSoAndTheLocalAdminStillSignsIn() {
        String name = Accounts.unique("bliskov");
        directory.addAdPerson(name, "Barbara Liskov", null, null, null, "substitution");
        directory.stop();
        try {
            Browser.Page refused = new Browser(base).signIn(name, "substitution");
            assertEquals("/signin", refused.path());
            assertEquals(DOWN, refused.messages());
            Accounts.admin(base);
        } finally {
            directory.restart();
        }
        assertEquals("/settings", new Browser(base).signIn(name, "substitution").path(), "back once it answers");
    }

    @Test
    void wrongServiceCredentialsAreADirectoryThatDoesNotAnswerAndTheLogSaysWhich() {
        String name = Accounts.unique("mhamilton");
        directory.addAdPerson(name, "Margaret Hamilton", null, null, null, "apollo-eleven");
        directory.set(TestDirectory.SERVICE_DN, "userPassword", "changed-by-the-directory-admin");
        directory.stop(); // Parley's pooled connections go; new ones bind with the old password
        directory.restart();
        try (ServerLog log = ServerLog.capture()) {
            assertEquals(DOWN, new Browser(base).signIn(name, "apollo-eleven").messages());
            log.await(1, line -> line.contains("refused Parley's service account: check parley.ldap.bind-dn"),
                    Duration.ofSeconds(10), "the log line naming the service account's keys");
        } finally {
            directory.set(TestDirectory.SERVICE_DN, "userPassword", TestDirectory.SERVICE_PASSWORD);
        }
        assertEquals("/settings", new Browser(base).signIn(name, "apollo-eleven").path());
    }

    /** Presses Sync now and waits for its summary. */
    private Browser.Page syncNow(Browser admin) {
        Browser.Page started = startSync(admin);
        assertTrue(started.messages().contains("The sync has started."), started.messages());
        return awaitSync(admin);
    }

    private static Browser.Page startSync(Browser admin) {
        admin.open("/admin/company-directory");
        return admin.submit("sync", Map.of(), "now");
    }

    /**
     * The page once the sync is no longer running, without a problem (one runs at a time, and the scheduled one only
     * hourly, so the last sync shown is the one pressed).
     */
    private static Browser.Page awaitSync(Browser admin) {
        long deadline = System.nanoTime() + SYNC_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            Browser.Page page = admin.open("/admin/company-directory");
            if (page.document().select("#sync-running").isEmpty()) {
                assertTrue(page.document().select("#last-sync-problem").isEmpty(), page.text());
                return page;
            }
            MicroProcess.pause();
        }
        throw new AssertionError("the sync did not finish within " + SYNC_DEADLINE);
    }

    private static Element memberRow(Browser admin, String username) {
        Browser.Page list = admin.open("/admin/members?q=" + username);
        return list.document().select("#list\\:members tbody tr").stream().filter(r -> r.child(0).text().equals(username))
                .findFirst().orElseThrow(() -> new AssertionError(username + " is not listed: " + list.text()));
    }
}
