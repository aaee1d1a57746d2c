package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code /directory} and {@code /people/{username}} in headless Chromium: a signed-in member finds
 * colleagues by name, title and department, sees their status change without a reload, and chats
 * with them as a verified visitor; hostile searches get a page; both pages pass axe-core in en-US
 * and Arabic.
 */
class DirectoryBrowserIT extends ParleyDeployment {

    private static final String PASSWORD = "a-good-password";
    private static final By ROWS = By.cssSelector("#directory\\:colleagues tbody tr.colleague");
    private static final By QUERY = By.id("directory:query");
    private static final By FOUND = By.id("directory:found");

    private WebDriver chromium;
    private WebDriverWait wait;
    /** Words no other test's members hold, so each test searches its own colleagues. */
    private String token;

    @BeforeEach
    void open() {
        chromium = Chromium.start();
        wait = new WebDriverWait(chromium, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        token = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void quit() {
        chromium.quit();
    }

    @Test
    void aMemberFindsColleaguesByNameTitleAndDepartmentAndOnlyThoseWhoShare() {
        var ada = colleague("ada", "Ada Lovelace", "Analyst", "Engines");
        colleague("charles", "Charles Babbage", "Inventor", "Engines");
        var grace = colleague("grace", "Grace Hopper", "Admiral", "Navy");
        Accounts.createMember(Accounts.admin(base), Accounts.unique("hidden"), "Hidden Engineer " + token, PASSWORD,
                Map.of("department", "Engines " + token));

        // an anonymous visitor is sent to sign in, and comes back to the directory
        chromium.get(base + "directory");
        wait.until(ExpectedConditions.urlContains("/signin"));
        chromium.findElement(By.id("signin:username")).sendKeys(grace.username());
        chromium.findElement(By.id("signin:password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(Chromium.headingShows("Find a colleague"));
        assertTrue(chromium.getCurrentUrl().endsWith("/directory"), chromium.getCurrentUrl());

        search("lovelace " + token);
        assertEquals(List.of("Ada Lovelace " + token), names());
        assertEquals("Analyst " + token, cell("job-title"));
        assertEquals("Engines " + token, cell("department"));
        assertEquals(base + "people/" + ada.username(),
                chromium.findElement(By.cssSelector("#directory\\:colleagues td.name a")).getAttribute("href"));

        search("ENGINES " + token);
        assertEquals(List.of("Ada Lovelace " + token, "Charles Babbage " + token), names(),
                "by department, by name, and without the member who does not share");
        assertEquals("Colleagues found: 2", chromium.findElement(FOUND).getText());

        chromium.findElement(By.cssSelector("#directory\\:colleagues th.job-title")).click(); // by title, ascending
        wait.until(Chromium.ajaxDone()); // the order shown may be that one already
        wait.until(d -> names().equals(List.of("Ada Lovelace " + token, "Charles Babbage " + token)));
        chromium.findElement(By.cssSelector("#directory\\:colleagues th.job-title")).click(); // descending
        wait.until(Chromium.ajaxDone());
        wait.until(d -> names().equals(List.of("Charles Babbage " + token, "Ada Lovelace " + token)));

        search("admiral " + token);
        assertEquals(List.of("Grace Hopper " + token + " (you)"), names(), "the member finds themself");
        assertTrue(chromium.findElements(By.cssSelector("#directory\\:colleagues button[data-chat]")).isEmpty(),
                "no chat with oneself");
        assertTrue(chromium.findElements(By.id("not-listed")).isEmpty(), "Grace shares, so she is listed");

        search("nobody-here " + token);
        assertEquals("No colleague matches your search.",
                chromium.findElement(By.cssSelector("#directory\\:colleagues tr.ui-datatable-empty-message")).getText());
        Chromium.screenshot(chromium, "directory-search");
    }

    @Test
    void aColleaguesNewStatusShowsWithinASecondWithoutAReload() {
        var ada = colleague("ada", "Ada Lovelace", "Analyst", "Engines");
        var viewer = colleague("katherine", "Katherine Johnson", "Mathematician", "Flight Research");
        signIn(viewer.username(), "directory");
        search("lovelace " + token);
        By badge = By.cssSelector("#directory\\:colleagues .presence-badge");
        assertEquals("Offline", chromium.findElement(badge).getAttribute("data-status"));

        try (Socket console = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            console.next("welcome");
            wait.until(ExpectedConditions.attributeToBe(badge, "data-status", "Online"));
            console.send(Socket.frame("presence").add("status", "Busy"));
            long start = System.nanoTime();
            new WebDriverWait(chromium, Duration.ofSeconds(3)).pollingEvery(Duration.ofMillis(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("#directory\\:colleagues .presence-badge .status-text"),
                            "Busy"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1000, "the change shows within 1 s: " + millis + " ms");
            assertEquals("Busy", chromium.findElement(badge).getAttribute("data-status"));
            assertTrue(chromium.findElement(By.cssSelector("#directory\\:colleagues .presence-badge img"))
                    .getAttribute("src").endsWith("/icons/presence/busy.svg"));
        }
    }

    @Test
    void theStatusIsInThePagesLanguage() {
        var ada = colleague("ada", "Ada Lovelace", "Analyst", "Engines");
        var viewer = colleague("lise", "Lise Meitner", "Physicist", "Research");
        signIn(viewer.username(), "directory?mkt=de-DE");
        wait.until(Chromium.headingShows("Kolleginnen und Kollegen finden"));
        search("lovelace " + token);
        try (Socket console = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            console.next("welcome");
            console.send(Socket.frame("presence").add("status", "Away"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#directory\\:colleagues .presence-badge .status-text"),
                    "Abwesend"));
        }
        assertEquals("Mit Ada Lovelace " + token + " chatten",
                chromium.findElement(By.cssSelector("#directory\\:colleagues button[data-chat]")).getAttribute("aria-label"));
    }

    @Test
    void chatFromTheDirectoryReachesTheColleagueAsTheVerifiedMember() {
        var ada = colleague("ada", "Ada Lovelace", "Analyst", "Engines");
        var grace = colleague("grace", "Grace Hopper", "Admiral", "Navy");
        try (Socket console = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            console.next("welcome");
            signIn(grace.username(), "directory");
            search("lovelace " + token);
            chromium.findElement(By.cssSelector("#directory\\:colleagues button[data-chat]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-dialog")));
            assertEquals("Chat with Ada Lovelace " + token,
                    chromium.findElement(By.cssSelector("#chat-dialog .ui-dialog-title")).getText());
            chromium.switchTo().frame("chat-frame");
            WebElement compose = wait.until(ExpectedConditions.elementToBeClickable(By.id("compose")));
            assertFalse(chromium.findElement(By.id("nickname")).isDisplayed(), "a verified visitor picks no nickname");
            compose.sendKeys("Found you in the directory", Keys.ENTER);

            JsonObject visitor = console.next("conversation.started").getJsonObject("conversation").getJsonObject("visitor");
            assertTrue(visitor.getBoolean("verified"), visitor.toString());
            assertEquals(grace.username(), visitor.getString("username"));
            assertEquals("Grace Hopper " + token, visitor.getString("name"));
            assertEquals("Found you in the directory", console.next("message").getString("text"));
            chromium.switchTo().defaultContent();
            Chromium.screenshot(chromium, "directory-chat");
        }
    }

    @Test
    void hostileSearchesGetAPage() {
        var viewer = colleague("mary", "Mary Jackson", "Engineer", "Langley");
        signIn(viewer.username(), "directory");
        for (String query : List.of("%", "_", "\"'", "%_%", "' OR '1'='1", "<script>alert(1)</script>")) {
            chromium.get(base + "directory?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            wait.until(ExpectedConditions.textToBe(FOUND, "Colleagues found: 0"));
            assertEquals(query, chromium.findElement(QUERY).getDomProperty("value"));
            assertEquals("Find a colleague", chromium.findElement(By.tagName("h1")).getText(), query);
        }

        chromium.get(base + "directory");
        wait.until(ExpectedConditions.presenceOfElementLocated(ROWS));
        for (String query : List.of("a".repeat(10_000), "\u202e\ud800" + token, "%".repeat(10_000))) {
            // past the field's maxlength, as a script or another client could send it (PrimeFaces keeps the first 200)
            ((JavascriptExecutor) chromium).executeScript("arguments[0].value = arguments[1];", chromium.findElement(QUERY), query);
            chromium.findElement(By.id("directory:search")).click();
            wait.until(ExpectedConditions.textToBe(FOUND, "Colleagues found: 0"));
            search(token);
            assertEquals(List.of("Mary Jackson " + token + " (you)"), names(), "the page still works");
        }

        Browser plain = new Browser(base);
        plain.signIn(viewer.username(), PASSWORD);
        Browser.Page page = plain.open("/directory?q=%25_%22%27");
        assertEquals(200, page.status(), page.text());
        assertEquals("Colleagues found: 0", page.value("#directory\\:found"));
        // a link may carry a long search too (10,000 characters are searched by the form above: the HTTP
        // server refuses request lines of that length before any page sees them)
        Browser.Page huge = plain.open("/directory?q=" + "a".repeat(1_000));
        assertEquals(200, huge.status(), huge.text());
        assertEquals("Colleagues found: 0", huge.value("#directory\\:found"));
        assertEquals("Only the first 200 characters of your search are used.", huge.messages());
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() {
        for (String path : List.of("/directory", "/directory.xhtml", "/directory?q=ada")) {
            Browser.Page page = new Browser(base).open(path);
            assertEquals("/signin", page.path(), path + ": " + page.text());
        }
    }

    @Test
    void aMemberWhoDoesNotShareIsToldHowToBeListed() {
        String username = Accounts.newMember(base, "shy", "Shy Member " + token, PASSWORD);
        signIn(username, "directory");
        assertTrue(chromium.findElement(By.id("not-listed")).getText().contains("You are not listed here yourself"));
        search(token);
        assertEquals("Colleagues found: 0", chromium.findElement(FOUND).getText());
    }

    @Test
    void aProfileShowsNameTitleDepartmentPersonalMessageAndLiveStatus() {
        var ada = colleague("ada", "Ada Lovelace", "Analyst", "Engines");
        Browser.Page saved = ada.browser().submit("settings", Map.of("personalMessage", "Writing notes <b>on G</b>"), "save");
        assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());

        chromium.get(base + "people/" + ada.username());
        wait.until(ExpectedConditions.textToBe(By.id("name"), "Ada Lovelace " + token));
        assertEquals("Analyst " + token, chromium.findElement(By.id("title")).getText());
        assertEquals("Engines " + token, chromium.findElement(By.id("department")).getText());
        assertEquals("Writing notes <b>on G</b>", chromium.findElement(By.id("personal-message")).getText(), "as text");
        By badge = By.cssSelector("#status .presence-badge");
        assertEquals("Offline", chromium.findElement(badge).getAttribute("data-status"));
        assertTrue(chromium.findElements(By.id("chat")).isEmpty(), "no chat control: Ada did not put one on her profile");

        try (Socket console = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            console.next("welcome");
            wait.until(ExpectedConditions.attributeToBe(badge, "data-status", "Online"));
            console.send(Socket.frame("presence").add("status", "OnThePhone"));
            long start = System.nanoTime();
            new WebDriverWait(chromium, Duration.ofSeconds(3)).pollingEvery(Duration.ofMillis(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("#status .status-text"), "On the phone"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1000, "the change shows within 1 s: " + millis + " ms");
        }
        Chromium.screenshot(chromium, "public-profile");

        // a member who does not share shows name, title and department, but no status or message
        String shy = Accounts.unique("shy");
        Accounts.createMember(Accounts.admin(base), shy, "Shy Member", PASSWORD, Map.of("title", "Archivist"));
        Browser shyBrowser = new Browser(base);
        shyBrowser.signIn(shy, PASSWORD);
        shyBrowser.submit("settings", Map.of("personalMessage", "Not for the web"), "save");
        Browser.Page profile = new Browser(base).open("/people/" + shy);
        assertEquals("Archivist", profile.value("#title"));
        assertTrue(profile.document().select("#status, #personal-message, .presence-badge").isEmpty(), profile.text());
        assertFalse(profile.text().contains("Not for the web"));

        // a name, title and department as long as they may be, without a space, stay within the page (found by
        // attacking from outside: the profile grew to 2,826 px in a window of 1,280)
        String wide = Accounts.unique("wide");
        Accounts.createMember(Accounts.admin(base), wide, "W".repeat(100), PASSWORD, Map.of("title", "T".repeat(100),
                "department", "D".repeat(100)));
        chromium.get(base + "people/" + wide);
        wait.until(ExpectedConditions.textToBe(By.id("name"), "W".repeat(100)));
        Number scrollWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) chromium)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(scrollWidth.intValue() <= 0, "no sideways scrolling: " + scrollWidth + " px more than the window");
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsOnTheDirectoryAndAProfileInEnglishAndArabic() {
        var ada = colleague("ada", "Ada Lovelace", "Analyst", "Engines");
        var viewer = colleague("hedy", "Hedy Lamarr", "Inventor", "Engines");
        signIn(viewer.username(), "directory");
        List<String> problems = new ArrayList<>();
        for (String path : List.of("directory?q=" + token, "directory?mkt=ar-SA&q=" + token,
                "people/" + ada.username(), "people/" + ada.username() + "?mkt=ar-SA")) {
            chromium.get(base + path);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".presence-badge")));
            if (path.contains("mkt=ar-SA")) {
                assertEquals("rtl", chromium.findElement(By.tagName("html")).getAttribute("dir"), path);
            }
            problems.addAll(Axe.seriousViolations(chromium));
        }
        // the chat dialog open
        chromium.get(base + "directory?q=lovelace%20" + token);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#directory\\:colleagues button[data-chat]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-dialog")));
        problems.addAll(Axe.seriousViolations(chromium)); // with the chat dialog open
        Chromium.screenshot(chromium, "directory-chat-dialog");
        chromium.get(base + "directory?mkt=ar-SA&q=" + token);
        wait.until(ExpectedConditions.presenceOfElementLocated(ROWS));
        Chromium.screenshot(chromium, "directory-ar");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** A colleague who shares on the web; name, title and department end in this test's token. */
    private Accounts.SharingMember colleague(String prefix, String name, String title, String department) {
        return Accounts.sharingMember(base, prefix, name + " " + token,
                Map.of("title", title + " " + token, "department", department + " " + token));
    }

    /** Signs in in Chromium and opens {@code path}. */
    private void signIn(String username, String path) {
        chromium.get(base + "signin");
        chromium.findElement(By.id("signin:username")).sendKeys(username);
        chromium.findElement(By.id("signin:password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/settings"));
        chromium.get(base + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(QUERY));
    }

    /** Types a search (the field searches as one types) and waits until the table shows its answer. */
    private void search(String query) {
        WebElement shown = chromium.findElement(By.id("directory:colleagues"));
        WebElement field = chromium.findElement(QUERY);
        field.clear();
        field.sendKeys(query);
        wait.until(ExpectedConditions.stalenessOf(shown)); // the search answered with a new table
        wait.until(d -> {
            WebElement input = d.findElement(QUERY);
            return query.equals(input.getDomProperty("value"))
                    && !d.findElements(By.cssSelector("#directory\\:colleagues tbody tr")).isEmpty()
                    && answered(d, query);
        });
    }

    /** Whether the rows shown answer this query (every row holds each of its words, or the table says none do). */
    private static boolean answered(WebDriver driver, String query) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#directory\\:colleagues tbody tr"));
        if (rows.size() == 1 && rows.get(0).getAttribute("class").contains("ui-datatable-empty-message")) {
            return true;
        }
        for (WebElement row : rows) {
            String text = (row.getText() + " " + row.findElement(By.cssSelector("td.name a")).getAttribute("href"))
                    .toLowerCase();
            for (String word : query.toLowerCase().split("\\s+")) {
                if (!text.contains(word)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The names in the table's rows, read at once (a search may replace the rows at any moment). */
    @SuppressWarnings("unchecked")
    private List<String> names() {
        return (List<String>) ((JavascriptExecutor) chromium).executeScript("return [...document.querySelectorAll("
                + "'#directory\\\\:colleagues td.name')].map(cell => cell.innerText.trim());");
    }

    private String cell(String column) {
        return chromium.findElement(By.cssSelector("#directory\\:colleagues td." + column)).getText();
    }
}
