package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console's record pages in a real browser: an admin creates a member, imports members from
 * a CSV file (a bad row blocks the whole file until it is fixed), revokes a consent, and downloads
 * the filtered audit log; a member gets 403 on each page; axe-core finds nothing serious in English
 * and in Arabic (right to left).
 */
class AdminConsoleBrowserIT extends ParleyDeployment {

    private static final List<String> PAGES = List.of("admin/members", "admin/applications", "admin/consents", "admin/audit");

    @TempDir
    Path downloads;

    private WebDriver chromium;
    private Wait<WebDriver> wait;

    @BeforeEach
    void open() {
        chromium = Chromium.start("en-US", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // a table that an ajax request replaced is read again, not reported stale
        wait = new WebDriverWait(chromium, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void quit() {
        chromium.quit();
    }

    private void signIn(WebDriver driver, String username, String password) {
        driver.get(base + "signin");
        driver.findElement(By.id("signin:username")).sendKeys(username);
        driver.findElement(By.id("signin:password")).sendKeys(password, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/settings"));
    }

    private void messageSays(String text) {
        wait.until(Chromium.textShows(By.id("messages"), text));
    }

    @Test
    void anAdminCreatesAMemberWhoThenSignsIn() {
        String username = Accounts.unique("hedy");
        signIn(chromium, "admin", Deployments.ADMIN_PASSWORD);
        chromium.get(base + "admin/members");
        chromium.findElement(By.id("create:username")).sendKeys(username);
        chromium.findElement(By.id("create:displayName")).sendKeys("Hedy Lamarr");
        chromium.findElement(By.id("create:title")).sendKeys("Inventor");
        chromium.findElement(By.id("create:department")).sendKeys("Radio");
        chromium.findElement(By.id("create:email")).sendKeys("hedy@example.org");
        chromium.findElement(By.id("create:password")).sendKeys("frequency-hopping");
        chromium.findElement(By.id("create:create")).click();
        messageSays("Created " + username + ".");

        WebElement search = chromium.findElement(By.id("search:q"));
        search.sendKeys("Radio");
        chromium.findElement(By.id("search:find")).click();
        wait.until(d -> rowTexts(d, "list:members").stream().anyMatch(row -> row.contains(username)));
        String row = rowTexts(chromium, "list:members").stream().filter(r -> r.contains(username)).findFirst().orElseThrow();
        assertTrue(row.contains("Hedy Lamarr") && row.contains("Inventor") && row.contains("hedy@example.org"), row);

        assertEquals("/settings", new Browser(base).signIn(username, "frequency-hopping").path());
    }

    @Test
    void aCsvWithABadRowImportsNothingUntilTheFixedFileImportsEveryRow() throws Exception {
        String taken = Accounts.newMember(base, "taken", "Already Here", "a-good-password");
        String ada = Accounts.unique("ada");
        String bob = Accounts.unique("bob");
        Path bad = csv("bad.csv", "username,display name,title,department,email\n"
                + ada + ",Ada Lovelace,Analyst,Engines,ada@example.org\n"
                + taken + ",Someone Else,,,\n"
                + bob + ",Bob,,,not-an-address\n");
        signIn(chromium, "admin", Deployments.ADMIN_PASSWORD);
        chromium.get(base + "admin/members");
        upload(bad);

        wait.until(Chromium.textShows(By.id("import-summary"), "3 rows, 2 of them with problems"));
        List<String> report = rowTexts(chromium, "commit:rows");
        assertEquals(3, report.size(), report.toString());
        assertTrue(report.get(0).startsWith("2 " + ada) && report.get(0).endsWith("Ready to import."), report.get(0));
        assertTrue(report.get(1).startsWith("3 " + taken) && report.get(1).contains("A member with this username exists already."),
                report.get(1));
        assertTrue(report.get(2).startsWith("4 " + bob) && report.get(2).contains("The e-mail address is not an e-mail address."),
                report.get(2));
        assertFalse(chromium.findElement(By.id("commit:commit")).isEnabled(), "no import while a row is bad");
        assertFalse(listed(ada), "nothing was imported");
        assertEquals(List.of(), Axe.seriousViolations(chromium), "the report is accessible");

        // a row of one column is said in the singular; a quote never closed is named on its line, not as what follows
        Path quoted = csv("quoted.csv", "username,display name,title,department,email\n"
                + "solo\n" + bob + ",\"Bob,,,\n" + ada + ",Ada Lovelace,,,\n");
        upload(quoted);
        wait.until(Chromium.textShows(By.id("import-summary"), "2 rows, 2 of them with problems"));
        List<String> quotedReport = rowTexts(chromium, "commit:rows");
        assertTrue(quotedReport.get(0).startsWith("2 solo") && quotedReport.get(0).endsWith("This row has one column instead of 5."),
                quotedReport.get(0));
        assertTrue(quotedReport.get(1).startsWith("3 ") && quotedReport.get(1).endsWith("A quote opened here is not closed on"
                + " this line, so the row runs on to line 4: add the closing quote, or remove the quote."), quotedReport.get(1));

        Path fixed = csv("fixed.csv", "username,display name,title,department,email\n"
                + ada + ",Ada Lovelace,Analyst,Engines,ada@example.org\n"
                + bob + ",Bob,,,bob@example.org\n");
        upload(fixed);
        wait.until(Chromium.textShows(By.id("import-summary"), "2 rows, all good"));
        chromium.findElement(By.id("commit:commit")).click();
        messageSays("Imported 2 members.");
        assertTrue(listed(ada) && listed(bob), "both imported");

        assertEquals(List.of(), Axe.seriousViolations(chromium), "the page with the first passwords is accessible");
        chromium.findElement(By.id("passwords:download")).click();
        Path file = downloaded("parley-first-passwords.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("\uFEFFusername,display name,email,first password", lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        String[] adaLine = lines.get(1).split(",");
        assertEquals(List.of(ada, "Ada Lovelace", "ada@example.org"), List.of(adaLine).subList(0, 3));
        assertEquals("/settings", new Browser(base).signIn(ada, adaLine[3]).path(), "the first password signs Ada in");
    }

    @Test
    void aUsernameTakenBetweenPreviewAndImportImportsNoRowAtAll() throws Exception {
        String first = Accounts.unique("first");
        String second = Accounts.unique("second");
        Path file = csv("race.csv", "username,display name,title,department,email\n"
                + first + ",First Row,,,\n" + second + ",Second Row,,,\n");
        signIn(chromium, "admin", Deployments.ADMIN_PASSWORD);
        chromium.get(base + "admin/members");
        upload(file);
        wait.until(Chromium.textShows(By.id("import-summary"), "2 rows, all good"));

        Accounts.createMember(Accounts.admin(base), second, "Created Meanwhile", "a-good-password");
        chromium.findElement(By.id("commit:commit")).click();
        messageSays("The file has 1 row with problems: nothing was imported.");
        assertFalse(listed(first), "the good row was not imported either");
        List<String> report = rowTexts(chromium, "commit:rows");
        assertTrue(report.get(1).contains("A member with this username exists already."), report.toString());
        assertFalse(chromium.findElement(By.id("commit:commit")).isEnabled());
    }

    @Test
    void anAdminRevokesAConsentAndTheSiteLosesIt() {
        String username = Accounts.newMember(base, "consenter", "Consenting Member", "a-good-password");
        JsonObject tokens = DelegatedAuthenticationIT.desktopTokens(base, username, "presence");
        signIn(chromium, "admin", Deployments.ADMIN_PASSWORD);
        chromium.get(base + "admin/consents?member=" + username);
        List<String> rows = rowTexts(chromium, "list:consents");
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("active"), rows.get(0));

        chromium.findElement(By.cssSelector("[id$=':revoke']")).click();
        messageSays("Revoked the consent of " + username);
        wait.until(d -> rowTexts(d, "list:consents").get(0).contains("revoked"));
        assertEquals("invalid_grant", OAuthClient.desktop(URI.create(base.toString()))
                .refresh(tokens.getString("refresh_token")).json().getString("error"), "the site's refresh token is dead");
    }

    @Test
    void theFilteredAuditLogDownloadsAsCsvWithFormulasNeutralised() throws Exception {
        String mark = Accounts.unique("q").replace("-", "");
        String member = Accounts.newMember(base, "auditee" + mark, "Audited Member", "a-good-password");
        assertEquals("/settings", new Browser(base).signIn(member, "a-good-password").path());
        String formula = "=sum(1+1)" + mark; // sign-in takes usernames in lower case, and audits them so
        assertEquals("/signin", new Browser(base).signIn(formula, "whatever-it-is").path());

        signIn(chromium, "admin", Deployments.ADMIN_PASSWORD);
        chromium.get(base + "admin/audit");
        chromium.findElement(By.id("filter:actor")).sendKeys(mark);
        chromium.findElement(By.id("filter:action")).sendKeys("signin");
        chromium.findElement(By.id("filter:apply")).click();
        wait.until(d -> rowTexts(d, "list:audit").size() == 2);
        List<String> shown = rowTexts(chromium, "list:audit");
        assertTrue(shown.stream().anyMatch(r -> r.contains(member) && r.contains("signin.succeeded")), shown.toString());
        assertTrue(shown.stream().anyMatch(r -> r.contains(formula) && r.contains("signin.refused")), shown.toString());

        chromium.findElement(By.id("filter:export")).click();
        List<String> lines = Files.readAllLines(downloaded("parley-audit.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFFat,actor,action,subject,address,detail", lines.get(0));
        assertEquals(3, lines.size(), "exactly the filtered rows: " + lines);
        List<String[]> rows = lines.subList(1, 3).stream().map(line -> line.split(",", -1)).toList();
        assertEquals(member, rows.get(0)[1], "oldest first");
        assertEquals("signin.succeeded", rows.get(0)[2]);
        assertEquals("'" + formula, rows.get(1)[1], "a formula is neutralised");
        assertEquals("signin.refused", rows.get(1)[2]);
        assertEquals("wrong username or password", rows.get(1)[5]);
    }

    /**
     * In the Arabic console, text people typed keeps its own direction: a department "-2+3" reads "-2+3", the minus at
     * its left, not "2+3-" as the page's right-to-left direction drew it (found by attacking from outside), and an Arabic
     * name stays right-to-left.
     */
    @Test
    void inTheArabicConsoleTypedTextKeepsItsOwnDirection() {
        String username = Accounts.unique("bidi");
        Accounts.createMember(Accounts.admin(base), username, "\u0639\u0644\u064a \u0623\u062d\u0645\u062f", "a-good-password",
                Map.of("department", "-2+3"));
        signIn(chromium, "admin", Deployments.ADMIN_PASSWORD);
        chromium.get(base + "admin/members?mkt=ar-SA&q=" + username);
        wait.until(Chromium.textShows(By.id("list:members"), "-2+3"));
        @SuppressWarnings("unchecked")
        List<Number> lefts = (List<Number>) ((JavascriptExecutor) chromium).executeScript("""
                const left = (text, at) => {
                  const walker = document.createTreeWalker(document.getElementById('list:members'), NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const i = node.data.indexOf(text);
                    if (i >= 0) {
                      const range = document.createRange();
                      range.setStart(node, i + at);
                      range.setEnd(node, i + at + 1);
                      return range.getBoundingClientRect().left;
                    }
                  }
                  return null;
                };
                const name = arguments[0];
                return [left('-2+3', 0), left('-2+3', 3), left(name, 0), left(name, name.length - 1)];""",
                "\u0639\u0644\u064a \u0623\u062d\u0645\u062f");
        assertTrue(lefts.get(0).doubleValue() < lefts.get(1).doubleValue(), "the minus is left of the 3: " + lefts);
        assertTrue(lefts.get(2).doubleValue() > lefts.get(3).doubleValue(), "the Arabic name reads right to left: " + lefts);
    }

    @Test
    void aMemberGetsTheForbiddenPageOnEveryAdminPage() {
        String username = Accounts.newMember(base, "curious", "Curious Member", "a-good-password");
        signIn(chromium, username, "a-good-password");
        for (String page : PAGES) {
            chromium.get(base + page);
            assertTrue(chromium.findElement(By.tagName("body")).getText().contains("Your account may not open this page."),
                    page + ": " + chromium.getPageSource());
            assertTrue(chromium.findElements(By.cssSelector("nav.admin")).isEmpty(), page + " shows none of the console");
        }
    }

    @Test
    void axeFindsNothingSeriousOnTheRecordPagesInEnglishAndArabic() {
        List<String> problems = new ArrayList<>();
        signIn(chromium, "admin", Deployments.ADMIN_PASSWORD);
        checkPages(chromium, "en-US", "ltr", "Members", problems);
        WebDriver arabic = Chromium.start("ar");
        try {
            signIn(arabic, "admin", Deployments.ADMIN_PASSWORD);
            checkPages(arabic, "ar-SA", "rtl", "الأعضاء", problems);
        } finally {
            arabic.quit();
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void checkPages(WebDriver driver, String lang, String dir, String membersHeading, List<String> problems) {
        for (String page : PAGES) {
            driver.get(base + page);
            WebElement html = driver.findElement(By.tagName("html"));
            assertEquals(lang, html.getAttribute("lang"), page);
            assertEquals(dir, html.getAttribute("dir"), page);
            if (page.endsWith("members")) {
                assertEquals(membersHeading, driver.findElement(By.tagName("h1")).getText());
            }
            Chromium.screenshot(driver, "admin-" + page.substring("admin/".length()) + "-" + lang);
            problems.addAll(Axe.seriousViolations(driver));
        }
    }

    private void upload(Path file) {
        chromium.findElement(By.cssSelector("input[type=file][id^='import:file']")).sendKeys(file.toString());
        chromium.findElement(By.id("import:check")).click();
    }

    private Path csv(String name, String text) throws IOException {
        Path file = Files.createTempDirectory("csv").resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Whether the admin (over HTTP) finds the member by searching the members page. */
    private boolean listed(String username) {
        return Accounts.admin(base).open("/admin/members?q=" + username).document()
                .select("[id='list:members'] tbody tr").stream().anyMatch(row -> row.child(0).text().equals(username));
    }

    private Path downloaded(String name) {
        Path file = downloads.resolve(name);
        new WebDriverWait(chromium, Duration.ofSeconds(15)).until(d -> Files.isRegularFile(file) && !partial());
        return file;
    }

    private boolean partial() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(f -> f.toString().endsWith(".crdownload"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> rowTexts(WebDriver driver, String tableId) {
        WebElement table = driver.findElement(By.id(tableId));
        assertNotNull(table);
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> !row.getAttribute("class").contains("ui-datatable-empty-message"))
                .map(WebElement::getText).map(text -> text.replaceAll("\\s+", " ").strip()).toList();
    }
}
