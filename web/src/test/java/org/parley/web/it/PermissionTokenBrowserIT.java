package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A member acquires a permission token for Parley's own pages through the consent page, in
 * headless Chromium, turns on the chat control of their public profile, and a visitor who is not
 * signed in finds it there.
 */
class PermissionTokenBrowserIT extends ParleyDeployment {

    private static final String PASSWORD = "hidden-figures";

    private WebDriver member;
    private WebDriver visitor;

    @BeforeEach
    void openBrowser() {
        member = Chromium.start();
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
    void profileChatNeedsAPermissionTokenAndThenShowsOnThePublicProfile() {
        String username = Accounts.newMember(base, "mary", "Mary Jackson", PASSWORD);
        WebDriverWait wait = new WebDriverWait(member, Duration.ofSeconds(20));

        member.get(base + "signin");
        member.findElement(By.id("signin:username")).sendKeys(username);
        member.findElement(By.id("signin:password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(Chromium.headingShows("Your settings"));
        member.get(base + "settings");
        wait.until(Chromium.headingShows("Your settings"));
        String cid = member.findElement(By.id("cid")).getText();
        assertFalse(member.findElement(By.id("settings:profileChat")).isEnabled(),
                "without a permission token the profile chat cannot be switched on");
        assertEquals("You hold no valid permission token.", member.findElement(By.id("token-state")).getText());
        Chromium.screenshot(member, "permission-token-none");

        WebElement acquire = member.findElement(By.id("token:acquire"));
        assertEquals("Acquire a permission token", acquire.getAttribute("value"));
        acquire.click();
        wait.until(ExpectedConditions.urlContains("/oauth/authorize"));
        wait.until(Chromium.textShows(By.id("site"), "Parley directory"));
        List<String> scopes = member.findElements(By.cssSelector("#scopes li")).stream().map(WebElement::getText).toList();
        assertEquals(List.of(
                "See when you are online, even while you do not share your presence on the intranet web",
                "Show you as a verified visitor when you chat from its pages"), scopes);
        assertEquals("Mary Jackson", member.findElement(By.id("member")).getText());
        Chromium.screenshot(member, "permission-token-consent");

        member.findElement(By.id("authorize:approve")).click();
        wait.until(Chromium.textShows(By.id("messages"), "Permission token acquired"));
        assertTrue(member.getCurrentUrl().endsWith("/settings"), member.getCurrentUrl());
        assertTrue(member.findElement(By.id("token-state")).getText().startsWith("You hold a valid permission token"),
                member.findElement(By.id("token-state")).getText());
        assertEquals("Refresh the permission token", member.findElement(By.id("token:acquire")).getAttribute("value"));
        WebElement profileChat = member.findElement(By.id("settings:profileChat"));
        assertTrue(profileChat.isEnabled(), "with a permission token the profile chat can be switched on");
        Chromium.screenshot(member, "permission-token-acquired");

        profileChat.click();
        member.findElement(By.id("settings:save")).click();
        wait.until(Chromium.textShows(By.id("messages"), "Your settings are saved."));
        assertTrue(member.findElement(By.id("settings:profileChat")).isSelected(), "the profile chat stays on");
        List<String> sites = member.findElements(By.cssSelector("table#sites tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Parley directory"), sites);
        assertEquals(1, member.findElements(By.cssSelector("table#sites [id$=':revoke']")).size(),
                "the active consent can be revoked");
        Chromium.screenshot(member, "permission-token-profile-chat-on");

        visitor = Chromium.start();
        WebDriverWait visitorWait = new WebDriverWait(visitor, Duration.ofSeconds(20));
        visitor.get(base + "people/" + username);
        visitorWait.until(ExpectedConditions.textToBe(By.id("name"), "Mary Jackson"));
        WebElement chat = visitorWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe#chat")));
        assertTrue(chat.getAttribute("src").contains(cid), chat.getAttribute("src"));
        assertEquals("Chat with Mary Jackson", chat.getAttribute("title"));
        Chromium.screenshot(visitor, "public-profile-with-chat");
    }
}
