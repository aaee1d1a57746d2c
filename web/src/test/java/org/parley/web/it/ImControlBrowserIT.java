package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.web.i18n.Markets;
import org.parley.web.view.control.ColourRole;
import org.parley.web.view.control.ControlView;
import org.parley.web.view.control.Palette;
import org.parley.web.view.control.Theme;

/**
 * The IM control (SPEC.md §4) in headless Chromium: framed by an intranet page on another origin,
 * in every theme and view, against hostile colour parameters, right to left, by keyboard alone,
 * with the invitee offline, and checked by axe-core for WCAG 2.1 AA.
 */
class ImControlBrowserIT extends ParleyDeployment {

    private static final String EVIL = "red;}</style><script>window.pwned=1</script>";

    private WebDriver chromium;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        chromium = Chromium.start();
        wait = new WebDriverWait(chromium, Duration.ofSeconds(15));
    }

    @AfterEach
    void quit() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void aVisitorChatsFromAnIntranetPageOnAnotherOrigin() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Team page</title></head>"
                + "<body><h1>Our team</h1><iframe id=\"parley\" title=\"Chat with Ada\" src=\"" + base
                + "conversation/imme?invitee=" + ada.cid() + "\" width=\"300\" height=\"300\"></iframe></body></html>";
        try (TestPage page = TestPage.serve(CONTROL_PAGE_PORT, html);
             Socket client = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            client.next("welcome");
            assertNotEquals(Socket.origin(URI.create(base.toString())), Socket.origin(URI.create(page.url())));
            chromium.get(page.url());
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("parley"));
            wait.until(ExpectedConditions.textToBe(By.id("invitee-name"), "Ada Lovelace"));
            wait.until(ExpectedConditions.textToBe(By.id("invitee-status"), "Online"));
            assertTrue(chromium.findElement(By.id("invitee-icon")).getAttribute("src").endsWith("/icons/presence/online.svg"));
            assertEquals("Online", chromium.findElement(By.id("invitee-icon")).getAttribute("alt"));

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nickname"))).sendKeys("Charles");
            chromium.findElement(By.id("nickname-ok")).click();
            wait.until(ExpectedConditions.textToBe(By.id("visitor-name"), "Charles"));
            for (String id : List.of("invitee-name", "nickname-change", "compose", "send")) {
                assertInside300By300(id);
            }
            chromium.findElement(By.id("compose")).sendKeys("Hello from the intranet", Keys.ENTER);

            JsonObject started = client.next("conversation.started").getJsonObject("conversation");
            assertEquals("Charles", started.getJsonObject("visitor").getString("name"));
            assertFalse(started.getJsonObject("visitor").getBoolean("verified"));
            String conversation = started.getString("id");
            JsonObject message = client.next("message", f -> conversation.equals(f.getString("conversation", null)));
            assertEquals("Hello from the intranet", message.getString("text"));
            wait.until(ExpectedConditions.textToBe(
                    By.cssSelector("#messages li.message[data-seq][data-from=visitor] .state"), "sent"));

            client.send(Socket.frame("typing").add("conversation", conversation).add("state", "active"));
            wait.until(ExpectedConditions.textToBe(By.id("typing"), "Ada Lovelace is typing…"));
            client.send(Socket.frame("message").add("id", "r1").add("conversation", conversation).add("text", "Hello Charles"));
            client.ack("r1");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#messages li.message[data-from=invitee] .text"), "Hello Charles"));
            wait.until(d -> "Ada Lovelace: Hello Charles".equals(d.findElement(By.id("announcer")).getDomProperty("textContent")));
            assertEquals("polite", chromium.findElement(By.id("announcer")).getAttribute("aria-live"));
            chromium.switchTo().defaultContent();
            Chromium.screenshot(chromium, "imcontrol-framed-by-an-intranet-page");
            chromium.switchTo().frame("parley");

            client.close(); // Ada's only client: after the grace period she is offline
            wait.until(ExpectedConditions.textToBe(By.id("notice"),
                    "Ada Lovelace went offline. You can leave a message: they get it when they are back."));
            assertTrue(chromium.findElement(By.id("invitee-icon")).getAttribute("src").endsWith("/icons/presence/offline.svg"));
            assertTrue(chromium.findElement(By.id("leave-message")).isDisplayed());
            assertFalse(chromium.findElement(By.id("compose")).isEnabled());
        }
    }

    @Test
    void everyThemeAndEveryViewRendersInTheThemesColours() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        chromium.manage().window().setSize(new Dimension(360, 640));
        for (Theme theme : Theme.values()) {
            for (ControlView view : ControlView.values()) {
                load("invitee=" + ada.cid() + "&themeName=" + theme.parameter() + "&view=" + view.parameter());
                Palette palette = theme.palette();
                String where = theme + " " + view;
                switch (view) {
                    case WINDOW -> {
                        wait.until(ExpectedConditions.textToBe(By.id("invitee-name"), "Ada Lovelace"));
                        assertEquals(rgb(palette, ColourRole.HEADER_BACK), css(".head", "background-color"), where);
                        assertEquals(rgb(palette, ColourRole.HEADER_FORE), css(".head h1", "color"), where);
                        assertEquals(rgb(palette, ColourRole.CHAT_BACK), css(".chat", "background-color"), where);
                        assertEquals(rgb(palette, ColourRole.MENU_BACK), css(".bar", "background-color"), where);
                    }
                    case BUTTON -> {
                        wait.until(ExpectedConditions.textToBe(By.id("launcher-text"), "Chat with Ada Lovelace"));
                        assertEquals(rgb(palette, ColourRole.BUTTON_BACK), css("#open-chat", "background-color"), where);
                        assertEquals(rgb(palette, ColourRole.BUTTON_FORE), css("#open-chat", "color"), where);
                        assertFalse(chromium.findElement(By.id("window")).isDisplayed(), "the window waits for the button");
                    }
                    case ICON -> {
                        wait.until(ExpectedConditions.attributeToBe(By.id("icon-img"), "alt", "Chat with Ada Lovelace (Offline)"));
                        assertEquals(rgb(palette, ColourRole.BACK), css("body", "background-color"), where);
                        assertTrue(chromium.findElement(By.id("icon-img")).getAttribute("src").endsWith("/icons/presence/offline.svg"));
                        assertTrue(chromium.findElement(By.id("icon-link")).getAttribute("href").contains("view=window"), where);
                        assertTrue(chromium.findElements(By.id("window")).isEmpty());
                    }
                }
                if (theme == Theme.DEFAULT || view == ControlView.WINDOW) {
                    Chromium.screenshot(chromium, "imcontrol-" + view.parameter() + "-" + theme.parameter());
                }
            }
        }

        load("invitee=" + ada.cid() + "&useTheme=false&themeName=pink&headerBackColor=123456");
        wait.until(ExpectedConditions.textToBe(By.id("invitee-name"), "Ada Lovelace"));
        assertEquals("rgb(18, 52, 86)", css(".head", "background-color"));
        assertEquals(rgb(Palette.UNTHEMED, ColourRole.MENU_BACK), css(".bar", "background-color"));
        assertEquals(rgb(Palette.UNTHEMED, ColourRole.BUTTON_BACK), css("#nickname-ok", "background-color"));
    }

    @Test
    void theButtonOpensTheWindowInPlace() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        try (Socket client = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            client.next("welcome");
            load("invitee=" + ada.cid() + "&view=button&themeName=purple");
            wait.until(ExpectedConditions.textToBe(By.id("launcher-text"), "Chat with Ada Lovelace"));
            wait.until(ExpectedConditions.attributeToBe(By.id("launcher-icon"), "alt", "Online"));
            new Actions(chromium).sendKeys(Keys.TAB).perform();
            assertEquals("open-chat", activeId());
            new Actions(chromium).sendKeys(Keys.ENTER).perform();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("window")));
            assertFalse(chromium.findElement(By.id("launcher")).isDisplayed());
            wait.until(ExpectedConditions.textToBe(By.id("invitee-status"), "Online"));
            assertEquals(rgb(Theme.PURPLE.palette(), ColourRole.HEADER_BACK), css(".head", "background-color"));
        }
    }

    @Test
    void theIconOpensTheConversationInAWindowOfItsOwn() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        load("invitee=" + ada.cid() + "&view=icon&mkt=fr-FR&themeName=orange");
        wait.until(ExpectedConditions.attributeToBe(By.id("icon-img"), "alt", "Discuter avec Ada Lovelace (Hors ligne)"));
        String icon = chromium.getWindowHandle();
        new Actions(chromium).sendKeys(Keys.TAB).perform();
        assertEquals("icon-link", activeId());
        new Actions(chromium).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        chromium.switchTo().window(chromium.getWindowHandles().stream().filter(h -> !h.equals(icon)).findFirst().orElseThrow());
        wait.until(ExpectedConditions.textToBe(By.id("invitee-name"), "Ada Lovelace"));
        assertTrue(chromium.getCurrentUrl().contains("view=window"), chromium.getCurrentUrl());
        assertEquals("Envoyer", chromium.findElement(By.id("send")).getAttribute("textContent"));
        assertEquals(rgb(Theme.ORANGE.palette(), ColourRole.HEADER_BACK), css(".head", "background-color"));
    }

    @Test
    void aVisitorSignedInToParleyIsShownAsVerified() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        String bob = Accounts.newMember(base, "bob", "Bob Kahn", "a-good-password");
        chromium.get(base + "signin");
        chromium.findElement(By.id("signin:username")).sendKeys(bob);
        chromium.findElement(By.id("signin:password")).sendKeys("a-good-password", Keys.ENTER);
        wait.until(Chromium.headingShows("Your settings"));
        load("invitee=" + ada.cid());
        wait.until(ExpectedConditions.textToBe(By.id("visitor-name"), "Bob Kahn"));
        assertTrue(chromium.findElement(By.id("verified")).isDisplayed());
        assertEquals("You are Bob Kahn", chromium.findElement(By.id("visitor-text")).getText());
        assertFalse(chromium.findElement(By.id("nickname-form")).isDisplayed(), "a verified visitor picks no nickname");
    }

    @Test
    void invalidColoursChangeNothingAndNeverReachThePage() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        String query = "invitee=" + ada.cid() + "&headerBackColor=" + URLEncoder.encode(EVIL, StandardCharsets.UTF_8)
                + "&backColor=12345&chatBackColor=%23fff&linkColor=url(x)&menuBackColor=" + URLEncoder.encode("fff;}*{color:red",
                StandardCharsets.UTF_8);
        load(query);
        wait.until(ExpectedConditions.textToBe(By.id("invitee-name"), "Ada Lovelace"));
        Palette blue = Theme.DEFAULT.palette();
        assertEquals(rgb(blue, ColourRole.HEADER_BACK), css(".head", "background-color"));
        assertEquals(rgb(blue, ColourRole.BACK), css("body", "background-color"));
        assertEquals(rgb(blue, ColourRole.CHAT_BACK), css(".chat", "background-color"));
        assertEquals(rgb(blue, ColourRole.MENU_BACK), css(".bar", "background-color"));
        assertNull(((JavascriptExecutor) chromium).executeScript("return window.pwned;"));
        assertFalse(chromium.getPageSource().contains("<script>window.pwned"));

        HttpResponse<String> raw = get("conversation/imme?" + query);
        assertEquals(200, raw.statusCode());
        assertFalse(raw.body().contains("pwned") || raw.body().contains("url(x)") || raw.body().contains("color:red"),
                raw.body());
        String policy = raw.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
                && policy.contains("frame-ancestors 'self' ") && policy.contains("http://127.0.0.1:" + CONTROL_PAGE_PORT)
                && policy.contains("base-uri 'none'"), policy);
        String nonce = policy.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertTrue(raw.body().contains("<style nonce=\"" + nonce + "\">:root{"), "the palette carries the nonce");
        assertEquals("nosniff", raw.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", raw.headers().firstValue("Referrer-Policy").orElse(""));
        assertFalse(raw.headers().firstValue("X-Frame-Options").orElse("").equalsIgnoreCase("DENY"));
        assertTrue(raw.headers().allValues("Set-Cookie").isEmpty(), "no session, no cookie: " + raw.headers().map());
    }

    @Test
    void theLegacyAddressAnswersTheSameControl() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        chromium.get(base + "Conversation/IMMe.aspx?INVITEE=" + ada.cid() + "@intranet&ThemeName=green&MKT=de-DE");
        wait.until(ExpectedConditions.textToBe(By.id("invitee-name"), "Ada Lovelace"));
        wait.until(ExpectedConditions.textToBe(By.id("invitee-status"), "Offline"));
        assertEquals("de-DE", ((JavascriptExecutor) chromium).executeScript("return document.documentElement.lang;"));
        assertEquals("Senden", chromium.findElement(By.id("send")).getAttribute("textContent"));
        assertEquals(rgb(Theme.GREEN.palette(), ColourRole.HEADER_BACK), css(".head", "background-color"));
        HttpResponse<String> raw = get("Conversation/IMMe.aspx?invitee=" + ada.cid());
        assertEquals(200, raw.statusCode());
        assertTrue(raw.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors"));
        assertTrue(raw.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    void arabicAndHebrewLayOutRightToLeft() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        chromium.manage().window().setSize(new Dimension(360, 640));
        for (String mkt : List.of("ar-SA", "he-IL")) {
            load("invitee=" + ada.cid() + "&mkt=" + mkt);
            wait.until(ExpectedConditions.textToBe(By.id("invitee-name"), "Ada Lovelace"));
            Locale culture = Markets.resolve(mkt);
            String offline = Markets.bundle("Presence", culture).getString("status.Offline");
            wait.until(ExpectedConditions.textToBe(By.id("invitee-status"), offline));
            JavascriptExecutor js = (JavascriptExecutor) chromium;
            assertEquals("rtl", js.executeScript("return document.documentElement.dir;"), mkt);
            assertEquals(mkt, js.executeScript("return document.documentElement.lang;"));
            assertEquals("rtl", css("#messages", "direction"), mkt);
            assertEquals(offline, chromium.findElement(By.id("invitee-icon")).getAttribute("alt"));
            ResourceBundle words = Markets.bundle("Control", culture);
            String send = chromium.findElement(By.id("send")).getAttribute("textContent");
            assertEquals(words.getString("send"), send, mkt);
            Character.UnicodeScript script = mkt.startsWith("ar") ? Character.UnicodeScript.ARABIC : Character.UnicodeScript.HEBREW;
            assertTrue(send.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == script), send);
            // right to left: the header's icon stands right of the name
            Rectangle icon = chromium.findElement(By.id("invitee-icon")).getRect();
            Rectangle name = chromium.findElement(By.id("invitee-name")).getRect();
            assertTrue(icon.getX() > name.getX(), "icon " + icon.getX() + ", name " + name.getX());
            Chromium.screenshot(chromium, "imcontrol-window-" + mkt);
        }
    }

    @Test
    void aVisitorChatsWithTheKeyboardAlone() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        try (Socket client = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            client.next("welcome");
            chromium.manage().window().setSize(new Dimension(360, 640));
            load("invitee=" + ada.cid());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nickname")));
            Actions keys = new Actions(chromium);
            for (int i = 0; i < 10 && !"nickname".equals(activeId()); i++) {
                keys.sendKeys(Keys.TAB).perform();
            }
            assertEquals("nickname", activeId(), "Tab reaches the nickname");
            assertEquals("solid", ((JavascriptExecutor) chromium).executeScript(
                    "return getComputedStyle(document.activeElement).outlineStyle;"), "the focus is visible");
            keys.sendKeys("Kay").sendKeys(Keys.ENTER).perform();
            wait.until(ExpectedConditions.textToBe(By.id("visitor-name"), "Kay"));
            assertEquals("compose", activeId(), "the nickname taken, the message is next");
            keys.sendKeys("Typed, not clicked").sendKeys(Keys.ENTER).perform();

            JsonObject started = client.next("conversation.started").getJsonObject("conversation");
            assertEquals("Kay", started.getJsonObject("visitor").getString("name"));
            String conversation = started.getString("id");
            assertEquals("Typed, not clicked", client.next("message",
                    f -> conversation.equals(f.getString("conversation", null))).getString("text"));
            wait.until(ExpectedConditions.textToBe(
                    By.cssSelector("#messages li.message[data-seq][data-from=visitor] .state"), "sent"));
        }
    }

    /** Charles opens the control of the member with {@code cid} and gives his name. */
    private void charlesOpensTheControlOf(String cid) {
        load("invitee=" + cid);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nickname"))).sendKeys("Charles", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("visitor-name"), "Charles"));
    }

    @Test
    void theVisitorSeesEachMessageDeliveredAndThenRead() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        try (Socket client = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            client.next("welcome");
            charlesOpensTheControlOf(ada.cid());
            chromium.findElement(By.id("compose")).sendKeys("First", Keys.ENTER);
            chromium.findElement(By.id("compose")).sendKeys("Second", Keys.ENTER);
            String conversation = client.next("conversation.started").getJsonObject("conversation").getString("id");
            int first = client.next("message").getInt("seq");
            int second = client.next("message").getInt("seq");
            By firstState = By.cssSelector("#messages li.message[data-seq='" + first + "'] .state");
            By secondState = By.cssSelector("#messages li.message[data-seq='" + second + "'] .state");
            wait.until(ExpectedConditions.textToBe(secondState, "sent"));
            assertEquals("sent", chromium.findElement(firstState).getText(), "no client of Ada showed it yet");

            client.send(Socket.frame("received").add("conversation", conversation).add("seq", first));
            wait.until(ExpectedConditions.textToBe(firstState, "delivered"));
            client.send(Socket.frame("received").add("conversation", conversation).add("seq", second).add("read", true));
            wait.until(ExpectedConditions.textToBe(secondState, "read"));
            client.send(Socket.frame("received").add("conversation", conversation).add("seq", first).add("read", true));
            wait.until(ExpectedConditions.textToBe(firstState, "read"));

            chromium.navigate().refresh(); // resumed: the receipts are still shown
            wait.until(ExpectedConditions.textToBe(By.id("invitee-status"), "Online"));
            wait.until(ExpectedConditions.textToBe(firstState, "read"));
            assertEquals("read", chromium.findElement(secondState).getText());
        }
    }

    @Test
    void theMembersClientsHearThatTheVisitorReadTheirMessage() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        try (Socket client = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            client.next("welcome");
            charlesOpensTheControlOf(ada.cid());
            chromium.findElement(By.id("compose")).sendKeys("Hello", Keys.ENTER);
            String conversation = client.next("conversation.started").getJsonObject("conversation").getString("id");
            client.next("message");
            client.send(Socket.frame("message").add("id", "a1").add("conversation", conversation).add("text", "Hello Charles"));
            int answer = client.next("ack").getInt("seq");

            // the control is the page in front of the visitor: it confirms Ada's message as read
            var delivered = client.next("receipt");
            assertEquals(List.of(conversation, answer, "delivered"), List.of(delivered.getString("conversation"),
                    delivered.getInt("seq"), delivered.getString("state")));
            assertEquals("read", client.next("receipt").getString("state"));
        }
    }

    @Test
    void theStatusShowsWithin300MillisecondsOfLoading() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            load("invitee=" + ada.cid());
            wait.until(ExpectedConditions.textToBe(By.id("invitee-status"), "Offline"));
            Object at = ((JavascriptExecutor) chromium).executeScript(
                    "return performance.getEntriesByName('parley-status')[0].startTime;");
            best = Math.min(best, ((Number) at).doubleValue());
        }
        assertTrue(best < 300, "the status showed " + best + " ms after the navigation started");
    }

    @Test
    void aVisitorLeavesAMessageForAnOfflineMember() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        load("invitee=" + ada.cid());
        wait.until(ExpectedConditions.textToBe(By.id("notice"),
                "Ada Lovelace is offline. Leave a message: they get it when they are back."));
        WebElement compose = chromium.findElement(By.id("compose"));
        assertFalse(compose.isEnabled(), "the input waits for Leave a message");
        assertEquals(rgb(Theme.DEFAULT.palette(), ColourRole.CHAT_DISABLED), css("#compose", "background-color"));
        chromium.findElement(By.id("nickname")).sendKeys("Grace", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("visitor-name"), "Grace"));
        assertEquals("leave-message", activeId());
        chromium.findElement(By.id("leave-message")).click();
        assertTrue(compose.isEnabled());
        assertEquals("Leave a message", compose.getAttribute("placeholder"));
        compose.sendKeys("Call me back, please", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector("#messages li.message[data-seq][data-from=visitor] .state"), "saved for later"));

        try (Socket client = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            JsonArray offline = client.next("welcome").getJsonArray("offline");
            assertEquals("Call me back, please", offline.getJsonObject(offline.size() - 1).getString("text"));
        }
    }

    @Test
    void aMemberWhoTakesNoOfflineMessagesGetsNone() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        Map<String, String> noOfflineMessages = new HashMap<>();
        noOfflineMessages.put("offlineMessages", null);
        ada.browser().open("/settings");
        assertTrue(ada.browser().submit("settings", noOfflineMessages, "save").messages().contains("Your settings are saved."));
        load("invitee=" + ada.cid());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nickname"))).sendKeys("Grace", Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("leave-message"))).click();
        chromium.findElement(By.id("compose")).sendKeys("Anyone there?", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("notice"),
                "Ada Lovelace is offline and does not take messages right now."));
        assertFalse(chromium.findElement(By.id("compose")).isEnabled());
        assertFalse(chromium.findElement(By.id("leave-message")).isDisplayed());
        assertEquals("not sent", chromium.findElement(By.cssSelector("#messages li.message .state")).getText());
        assertEquals(rgb(Theme.DEFAULT.palette(), ColourRole.CHAT_DISABLED), css("#compose", "background-color"));
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolations() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        List<String> problems = new ArrayList<>();
        for (String query : List.of("invitee=" + ada.cid(), "invitee=" + ada.cid() + "&mkt=ar-SA",
                "invitee=" + ada.cid() + "&view=button", "invitee=" + ada.cid() + "&view=icon")) {
            load(query);
            wait.until(d -> "Offline".equals(d.findElement(By.id("control")).getAttribute("data-status")));
            problems.addAll(Axe.seriousViolations(chromium));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void createHtmlShowsSnippetsAndALivePreview() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        chromium.get(base + "signin");
        chromium.findElement(By.id("signin:username")).sendKeys(ada.username());
        chromium.findElement(By.id("signin:password")).sendKeys("a-good-password", Keys.ENTER);
        wait.until(Chromium.headingShows("Your settings"));
        chromium.findElement(By.id("create-html-link")).click();
        wait.until(Chromium.headingShows("Create HTML"));
        assertTrue(chromium.findElements(By.id("not-sharing")).isEmpty(), "Ada shares on the web");

        WebElement embed = chromium.findElement(By.id("embed-snippet"));
        String snippet = embed.getDomProperty("value");
        assertTrue(snippet.startsWith("<iframe src=\"" + base + "conversation/imme?invitee=" + ada.cid() + "@"), snippet);
        assertTrue(snippet.contains("width=\"300\" height=\"300\""), snippet);
        String icon = chromium.findElement(By.id("icon-snippet")).getDomProperty("value");
        assertTrue(icon.matches("<a href=\"[^\"]+/conversation/imme\\?invitee=" + ada.cid() + "@[^\"]*\" target=\"_blank\">"
                + "<img src=\"[^\"]+/users/" + ada.cid() + "@[^\"]+/presenceimage\" width=\"16\" height=\"16\" alt=\"Chat with Ada Lovelace\"></a>"),
                icon);

        chromium.findElement(By.cssSelector("label[for=view-button]")).click();
        new org.openqa.selenium.support.ui.Select(chromium.findElement(By.id("theme"))).selectByValue("green");
        chromium.findElement(By.tagName("summary")).click();
        chromium.findElement(By.id("colour-buttonForeColor")).sendKeys("fff");
        chromium.findElement(By.id("colour-buttonBackColor")).sendKeys("red;}");
        wait.until(d -> embed.getDomProperty("value").contains("themeName=green&amp;buttonForeColor=fff&amp;view=button"));
        assertFalse(embed.getDomProperty("value").contains("red"), "an invalid colour stays out");
        assertTrue(embed.getDomProperty("value").contains("width=\"260\" height=\"48\""));
        assertEquals("true", chromium.findElement(By.id("colour-buttonBackColor")).getAttribute("aria-invalid"));

        wait.until(d -> d.findElement(By.id("preview")).getAttribute("src").endsWith("view=button"));
        chromium.switchTo().frame("preview");
        wait.until(ExpectedConditions.textToBe(By.id("launcher-text"), "Chat with Ada Lovelace"));
        String green = rgb(Theme.GREEN.palette(), ColourRole.BUTTON_BACK);
        // the preview may load once more while the colour fields settle: each try finds the button anew
        new WebDriverWait(chromium, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> green.equals(css("#open-chat", "background-color"))
                        && "rgb(255, 255, 255)".equals(css("#open-chat", "color")));
        chromium.switchTo().defaultContent();
        ((JavascriptExecutor) chromium).executeScript("window.scrollTo(0, 0);");
        Chromium.screenshot(chromium, "create-html");

        // without web sharing, the member is told that visitors will see "not found"
        Map<String, String> notSharing = new HashMap<>();
        notSharing.put("webSharing", null);
        ada.browser().open("/settings");
        ada.browser().submit("settings", notSharing, "save");
        chromium.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-sharing")));
        assertTrue(chromium.findElement(By.id("not-sharing")).getText().contains("\"not found\""));
    }

    private void load(String query) {
        chromium.get(base + "conversation/imme?" + query);
    }

    /** The computed value of a CSS property, as getComputedStyle gives it. */
    private String css(String selector, String property) {
        return (String) ((JavascriptExecutor) chromium).executeScript(
                "return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);",
                chromium.findElement(By.cssSelector(selector)), property);
    }

    private String activeId() {
        return chromium.switchTo().activeElement().getAttribute("id");
    }

    /** The element lies wholly within the 300×300 frame it is shown in. */
    private void assertInside300By300(String id) {
        Rectangle box = chromium.findElement(By.id(id)).getRect();
        assertTrue(box.getX() >= 0 && box.getY() >= 0 && box.getX() + box.getWidth() <= 300
                && box.getY() + box.getHeight() <= 300, id + " at " + box.getX() + "," + box.getY() + " "
                + box.getWidth() + "×" + box.getHeight());
    }

    /** A palette colour as getComputedStyle writes it: {@code rgb(10, 74, 143)}. */
    private static String rgb(Palette palette, ColourRole role) {
        String hex = palette.colour(role);
        if (hex.length() == 3) {
            hex = hex.replaceAll("(.)", "$1$1");
        }
        return "rgb(" + Integer.parseInt(hex.substring(0, 2), 16) + ", " + Integer.parseInt(hex.substring(2, 4), 16)
                + ", " + Integer.parseInt(hex.substring(4, 6), 16) + ")";
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
