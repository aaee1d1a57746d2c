package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The admin console's operations pages in headless Chromium: the dashboard counts what is
 * connected and refreshes by itself, an admin disconnects a live socket (its peer sees it close),
 * a changed rate limit holds back the very next messages, a bad value is explained next to its field
 * and nothing is saved, members who are not admins get 403, and axe-core finds nothing serious in
 * en-US or Arabic.
 */
class OperationsConsoleBrowserIT extends ParleyDeployment {

    private static final List<String> PAGES = List.of("admin", "admin/sessions", "admin/settings");

    private WebDriver chromium;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        chromium = Chromium.start();
        // the sessions table is redrawn as the filter is typed: a row read as it goes is read again
        wait = new WebDriverWait(chromium, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void quit() {
        chromium.quit();
    }

    @Test
    void theDashboardShowsOneConsoleAndTwoVisitorsWithoutAReload() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        signInAsAdmin();
        chromium.get(base + "admin");
        assertEquals("Dashboard · Parley", chromium.getTitle());
        WebElement h1 = chromium.findElement(By.tagName("h1"));
        assertEquals("Dashboard", h1.getText());
        wait.until(d -> text("membersOnline").equals("0") && text("openConversations").equals("0"));
        long before = Long.parseLong(text("messagesLastHour"));

        try (Socket console = Socket.open(uri(), "/ws/client", ada.browser());
             Socket grace = visitor(ada.cid(), "Grace");
             Socket alan = visitor(ada.cid(), "Alan")) {
            console.next("welcome");
            grace.send(Socket.frame("message").add("id", "m1").add("text", "Hello Ada"));
            grace.ack("m1");
            alan.send(Socket.frame("message").add("id", "m1").add("text", "Hello from Alan"));
            alan.ack("m1");

            // the page was not reloaded: its poll brings the new figures
            wait.until(d -> text("membersOnline").equals("1") && text("openConversations").equals("2")
                    && text("messagesLastHour").equals(String.valueOf(before + 2)));
            assertTrue(chromium.findElement(By.tagName("h1")).equals(h1), "the same page, not a new one");
            assertEquals("1", clients("CONSOLE"));
            assertEquals("2", clients("VISITOR"));
            assertEquals("0", clients("DESKTOP"));
            assertEquals("0", clients("PRESENCE"));
            assertEquals("Reachable", text("database"));
            assertTrue(text("databaseTime").matches("\\d+ ms"), text("databaseTime"));
            assertTrue(chromium.findElement(By.cssSelector("#dashboard\\:rate canvas")).isDisplayed(), "the chart is drawn");
            Chromium.screenshot(chromium, "admin-dashboard");
        }
        wait.until(d -> text("membersOnline").equals("0"));
    }

    @Test
    void anAdminDisconnectsAVisitorAndAMemberAndTheirSocketsClose() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        try (Socket console = Socket.open(uri(), "/ws/client", ada.browser());
             Socket grace = visitor(ada.cid(), "Grace")) {
            console.next("welcome");
            signInAsAdmin();
            chromium.get(base + "admin/sessions");
            assertEquals("Live sessions · Parley", chromium.getTitle());
            WebElement filter = chromium.findElement(By.id("sessions:list:globalFilter"));
            filter.sendKeys(ada.username());
            wait.until(d -> rows().size() == 2);
            Chromium.screenshot(chromium, "admin-sessions");

            disconnect("Visitor’s chat control");
            wait.until(Chromium.textShows(By.id("messages"), "Disconnected"));
            JsonObject told = grace.next("error");
            assertEquals("forbidden", told.getString("code"));
            assertEquals("An administrator closed this connection.", told.getString("message"));
            assertEquals(1008, grace.closeCode());
            assertTrue(console.isOpen(), "only the chosen socket closes");

            WebElement again = chromium.findElement(By.id("sessions:list:globalFilter"));
            again.clear();
            again.sendKeys(ada.username());
            wait.until(d -> rows().size() == 1);
            disconnect("Web console");
            wait.until(Chromium.textShows(By.id("messages"), "Disconnected: Web console of "
                    + ada.username() + " from 127.0.0.1."));
            assertEquals(1008, console.closeCode());
        }
        Browser.Page audit = Accounts.admin(base).open("/admin/audit");
        assertTrue(audit.text().contains("session.disconnected"), audit.text());
        assertTrue(audit.text().contains("visitor socket"), audit.text());
    }

    @Test
    void aLowerVisitorMessageRateHoldsBackTheNextMessagesAtOnce() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        try (Socket console = Socket.open(uri(), "/ws/client", ada.browser());
             Socket grace = visitor(ada.cid(), "Grace")) {
            console.next("welcome");
            grace.send(Socket.frame("message").add("id", "before").add("text", "Under the configured limit"));
            grace.ack("before");

            signInAsAdmin();
            chromium.get(base + "admin/settings");
            assertEquals("Settings · Parley", chromium.getTitle());
            type("VISITOR_MESSAGE_BURST", "2");
            type("VISITOR_MESSAGES_PER_SECOND", "0.01");
            chromium.findElement(By.id("settings:save")).click();
            wait.until(Chromium.textShows(By.id("messages"), "Saved. Settings changed: 2."));
            assertEquals("2", field("VISITOR_MESSAGE_BURST").getAttribute("value"));
            try {
                // the conversation under way keeps no more than the new burst: two more, then the error frame
                for (String id : List.of("a", "b")) {
                    grace.send(Socket.frame("message").add("id", id).add("text", "Message " + id));
                    grace.ack(id);
                }
                grace.send(Socket.frame("message").add("id", "c").add("text", "One too many"));
                JsonObject refused = grace.answer("c");
                assertEquals("error", refused.getString("type"));
                assertEquals("rate_limited", refused.getString("code"));
                assertTrue(refused.getInt("retryAfter") >= 1, refused.toString());

                try (Socket alan = visitor(ada.cid(), "Alan")) {
                    for (String id : List.of("a", "b")) {
                        alan.send(Socket.frame("message").add("id", id).add("text", "New conversation " + id));
                        alan.ack(id);
                    }
                    alan.send(Socket.frame("message").add("id", "c").add("text", "One too many"));
                    assertEquals("rate_limited", alan.answer("c").getString("code"), "a new conversation starts under the new limit");
                }
            } finally {
                chromium.get(base + "admin/settings");
                type("VISITOR_MESSAGE_BURST", "");
                type("VISITOR_MESSAGES_PER_SECOND", "");
                chromium.findElement(By.id("settings:save")).click();
                wait.until(Chromium.textShows(By.id("messages"), "Saved. Settings changed: 2."));
            }
            assertEquals("1000", field("VISITOR_MESSAGE_BURST").getAttribute("value"), "an empty field is the configured value again");
        }
        Browser.Page audit = Accounts.admin(base).open("/admin/audit");
        assertTrue(audit.text().contains("parley.limits.visitor-message-burst"), audit.text());
        assertTrue(audit.text().contains("1000 → 2"), audit.text());
        assertTrue(audit.text().contains("2 → 1000"), audit.text());
    }

    @Test
    void anAddedIntranetOriginOpensTheVisitorSocketAtTheNextHandshake() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        String path = "/ws/control?invitee=" + ada.cid();
        Map<String, String> fromTheNewPage = Map.of("Origin", "http://new-intranet.test");
        assertEquals(403, Socket.refusedStatus(uri(), path, null, fromTheNewPage));
        signInAsAdmin();
        chromium.get(base + "admin/settings");
        String configured = field("INTRANET_ORIGINS").getAttribute("value");
        assertTrue(configured.contains(INTRANET_ORIGIN), configured);
        try {
            type("INTRANET_ORIGINS", configured + "\nHTTP://New-Intranet.test/");
            chromium.findElement(By.id("settings:save")).click();
            wait.until(Chromium.textShows(By.id("messages"), "Saved. Settings changed: 1."));
            assertTrue(field("INTRANET_ORIGINS").getAttribute("value").endsWith("\nhttp://new-intranet.test"), "kept tidied");
            try (Socket visitor = Socket.open(uri(), path, null, fromTheNewPage)) {
                assertEquals(ada.cid(), visitor.next("hello").getJsonObject("invitee").getString("id").split("@")[0]);
            }
        } finally {
            chromium.get(base + "admin/settings");
            type("INTRANET_ORIGINS", "");
            chromium.findElement(By.id("settings:save")).click();
            wait.until(Chromium.textShows(By.id("messages"), "Saved. Settings changed: 1."));
        }
        assertEquals(403, Socket.refusedStatus(uri(), path, null, fromTheNewPage), "refused again once the origin is removed");
    }

    @Test
    void newMembersTakeOfflineMessagesOnlyWhenTheDefaultSaysSo() {
        signInAsAdmin();
        chromium.get(base + "admin/settings");
        assertTrue(field("OFFLINE_MESSAGES_DEFAULT").isSelected(), "on, as configured");
        try {
            field("OFFLINE_MESSAGES_DEFAULT").click();
            chromium.findElement(By.id("settings:save")).click();
            wait.until(Chromium.textShows(By.id("messages"), "Saved. Settings changed: 1."));
            String quiet = Accounts.newMember(base, "quiet", "Quiet Member", "a-good-password");
            Browser.Page settings = new Browser(base).signIn(quiet, "a-good-password");
            assertFalse(settings.document().selectFirst("#settings\\:offlineMessages").hasAttr("checked"), "off for the new member");
        } finally {
            chromium.get(base + "admin/settings");
            if (!field("OFFLINE_MESSAGES_DEFAULT").isSelected()) {
                field("OFFLINE_MESSAGES_DEFAULT").click();
            }
            chromium.findElement(By.id("settings:save")).click();
            wait.until(Chromium.textShows(By.id("messages"), "Saved. Settings changed: 1."));
        }
        String talkative = Accounts.newMember(base, "talkative", "Talkative Member", "a-good-password");
        Browser.Page settings = new Browser(base).signIn(talkative, "a-good-password");
        assertTrue(settings.document().selectFirst("#settings\\:offlineMessages").hasAttr("checked"), "on again");
    }

    @Test
    void badValuesAreExplainedNextToTheirFieldsAndNothingIsSaved() {
        signInAsAdmin();
        chromium.get(base + "admin/settings");
        String burst = field("VISITOR_MESSAGE_BURST").getAttribute("value");
        type("VISITOR_MESSAGE_BURST", "7");
        type("ACCESS_TTL", "PT-5M");
        type("INTRANET_ORIGINS", "https://good.example\nftp://files.example");
        type("CONVERSATIONS_PER_MINUTE", "%_'\"" + "9".repeat(10_000));
        type("CODE_TTL", "\u202Ept1h\u0007");
        chromium.findElement(By.id("settings:save")).click();

        wait.until(Chromium.textShows(By.id("messages"), "Nothing was saved. Values to correct: 4."));
        assertEquals("Access token lifetime must be above zero (you wrote PT-5M).", message("ACCESS_TTL"));
        assertTrue(message("INTRANET_ORIGINS").startsWith("Intranet origins: ftp://files.example is not an origin."),
                message("INTRANET_ORIGINS"));
        assertTrue(message("CONVERSATIONS_PER_MINUTE").startsWith("New conversations per minute from one address may have at most 4000"),
                message("CONVERSATIONS_PER_MINUTE"));
        assertTrue(message("CODE_TTL").contains("is not a duration"), message("CODE_TTL"));
        assertEquals("", message("VISITOR_MESSAGE_BURST"), "a good value has no message");
        assertEquals("true", field("ACCESS_TTL").getAttribute("aria-invalid"));
        assertEquals("PT-5M", field("ACCESS_TTL").getAttribute("value"), "a refused value stays in its field to be corrected");
        Chromium.screenshot(chromium, "admin-settings-refused");

        chromium.get(base + "admin/settings");
        assertEquals(burst, field("VISITOR_MESSAGE_BURST").getAttribute("value"), "the good value was not saved either");
        assertEquals("PT1H", field("ACCESS_TTL").getAttribute("value"));
    }

    @Test
    void membersWhoAreNotAdminsGet403OnEveryOperationsPage() {
        String username = Accounts.newMember(base, "eve", "Eve", "curious-member");
        Browser eve = new Browser(base);
        eve.signIn(username, "curious-member");
        for (String page : List.of("/admin", "/admin/", "/admin/sessions", "/admin/settings", "/admin.xhtml",
                "/admin/sessions.xhtml", "/admin/settings.xhtml")) {
            Browser.Page refused = eve.open(page);
            assertEquals(403, refused.status(), page);
            assertTrue(refused.text().contains("Your account may not open this page."), page + ": " + refused.text());
        }
        Browser.Page anonymous = new Browser(base).open("/admin/settings");
        assertEquals("/signin", anonymous.path(), "someone not signed in is asked to sign in");
    }

    @Test
    void theDashboardAnswersWithAndWithoutTheTrailingSlash() {
        Browser admin = Accounts.admin(base);
        Browser.Page page = admin.open("/admin/");
        assertEquals(200, page.status());
        assertEquals("/admin", page.path());
        assertEquals("Dashboard", page.document().selectFirst("h1").text());
        assertEquals("Dashboard", admin.open("/admin").document().selectFirst("h1").text());
    }

    @Test
    void theGermanPagesSayItInGerman() {
        Browser admin = Accounts.admin(base);
        assertEquals("Übersicht", admin.open("/admin?mkt=de-DE").document().selectFirst("h1").text());
        assertEquals("Aktive Verbindungen", admin.open("/admin/sessions?mkt=de-DE").document().selectFirst("h1").text());
        Browser.Page settings = admin.open("/admin/settings?mkt=de-DE");
        assertEquals("Einstellungen", settings.document().selectFirst("h1").text());
        assertEquals("de-DE", settings.document().selectFirst("html").attr("lang"));
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsInEnglishOrArabic() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        List<String> problems = new ArrayList<>();
        try (Socket console = Socket.open(uri(), "/ws/client", ada.browser())) {
            console.next("welcome");
            signInAsAdmin();
            for (String page : PAGES) {
                for (String mkt : List.of("en-US", "ar-SA")) {
                    chromium.get(base + page + "?mkt=" + mkt);
                    wait.until(d -> d.findElement(By.tagName("h1")).isDisplayed());
                    if (mkt.equals("ar-SA")) {
                        assertEquals("rtl", chromium.findElement(By.tagName("html")).getAttribute("dir"), page);
                    }
                    problems.addAll(Axe.seriousViolations(chromium));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private Socket visitor(String cid, String name) {
        Socket visitor = Socket.open(uri(), "/ws/control?invitee=" + cid, null);
        visitor.next("hello");
        visitor.send(Socket.frame("identify").add("id", "n").add("name", name));
        visitor.ack("n");
        return visitor;
    }

    private URI uri() {
        return URI.create(base.toString());
    }

    private void signInAsAdmin() {
        chromium.get(base + "signin");
        chromium.findElement(By.id("signin:username")).sendKeys("admin");
        chromium.findElement(By.id("signin:password")).sendKeys(Deployments.ADMIN_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/settings"));
    }

    private String text(String id) {
        return chromium.findElement(By.id(id)).getText().strip();
    }

    private String clients(String kind) {
        return chromium.findElement(By.cssSelector("#clients-" + kind + " td")).getText();
    }

    private List<WebElement> rows() {
        return chromium.findElements(By.cssSelector("#sessions\\:list tbody tr")).stream()
                .filter(r -> !r.getAttribute("class").contains("ui-datatable-empty-message")).toList();
    }

    private WebElement row(String kind) {
        return rows().stream().filter(r -> r.findElement(By.tagName("td")).getText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + kind));
    }

    /** Presses Disconnect in the row of this kind, reading the row again if the table was redrawn meanwhile. */
    private void disconnect(String kind) {
        wait.until(d -> {
            row(kind).findElement(By.cssSelector("button[id$=':disconnect']")).click();
            return true;
        });
    }

    private WebElement field(String setting) {
        return chromium.findElement(By.id("settings:" + setting));
    }

    private void type(String setting, String value) {
        WebElement field = field(setting);
        field.clear();
        if (!value.isEmpty()) {
            // a long value goes in by script: typing 10,000 keys takes minutes
            ((JavascriptExecutor) chromium).executeScript("arguments[0].value = arguments[1];", field, value);
        }
    }

    /** The message next to a setting's field; empty when there is none. */
    private String message(String setting) {
        return chromium.findElements(By.id("settings:" + setting + "-message")).stream()
                .map(m -> m.getText().strip()).findFirst().orElse("");
    }
}
