package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An intranet directory page that includes /embed/presence.js shows live status badges with a chat link. */
class DirectoryPresenceBrowserIT extends ParleyDeployment {

    private WebDriver chromium;

    @BeforeEach
    void open() {
        chromium = Chromium.start();
    }

    @AfterEach
    void quit() {
        chromium.quit();
    }

    @Test
    void aDirectoryPageShowsLiveStatusAndAChatLink() {
        var ada = Accounts.sharingMember(base, "ada", "Ada Lovelace");
        String hidden = new Browser(base).signIn(Accounts.newMember(base, "hidden", "Hidden", "a-good-password"),
                "a-good-password").value("#cid");
        String html = "<!DOCTYPE html><html lang=\"en\"><head><title>Directory</title>"
                + "<script src=\"" + base + "embed/presence.js\" defer></script></head><body><ul>"
                + "<li><a id=\"ada\" data-parley-cid=\"" + ada.cid() + "@intranet\">Ada Lovelace</a></li>"
                + "<li><a id=\"hidden\" data-parley-cid=\"" + hidden + "\">Hidden</a></li>"
                + "</ul></body></html>";
        try (TestPage page = TestPage.serve(DIRECTORY_PAGE_PORT, html);
             Socket console = Socket.open(URI.create(base.toString()), "/ws/client", ada.browser())) {
            console.next("welcome");
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(15));
            chromium.get(page.url());

            By badge = By.cssSelector("#ada .parley-presence");
            wait.until(ExpectedConditions.attributeToBe(badge, "data-status", "Online"));
            WebElement ada1 = chromium.findElement(By.id("ada"));
            assertTrue(ada1.getAttribute("href").contains("/conversation/imme?invitee=" + ada.cid()), ada1.getAttribute("href"));
            assertTrue(chromium.findElement(By.cssSelector("#ada .parley-presence img")).getAttribute("src")
                    .endsWith("/icons/presence/online.svg"));

            console.send(Socket.frame("presence").add("status", "Busy"));
            long start = System.nanoTime();
            new WebDriverWait(chromium, Duration.ofSeconds(3)).pollingEvery(Duration.ofMillis(20))
                    .until(ExpectedConditions.attributeToBe(badge, "data-status", "Busy"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1000, "the change shows within 1 s: " + millis + " ms");
            assertEquals("Busy", chromium.findElement(By.cssSelector("#ada .parley-presence-text")).getText());

            assertEquals("unknown", chromium.findElement(By.cssSelector("#hidden .parley-presence"))
                    .getAttribute("data-status"), "a member who does not share shows nothing");
            Chromium.screenshot(chromium, "directory-presence");
        }
    }
}
