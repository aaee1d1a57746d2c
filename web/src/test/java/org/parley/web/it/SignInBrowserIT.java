package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A member signs in through the real page in headless Chromium and sees their settings. */
class SignInBrowserIT extends ParleyDeployment {

    private WebDriver chromium;

    @BeforeEach
    void openBrowser() {
        chromium = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        chromium.quit();
    }

    @Test
    void memberSignsInThroughThePageAndSeesTheirSettings() {
        String username = Accounts.newMember(base, "katherine", "Katherine Johnson", "orbital-mechanics");
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));

        chromium.get(base + "settings");
        wait.until(ExpectedConditions.urlContains("/signin"));
        assertEquals("Sign in · Parley", chromium.getTitle());
        chromium.findElement(By.id("signin:username")).sendKeys(username);
        chromium.findElement(By.id("signin:password")).sendKeys("orbital-mechanics", Keys.ENTER);

        wait.until(Chromium.headingShows("Your settings"));
        Chromium.screenshot(chromium, "settings-after-sign-in");
        assertTrue(chromium.getCurrentUrl().endsWith("/settings"), chromium.getCurrentUrl());
        assertEquals(username, chromium.findElement(By.id("username")).getText());
        assertEquals("Katherine Johnson", chromium.findElement(By.id("settings:displayName")).getAttribute("value"));
        assertTrue(chromium.findElement(By.id("settings:webSharing")).isDisplayed());
    }

    @Test
    void aWrongPasswordIsExplainedOnThePage() {
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));
        chromium.get(base + "signin");
        chromium.findElement(By.id("signin:username")).sendKeys("admin");
        chromium.findElement(By.id("signin:password")).sendKeys("not-the-password");
        chromium.findElement(By.id("signin:submit")).click();

        wait.until(Chromium.textShows(By.id("messages"), "Wrong username or password."));
        Chromium.screenshot(chromium, "sign-in-wrong-password");
    }
}
