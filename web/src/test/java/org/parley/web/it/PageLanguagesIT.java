package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page in the visitor's or member's language: the consent, invitation and device pages
 * follow {@code mkt}; the others the member's choice, else the browser's {@code Accept-Language};
 * German and the right-to-left Arabic are complete, and axe-core finds nothing serious in either
 * direction.
 */
class PageLanguagesIT extends ParleyDeployment {

    private static final String PASSWORD = "a-good-password";

    @Test
    void aBrowserAskingForGermanOrArabicGetsItsLanguageAndArabicReadsRightToLeft() {
        Browser german = new Browser(base, Map.of("Accept-Language", "de-CH, de;q=0.9, en;q=0.5"));
        Browser.Page signIn = german.open("/signin");
        assertEquals("Bei Parley anmelden", signIn.value("h1"));
        assertEquals("de-DE", signIn.document().selectFirst("html").attr("lang"));
        assertEquals("ltr", signIn.document().selectFirst("html").attr("dir"));
        Browser.Page wrong = german.submit("signin", Map.of("username", "nobody-here", "password", "not-this-one"), "submit");
        assertEquals("Benutzername oder Passwort ist falsch.", wrong.messages());
        Browser.Page blank = german.submit("signin", Map.of("username", "   ", "password", "x"), "submit");
        assertTrue(blank.text().contains("Geben Sie Ihren Benutzernamen ein."), "a validation message in German: " + blank.text());

        Browser arabic = new Browser(base, Map.of("Accept-Language", "ar-EG"));
        Browser.Page arabicSignIn = arabic.open("/signin");
        assertEquals("rtl", arabicSignIn.document().selectFirst("html").attr("dir"));
        assertEquals("ar-SA", arabicSignIn.document().selectFirst("html").attr("lang"));
        assertEquals("تسجيل الدخول إلى Parley", arabicSignIn.value("h1"));

        Browser.Page unknown = new Browser(base, Map.of("Accept-Language", "nl-NL, sv;q=0.5")).open("/no-such-page");
        assertEquals(404, unknown.status());
        assertEquals("Not found", unknown.value("h1"), "a language Parley does not speak: English");
    }

    @Test
    void mktChoosesTheLanguageOfTheDeviceInvitationAndConsentPagesAndOfTheSignInBeforeThem() {
        String username = Accounts.newMember(base, "mkt", "Market Member", PASSWORD);
        Browser member = new Browser(base, Map.of("Accept-Language", "en-US"));

        Browser.Page signInFirst = member.open("/device?mkt=de-AT");
        assertEquals("/signin", signInFirst.path());
        assertEquals("Bei Parley anmelden", signInFirst.value("h1"), "the sign-in on the way speaks the page's language");
        Browser.Page device = member.submit("signin", Map.of("username", username, "password", PASSWORD), "submit");
        assertEquals("/device", device.path());
        assertEquals("Den Parley-Desktop-Client verbinden", device.value("h1"));
        Browser.Page unknownCode = member.submit("lookup", Map.of("code", "BCDF-GHJK"), "continue");
        assertEquals("Dieser Code ist unbekannt oder abgelaufen.", unknownCode.messages(), "a form keeps its page's mkt");
        assertEquals("Den Parley-Desktop-Client verbinden", unknownCode.value("h1"));

        String invitation = "/applications/websignup?returnurl=" + encode("https://elsewhere.example/back")
                + "&privacyurl=" + encode("https://elsewhere.example/privacy") + "&mkt=ar-SA";
        Browser.Page refused = member.open(invitation);
        assertEquals("rtl", refused.document().selectFirst("html").attr("dir"));
        assertEquals("لا يستطيع Parley متابعة هذه الدعوة", refused.value("h1"));

        Browser.Page consent = member.open("/oauth/authorize?client_id=no-such-site&response_type=code&mkt=de-DE");
        assertEquals("Parley kann diese Anfrage nicht fortsetzen", consent.value("h1"));
        assertEquals("Your settings", member.open("/settings").value("h1"), "without mkt: the browser's language");
    }

    @Test
    void theLanguageAMemberChoseWinsOverTheirBrowserInEverySession() {
        String username = Accounts.newMember(base, "sprache", "Sprach Mitglied", PASSWORD);
        Browser member = new Browser(base, Map.of("Accept-Language", "en-US"));
        member.signIn(username, PASSWORD);
        Browser.Page saved = member.submit("settings", Map.of("language", "de-DE"), "save");
        assertEquals("Ihre Einstellungen sind gespeichert.", saved.messages(), "the answer is already in German");
        assertEquals("Ihre Einstellungen", member.open("/settings").value("h1"));
        assertEquals("de-DE", member.page().document().selectFirst("#settings\\:language option[selected]").val());
        // the themes of the IM control are words of the page too (found by attacking from outside: they were English)
        assertEquals(List.of("blau", "grün", "orange", "rosa", "violett", "grau", "keines (nur die Farben unten)"),
                member.open("/settings/create-html").document().select("#theme option").eachText());
        member.open("/settings");

        Browser elsewhere = new Browser(base, Map.of("Accept-Language", "en-US"));
        assertEquals("Ihre Einstellungen", elsewhere.signIn(username, PASSWORD).value("h1"), "kept with the account");

        Browser.Page hostile = member.submit("settings", Map.of("language", "x\u202Eevil"), "save");
        assertEquals(200, hostile.status());
        assertEquals("Ihre Einstellungen", hostile.value("h1"), "a language not offered is refused on the page");

        Browser.Page back = member.submit("settings", Map.of("language", ""), "save");
        assertEquals("Your settings are saved.", back.messages(), "the browser's language again");
    }

    @Test
    void axeFindsNothingSeriousOnTheMembersPagesInEnglishAndInArabic() {
        String username = Accounts.newMember(base, "axe", "Axe Member", PASSWORD);
        List<String> problems = new ArrayList<>();
        for (String language : List.of("en-US", "ar")) {
            WebDriver chromium = Chromium.start(language);
            try {
                chromium.get(base + "signin");
                problems.addAll(Axe.seriousViolations(chromium));
                assertEquals(language.equals("ar") ? "rtl" : "ltr",
                        chromium.findElement(By.tagName("html")).getAttribute("dir"));
                chromium.findElement(By.id("signin:username")).sendKeys(username);
                chromium.findElement(By.id("signin:password")).sendKeys(PASSWORD);
                chromium.findElement(By.id("signin:submit")).click();
                for (String page : List.of("", "settings", "settings/password", "settings/create-html", "device", "console",
                        "privacy", "no-such-page", "device?user_code=XXXX-XXXX")) {
                    chromium.get(base + page);
                    problems.addAll(Axe.seriousViolations(chromium));
                }
            } finally {
                chromium.quit();
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aMemberSignsInAndSavesTheirSettingsWithTheKeyboardAlone() {
        String username = Accounts.newMember(base, "keys", "Keyboard Member", PASSWORD);
        WebDriver chromium = Chromium.start("en-US");
        try {
            chromium.get(base + "signin");
            Actions keys = new Actions(chromium);
            keys.sendKeys(Keys.TAB).perform();
            assertEquals("Skip to content", chromium.switchTo().activeElement().getText(), "the first stop skips to the page");
            tabTo(chromium, "signin:username");
            keys.sendKeys(username).sendKeys(Keys.TAB).sendKeys(PASSWORD).sendKeys(Keys.ENTER).perform();
            new WebDriverWait(chromium, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/settings"));
            assertEquals("page", chromium.findElement(By.cssSelector("header nav a[href$='/settings']")).getAttribute("aria-current"));

            tabTo(chromium, "settings:personalMessage");
            keys.sendKeys("Typed without a mouse").perform();
            tabTo(chromium, "settings:save");
            keys.sendKeys(Keys.ENTER).perform();
            new WebDriverWait(chromium, Duration.ofSeconds(15))
                    .until(Chromium.textShows(By.id("messages"), "Your settings are saved."));
            assertEquals("Typed without a mouse",
                    chromium.findElement(By.id("settings:personalMessage")).getAttribute("value"));
        } finally {
            chromium.quit();
        }
    }

    /** Presses Tab until the element with {@code id} has the focus (at most 40 times). */
    private static void tabTo(WebDriver chromium, String id) {
        for (int i = 0; i < 40; i++) {
            if (id.equals(chromium.switchTo().activeElement().getAttribute("id"))) {
                return;
            }
            new Actions(chromium).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reaches " + id + " on " + chromium.getCurrentUrl());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
