package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A visitor and a member talk in two headless Chromiums: the visitor on the plain IM control
 * page, the member in the web console. What the visitor types stays text on the member's page.
 */
class ConversationBrowserIT extends ParleyDeployment {

    private static final String PASSWORD = "first-compiler";
    private static final String NICKNAME = "Visitor <script>";
    private static final String MARKUP = "<img src=x onerror=alert(1)>hello";

    private WebDriver member;
    private WebDriver visitor;

    @BeforeEach
    void openBrowsers() {
        member = Chromium.start();
        visitor = Chromium.start();
    }

    @AfterEach
    void closeBrowsers() {
        if (member != null) {
            member.quit();
        }
        if (visitor != null) {
            visitor.quit();
        }
    }

    @Test
    void visitorCannotInjectMarkupIntoTheMembersConsole() {
        String username = Accounts.newMember(base, "grace", "Grace Hopper", PASSWORD);
        String cid = shareOnTheWeb(username);
        WebDriverWait memberWait = new WebDriverWait(member, Duration.ofSeconds(20));
        WebDriverWait visitorWait = new WebDriverWait(visitor, Duration.ofSeconds(20));

        member.get(base + "signin");
        member.findElement(By.id("signin:username")).sendKeys(username);
        member.findElement(By.id("signin:password")).sendKeys(PASSWORD, Keys.ENTER);
        memberWait.until(Chromium.headingShows("Your settings"));
        member.get(base + "console");
        memberWait.until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));

        visitor.manage().window().setSize(new Dimension(360, 640));
        visitor.get(base + "conversation/imme?invitee=" + cid);
        visitorWait.until(ExpectedConditions.textToBe(By.id("invitee-name"), "Grace Hopper"));
        visitorWait.until(ExpectedConditions.textToBe(By.id("invitee-status"), "Online"));
        visitorWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nickname"))).sendKeys(NICKNAME);
        visitor.findElement(By.id("nickname-ok")).click();
        visitorWait.until(ExpectedConditions.textToBe(By.id("visitor-name"), NICKNAME));
        visitor.findElement(By.id("compose")).sendKeys(MARKUP, Keys.ENTER);
        // the console shows the new conversation at once, in a visible tab: the visitor sees the message read
        visitorWait.until(ExpectedConditions.textToBe(
                By.cssSelector("#messages li.message[data-seq][data-from=visitor] .state"), "read"));

        By conversation = By.cssSelector("#conversations li[data-conversation]");
        memberWait.until(ExpectedConditions.numberOfElementsToBe(conversation, 1));
        WebElement item = member.findElement(conversation);
        assertEquals(NICKNAME, item.findElement(By.className("visitor-name")).getText());
        assertTrue(item.findElements(By.className("verified")).isEmpty(), "an anonymous visitor is not verified");
        item.findElement(By.tagName("button")).click();
        By visitorsMessage = By.cssSelector("#messages li.message[data-from=visitor] .text");
        memberWait.until(ExpectedConditions.textToBe(visitorsMessage, MARKUP));
        assertTrue(member.findElements(By.cssSelector("#messages img")).isEmpty(), "the markup stayed text");
        assertTrue(member.findElements(By.cssSelector("#conversations script")).isEmpty(), "the nickname stayed text");

        member.findElement(By.id("compose")).sendKeys("Hi there");
        visitorWait.until(ExpectedConditions.textToBe(By.id("typing"), "Grace Hopper is typing…"));
        member.findElement(By.id("compose")).sendKeys(Keys.ENTER);
        memberWait.until(ExpectedConditions.textToBe(
                By.cssSelector("#messages li.message[data-seq][data-from=member] .state"), "sent"));
        visitorWait.until(ExpectedConditions.textToBe(
                By.cssSelector("#messages li.message[data-from=invitee] .text"), "Hi there"));
        visitorWait.until(ExpectedConditions.textToBe(By.id("typing"), ""));

        visitor.findElement(By.id("compose")).sendKeys("Thanks");
        memberWait.until(ExpectedConditions.textToBe(By.id("typing"), NICKNAME + " is typing…"));

        Chromium.screenshot(member, "console-conversation");
        Chromium.screenshot(visitor, "imme-conversation");
        assertTrue(visitor.findElements(By.cssSelector("#messages img")).isEmpty(), "the visitor's page shows text too");
    }

    @Test
    void aColleagueWhoTookTheMembersNameIsShownInTheConsoleUnderTheirOwnUsername() {
        String username = Accounts.newMember(base, "ada", "Ada Lovelace", PASSWORD);
        String cid = shareOnTheWeb(username);
        String impostor = Accounts.newMember(base, "mallory", "Mallory", PASSWORD);
        WebDriverWait memberWait = new WebDriverWait(member, Duration.ofSeconds(20));
        WebDriverWait visitorWait = new WebDriverWait(visitor, Duration.ofSeconds(20));

        signIn(member, memberWait, username);
        member.get(base + "console");
        memberWait.until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));

        // the colleague signs in, renames themselves after the member, and opens the member's control
        signIn(visitor, visitorWait, impostor);
        WebElement displayName = visitor.findElement(By.id("settings:displayName"));
        displayName.clear();
        displayName.sendKeys("Ada Lovelace", Keys.ENTER);
        visitorWait.until(Chromium.textShows(By.tagName("body"), "Your settings are saved."));
        visitor.get(base + "conversation/imme?invitee=" + cid);
        visitorWait.until(ExpectedConditions.textToBe(By.id("invitee-name"), "Ada Lovelace"));
        visitorWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compose"))).sendKeys("It is me, Ada", Keys.ENTER);

        By conversation = By.cssSelector("#conversations li[data-conversation]");
        memberWait.until(ExpectedConditions.numberOfElementsToBe(conversation, 1));
        WebElement item = member.findElement(conversation);
        assertEquals("Ada Lovelace", item.findElement(By.className("visitor-name")).getText());
        assertEquals("verified · " + impostor, item.findElement(By.className("verified")).getText(),
                "the console names the colleague by the username only they have");
        item.findElement(By.tagName("button")).click();
        memberWait.until(ExpectedConditions.textToBe(By.cssSelector("#messages li.message[data-from=visitor] .text"),
                "It is me, Ada"));
        Chromium.screenshot(member, "console-verified-visitor");
    }

    private void signIn(WebDriver browser, WebDriverWait wait, String username) {
        browser.get(base + "signin");
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(Chromium.headingShows("Your settings"));
    }

    /** Turns web sharing on through the settings page, as the member would; answers their CID. */
    private String shareOnTheWeb(String username) {
        Browser browser = new Browser(base);
        browser.signIn(username, PASSWORD);
        browser.open("/settings");
        Browser.Page saved = browser.submit("settings", Map.of("webSharing", "on"), "save");
        assertTrue(saved.messages().contains("Your settings are saved."), saved.messages());
        return browser.open("/settings").value("#cid");
    }
}
