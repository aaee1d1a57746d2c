package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A member's session ends when it goes unused for {@code parley.sessions.member-lifetime} (here 6 s instead of 30 min);
 * a socket it opened counts as in use until it closes, so an open web console keeps its session. When the session ends
 * the console says so instead of reconnecting for ever ({@code GET /session}).
 */
@ExtendWith(ArquillianExtension.class)
class SessionLifetimeBrowserIT {

    private static final Duration LIFETIME = Duration.ofSeconds(6);
    /** Payara looks for sessions past their lifetime every 10 s (payara-web.xml); a few seconds more for a slow machine. */
    private static final Duration ENDED_WITHIN = LIFETIME.plusSeconds(10 + 8);
    private static final String PASSWORD = "a-good-password";
    private static final String ENDED = "Your session has ended: sign in again.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.parley(Map.of("parley.sessions.member-lifetime", "PT" + LIFETIME.toSeconds() + "S"));
    }

    @ArquillianResource
    URL deployed;

    URL base;
    private WebDriver member;

    @BeforeEach
    void onLoopback() {
        base = Deployments.onLoopback(deployed);
    }

    @AfterEach
    void closeBrowser() {
        if (member != null) {
            member.quit();
        }
    }

    @Test
    void anOpenConsoleKeepsItsSession() {
        var ada = Accounts.sharingMember(base, "kept", "Ada Kept Alive");
        WebDriverWait wait = openConsole(ada.username());

        // the session's lifetime and Payara's look for ended sessions pass, with no page loaded meanwhile:
        // the console stays connected all along
        watchConnection();
        letTimePass(ENDED_WITHIN, "what is looked for is that nothing happens to the console meanwhile");
        assertEquals(List.of(), connectionChanges(), "the console stayed connected");

        // its socket still speaks for the member: a visitor's conversation shows up
        try (Socket visitor = Socket.open(URI.create(base.toString()), "/ws/control?invitee=" + ada.cid(), null)) {
            visitor.next("hello");
            visitor.send(Socket.frame("identify").add("name", "Vera"));
            visitor.send(Socket.frame("message").add("id", "m1").add("text", "Still there?"));
            visitor.ack("m1");
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#conversations li[data-conversation]"), 1));
        }
        // and so does the session: a member's page opens without signing in again
        member.get(base + "settings");
        wait.until(Chromium.headingShows("Your settings"));
    }

    @Test
    void theConsoleSaysWhenItsSessionHasEndedAndSignsInAgainFromThere() {
        var grace = Accounts.sharingMember(base, "ended", "Grace Signed Out");
        WebDriverWait wait = openConsole(grace.username());
        String console = member.getWindowHandle();

        // the member signs out in another tab of the same browser
        member.switchTo().newWindow(WindowType.TAB);
        member.get(base + "settings");
        wait.until(Chromium.headingShows("Your settings"));
        member.findElement(By.id("signout:signOut")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));

        member.switchTo().window(console);
        By connection = By.id("connection");
        wait.until(ExpectedConditions.attributeToBe(connection, "data-state", "signed-out"));
        assertEquals("You are signed out, so this console no longer answers visitors. Sign in again",
                member.findElement(connection).getText());
        assertEquals("Your session has ended: sign in again.", member.findElement(By.id("console-notice")).getText(),
                "the socket said why it closed");
        // it does not try again: past the first three backoffs (1 s, 2 s, 4 s), still signed out
        watchConnection();
        letTimePass(Duration.ofSeconds(8), "what is looked for is that the console does not reconnect meanwhile");
        assertEquals(List.of(), connectionChanges(), "the console stays signed out");
        member.findElement(By.linkText("Sign in again")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
        Chromium.submitSignIn(member, grace.username(), PASSWORD);
        wait.until(ExpectedConditions.urlMatches(".*/console$"));
        wait.until(ExpectedConditions.textToBe(connection, "Connected"));
    }

    @Test
    void aSessionWithAnOpenSocketLastsAndEndsUnusedOnceItsSocketsClose() {
        var host = Accounts.sharingMember(base, "host", "Host Member");
        var lin = Accounts.sharingMember(base, "unused", "Lin Unused");
        URI uri = URI.create(base.toString());
        Browser browser = lin.browser();
        try (Socket console = Socket.open(uri, "/ws/client", browser)) {
            console.next("welcome");
            try (Socket visitor = Socket.open(uri, "/ws/control?invitee=" + host.cid(), browser)) {
                assertTrue(visitor.next("hello").getJsonObject("visitor").getBoolean("verified"), "verified by the session");
            }
            letTimePass(ENDED_WITHIN, "the session would have ended meanwhile, were it not for its open console");
            console.send(Socket.frame("presence").add("id", "p1").add("status", "Busy"));
            assertEquals("ack", console.answer("p1").getString("type"), "the console still speaks for the member");
            assertEquals(204, status(browser, Map.of()).statusCode(), "the session still speaks for the member");
        }
        letTimePass(ENDED_WITHIN, "with no socket and no request, the session ends meanwhile");
        assertEnded(status(browser, Map.of()));
        assertEquals("/signin", browser.open("/settings").path(), "a member's page asks to sign in again");
    }

    @Test
    void onlyParleysOwnPagesLearnWhetherTheirSessionSpeaksForAMember() {
        var ada = Accounts.sharingMember(base, "alive", "Ada Alive");
        Browser browser = ada.browser();
        String own = Socket.origin(URI.create(base.toString()));

        HttpResponse<String> lives = status(browser, Map.of("Origin", own));
        assertEquals(204, lives.statusCode(), lives.body());
        assertEquals("", lives.body());
        assertEquals("no-store", lives.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(204, status(browser, Map.of()).statusCode(), "without an Origin (a same-origin GET sends none)");
        assertEquals(204, status(browser, Map.of("Sec-Fetch-Site", "same-origin")).statusCode());

        for (String foreign : List.of("http://intranet.test", "http://evil.test", "null", own.replace("http:", "ftp:"))) {
            assertForeign(status(browser, Map.of("Origin", foreign)), foreign);
        }
        // what a <script> or <img> of another page of the same site sends (the Lax cookie comes along): no header of its own
        HttpResponse<String> probed = browser.raw(HttpRequest.newBuilder(browser.base().resolve("session")).GET()
                .header("Sec-Fetch-Site", "same-site").header("Sec-Fetch-Mode", "no-cors").header("Sec-Fetch-Dest", "script")
                .build());
        assertForeign(probed, "a script tag of the same site");
        HttpResponse<String> noHeader = browser.raw(HttpRequest.newBuilder(browser.base().resolve("session")).GET().build());
        assertForeign(noHeader, "no X-Requested-With");
        assertForeign(status(browser, Map.of("Sec-Fetch-Site", "cross-site")), "a fetch from another site");
        assertForeign(status(browser, Map.of("Sec-Fetch-Site", "same-site")), "a fetch from the same site");
        assertForeign(status(new Browser(base), Map.of("Sec-Fetch-Site", "same-site")), "signed out looks the same");

        // nobody signed in: no session, a session nobody signed in to, a token of the desktop client instead
        Browser nobody = new Browser(base);
        assertEnded(status(nobody, Map.of("Origin", own)));
        assertTrue(nobody.cookie("JSESSIONID").isEmpty(), "asking made no session");
        nobody.open("/signin");
        assertEnded(status(nobody, Map.of("Origin", own)));
        String token = DelegatedAuthenticationIT.desktopTokens(base, ada.username(), "presence").getString("access_token");
        assertEnded(status(new Browser(base), Map.of("Authorization", "Bearer " + token)));

        // a session the member ended elsewhere: its password changed in another session
        Browser elsewhere = new Browser(base);
        elsewhere.signIn(ada.username(), PASSWORD);
        elsewhere.open("/settings/password");
        Browser.Page changed = elsewhere.submit("password", Map.of("current", PASSWORD, "next", "a-newer-password",
                "repeat", "a-newer-password"), "change");
        assertTrue(changed.messages().contains("Your password is changed."), changed.text());
        assertEnded(status(browser, Map.of("Origin", own)));
        assertEquals(204, status(elsewhere, Map.of("Origin", own)).statusCode(), "the session that changed it goes on");

        // it only answers
        HttpResponse<String> posted = browser.raw(HttpRequest.newBuilder(URI.create(base + "session"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, posted.statusCode());
        assertEquals("GET, HEAD, OPTIONS", posted.headers().firstValue("Allow").orElse(""));
        assertFalse(posted.body().isBlank(), "the refusal says why");
    }

    /** From now on, the page notes each change of the connection's state or words ({@link #connectionChanges}). */
    private void watchConnection() {
        js().executeScript("window.connectionChanges = [];"
                + "const connection = document.getElementById('connection');"
                + "new MutationObserver(() => window.connectionChanges.push(connection.dataset.state + ': '"
                + " + connection.textContent)).observe(connection, {attributes: true, childList: true, subtree: true,"
                + " characterData: true});");
    }

    @SuppressWarnings("unchecked")
    private List<String> connectionChanges() {
        return (List<String>) js().executeScript("return window.connectionChanges;");
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) member;
    }

    /** Waits out {@code span}: the test is about what does not happen in it, so there is nothing to wait for instead. */
    private static void letTimePass(Duration span, String why) {
        try {
            Thread.sleep(span.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted; " + why, e);
        }
    }

    private static void assertForeign(HttpResponse<String> refused, String what) {
        assertEquals(403, refused.statusCode(), what);
        assertEquals("Only Parley's own pages ask about their session (with X-Requested-With).\n", refused.body(), what);
    }

    /** {@code GET /session} in {@code browser} as the console asks it ({@code X-Requested-With}), with {@code headers}. */
    private static HttpResponse<String> status(Browser browser, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(browser.base().resolve("session")).GET()
                .header("X-Requested-With", "parley-test").timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return browser.raw(request.build());
    }

    private static void assertEnded(HttpResponse<String> refused) {
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals(ENDED + "\n", refused.body());
        assertEquals("Cookie realm=\"parley\", form-action=\"/signin\"",
                refused.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(refused.headers().firstValue("Set-Cookie").isEmpty(), "no session is made");
    }

    /** Signs {@code username} in in a new Chromium and opens the web console there, connected. */
    private WebDriverWait openConsole(String username) {
        member = Chromium.start();
        WebDriverWait wait = new WebDriverWait(member, Duration.ofSeconds(20));
        member.get(base + "signin");
        Chromium.submitSignIn(member, username, PASSWORD);
        wait.until(Chromium.headingShows("Your settings"));
        member.get(base + "console");
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));
        return wait;
    }
}
