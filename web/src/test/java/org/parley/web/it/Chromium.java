package org.parley.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;

/** Debian's headless Chromium, driven by its chromedriver; nothing is downloaded. */
public final class Chromium {

    private Chromium() {
    }

    public static WebDriver start() {
        return start("en-US");
    }

    /** A Chromium whose pages ask for {@code languages} ({@code Accept-Language}, e.g. {@code "ar"}, {@code "de-DE,de"}). */
    public static WebDriver start(String languages) {
        return start(languages, java.util.Map.of());
    }

    /**
     * A Chromium asking for {@code languages}, with preferences of its own such as
     * {@code download.default_directory} (where downloads go, without asking).
     */
    public static WebDriver start(String languages, java.util.Map<String, Object> preferences) {
        String binary = System.getProperty("parley.chromium", "/usr/bin/chromium");
        String driver = System.getProperty("parley.chromedriver", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(binary)) || !Files.isExecutable(Path.of(driver))) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver): " + binary + ", " + driver);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=" + languages.split(",")[0]);
        java.util.Map<String, Object> prefs = new java.util.HashMap<>(preferences);
        prefs.put("intl.accept_languages", languages);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    /**
     * Until the page has no PrimeFaces ajax request queued or under way: what a click sent has come back and is
     * drawn. Wait for it after a click whose answer may leave the page as it was (a sort to the order already shown,
     * a refusal whose message is already there), where waiting for the page to show it proves nothing.
     */
    public static ExpectedCondition<Boolean> ajaxDone() {
        return driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return !window.PrimeFaces || (PrimeFaces.ajax.Queue.isEmpty() && (!window.jQuery || jQuery.active === 0));"));
    }

    /**
     * Until the page's heading ({@code h1}) shows {@code text}. A navigation under way is waited out: while the page
     * before is being replaced, reading its heading can fail in Chromium (a stale element, or "Node with given id does
     * not belong to the document", which Selenium gives as a bare {@link WebDriverException}); that is no answer yet.
     */
    public static ExpectedCondition<Boolean> headingShows(String text) {
        return driver -> {
            try {
                return driver.findElements(By.tagName("h1")).stream().anyMatch(heading -> heading.getText().contains(text));
            } catch (WebDriverException navigating) {
                return false;
            }
        };
    }

    /**
     * Until the first element {@code locator} finds shows {@code text}, found again at each try. As for {@link
     * #headingShows}, a page being replaced (the answer to a form) can make reading it fail in Chromium ("Node with given
     * id does not belong to the document", which Selenium's own condition does not take for a stale element); that is no
     * answer yet.
     */
    public static ExpectedCondition<Boolean> textShows(By locator, String text) {
        return driver -> {
            try {
                return driver.findElements(locator).stream().findFirst().map(element -> element.getText().contains(text))
                        .orElse(false);
            } catch (WebDriverException navigating) {
                return false;
            }
        };
    }

    /** Fills the sign-in form on the page shown and sends it (Enter in the password field, as a person would). */
    public static void submitSignIn(WebDriver driver, String username, String password) {
        driver.findElement(By.id("signin:username")).sendKeys(username);
        driver.findElement(By.id("signin:password")).sendKeys(password, Keys.ENTER);
    }

    /** Keeps a screenshot as test output in target/screenshots. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path folder = Path.of("target", "screenshots");
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
