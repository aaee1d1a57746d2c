package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in with an OpenID provider: a real one ({@link TestOpenIdProvider}), started by the test on
 * the port Parley's environment names (Parley reads its discovery document only when somebody signs
 * in, so which starts first does not matter). Runs in its own failsafe execution ({@code openid-provider}),
 * whose Parley has OpenID sign-in configured and a database of its own.
 * <p>
 * Apart from the Chromium test, a test plays the browser with {@link Browser}, which stops where Parley
 * sends it off to the provider; {@link #authorize} then asks the provider as a browser would and gets
 * the answer the provider sends back to Parley, so that a test can bring it back once, twice, in
 * another browser, or tamper with it.
 */
@Tag("openid-provider")
class OpenIdSignInBrowserIT extends ParleyDeployment {

    private static final String UNTRUSTED = "Parley could not verify the answer from Test SSO, so you are not signed in."
            + " Ask an administrator.";
    private static final String REPLAYED = "This sign-in with Test SSO was already used, has expired, or was not started"
            + " in this browser. Please sign in again.";
    private static final String CLOCK = "The answer from Test SSO has expired or is dated in the future: the clocks of"
            + " Parley and Test SSO may be wrong. Try again or ask an administrator.";

    private static TestOpenIdProvider provider;

    @BeforeAll
    static void startProvider() {
        provider = TestOpenIdProvider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    /** The provider's answer on its way back to Parley, and the nonce Parley sent with the sign-in. */
    private record Answer(URI callback, String nonce) {

        String state() {
            return parameter(callback, "state");
        }
    }

    @Test
    void aPersonSignsInWithTheProviderInChromiumAndBecomesAMemberWithTheProvidersProfile() {
        String username = Accounts.unique("grace");
        provider.next("sub-" + username, Map.of("preferred_username", username, "name", "Grace Hopper",
                "title", "Rear Admiral", "department", "Navy", "email", username + "@example.com"));
        WebDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));
            chromium.get(base + "settings");
            wait.until(ExpectedConditions.urlContains("/signin"));
            WebElement button = chromium.findElement(By.id("openid:start"));
            assertEquals("Sign in with Test SSO", button.getText());
            button.click();

            wait.until(Chromium.headingShows("Your settings"));
            Chromium.screenshot(chromium, "settings-after-openid-sign-in");
            assertTrue(chromium.getCurrentUrl().startsWith(base + "settings"), "back to the page that asked: "
                    + chromium.getCurrentUrl());
            assertEquals(username, chromium.findElement(By.id("username")).getText());
            assertEquals("Grace Hopper", chromium.findElement(By.id("settings:displayName")).getAttribute("value"));
            assertEquals("Rear Admiral", chromium.findElement(By.id("settings:title")).getAttribute("value"));
        } finally {
            chromium.quit();
        }
        String row = memberRow(username);
        assertTrue(row.contains("Grace Hopper") && row.contains("Navy") && row.contains(username + "@example.com")
                && row.contains("OpenID provider") && row.contains("member"), row);
    }

    @Test
    void theProvidersAdminGroupMakesAnAdministratorUntilThePersonLeavesItAndEachSignInIsANewSession() {
        String username = Accounts.unique("ops");
        provider.next("sub-" + username, Map.of("preferred_username", username, "groups", List.of("staff",
                TestOpenIdProvider.ADMIN_GROUP)));
        Browser admin = new Browser(base);
        Answer answer = authorize(admin);
        String sessionBefore = admin.cookie("JSESSIONID").orElseThrow().getValue();
        assertEquals("/settings", comeBack(admin, answer).path());
        assertNotEquals(sessionBefore, admin.cookie("JSESSIONID").orElseThrow().getValue(),
                "signing in gave the session a new ID");
        assertEquals(200, admin.open("/admin/members").status(), "in the admin group, an administrator");

        provider.next("sub-" + username, Map.of("preferred_username", username, "groups", List.of("staff")));
        Browser member = new Browser(base);
        assertEquals("/settings", signInAtProvider(member).path());
        assertEquals(403, member.open("/admin/members").status(), "out of the admin group, a member again");
    }

    @Test
    void anIdTokenForAnotherApplicationIsRefused() {
        String username = Accounts.unique("elsewhere");
        provider.next("sub-" + username, Map.of("preferred_username", username, "aud", "another-application"));
        Browser browser = new Browser(base);
        try (ServerLog log = ServerLog.capture()) {
            assertRefused(browser, signInAtProvider(browser), UNTRUSTED);
            log.await(1, r -> r.contains("the ID token is for another application") && r.contains("another-application"),
                    Duration.ofSeconds(10), "why the token was refused");
        }
    }

    @Test
    void anIdTokenSignedWithAnotherKeyIsRefused() throws Exception {
        String username = Accounts.unique("forged");
        provider.forgeNext("sub-" + username, Map.of("preferred_username", username, "groups",
                List.of(TestOpenIdProvider.ADMIN_GROUP)));
        Browser browser = new Browser(base);
        try (ServerLog log = ServerLog.capture()) {
            assertRefused(browser, signInAtProvider(browser), UNTRUSTED);
            log.await(1, r -> r.contains("the ID token's signature does not verify"), Duration.ofSeconds(10),
                    "why the token was refused");
        }
        assertTrue(memberRows(username).isEmpty(), "nobody was created");
    }

    @Test
    void anAnswerIsTakenOnceAndOnlyInTheBrowserThatSignedInAndItsNonceOnlyInItsOwnSignIn() {
        String username = Accounts.unique("once");
        Map<String, Object> claims = Map.of("preferred_username", username);
        provider.next("sub-" + username, claims);
        Browser browser = new Browser(base);
        Answer answer = authorize(browser);
        assertEquals("/settings", comeBack(browser, answer).path());

        assertNotice(comeBack(browser, answer), REPLAYED); // and the browser stays signed in as it was
        Browser another = new Browser(base);
        assertRefused(another, comeBack(another, answer), REPLAYED);

        provider.next("sub-" + username, Map.of("preferred_username", username, "nonce", answer.nonce()));
        Browser replaying = new Browser(base);
        assertRefused(replaying, comeBack(replaying, authorize(replaying)), REPLAYED);
    }

    @Test
    void anIdTokenDatedBeyondTheClockSkewIsRefusedAndOneWithinItIsTaken() {
        String username = Accounts.unique("clock");
        long now = Instant.now().getEpochSecond();
        provider.next("sub-" + username, Map.of("preferred_username", username, "iat", now + 600));
        Browser ahead = new Browser(base);
        assertRefused(ahead, signInAtProvider(ahead), CLOCK);

        provider.next("sub-" + username, Map.of("preferred_username", username, "iat", now - 7200, "exp", now - 600));
        Browser expired = new Browser(base);
        assertRefused(expired, signInAtProvider(expired), CLOCK);

        provider.next("sub-" + username, Map.of("preferred_username", username, "iat", now + 20));
        assertEquals("/settings", signInAtProvider(new Browser(base)).path(), "20 s ahead is within the 60 s allowed");
    }

    @Test
    void aDeclinedSignInAndAnswersWithoutOrWithAForgedStateAreExplained() {
        Browser browser = new Browser(base);
        Answer answer = authorize(browser);

        assertRefused(browser, browser.open("/signin/oidc?error=access_denied&error_description=User+cancelled&state="
                + answer.state()), "Test SSO did not sign you in: the sign-in was cancelled or not allowed there.");
        assertRefused(browser, browser.open("/signin/oidc?code=made-up&state=made-up"), REPLAYED);
        assertRefused(browser, browser.open("/signin/oidc?code=made-up"), REPLAYED);
    }

    @Test
    void aTokenWithoutAUsernameAndAUsernameOfAnotherMemberAreRefused() {
        provider.next("sub-" + Accounts.unique("nameless"), Map.of("name", "Nameless"));
        Browser nameless = new Browser(base);
        assertRefused(nameless, signInAtProvider(nameless),
                "Test SSO did not tell Parley your username, so you cannot sign in. Ask an administrator.");

        String local = Accounts.newMember(base, "taken", "Local Person", "a-good-password");
        provider.next("sub-" + local, Map.of("preferred_username", local, "name", "Someone Else"));
        Browser twin = new Browser(base);
        assertRefused(twin, signInAtProvider(twin), "Your company account has the same username as another Parley"
                + " account, so it cannot sign in. Ask an administrator.");
        assertTrue(memberRow(local).contains("Local Person"), "the local member keeps their name");
    }

    @Test
    void whenTheProviderIsDownThePageSaysSoAndTheAdministratorSignsInWithAPassword() {
        String username = Accounts.unique("down");
        provider.next("sub-" + username, Map.of("preferred_username", username));
        Browser browser = new Browser(base);
        Answer answer = authorize(browser);
        provider.stop();
        try (ServerLog log = ServerLog.capture()) {
            assertRefused(browser, comeBack(browser, answer), "Test SSO does not answer; try again or ask an administrator.");
            log.await(1, r -> r.contains("the provider's token endpoint") && r.contains("did not answer"),
                    Duration.ofSeconds(10), "that the provider does not answer");
            assertEquals("/settings", browser.signIn("admin", Deployments.ADMIN_PASSWORD).path());
        } finally {
            provider.startAgain();
        }
    }

    /** Presses "Sign in with Test SSO" and comes back with the provider's answer: the page Parley shows then. */
    private Browser.Page signInAtProvider(Browser browser) {
        return comeBack(browser, authorize(browser));
    }

    /** Presses the button on the sign-in page and goes, as Parley sends the browser, to the provider, who answers. */
    private static Answer authorize(Browser browser) {
        browser.open("/signin");
        Browser.Page toProvider = browser.submit("openid", Map.of(), "start");
        URI authorization = toProvider.location();
        assertTrue(authorization != null && authorization.toString().startsWith(TestOpenIdProvider.ISSUER + "/authorize?"),
                "to the provider's authorization endpoint, and nowhere else: " + authorization);
        assertEquals("S256", parameter(authorization, "code_challenge_method"));
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                    HttpRequest.newBuilder(authorization).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return new Answer(URI.create(answer.headers().firstValue("Location").orElseThrow(
                    () -> new AssertionError("the provider sent the browser nowhere: " + answer.statusCode()))),
                    parameter(authorization, "nonce"));
        } catch (IOException e) {
            throw new AssertionError("the provider does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Browser.Page comeBack(Browser browser, Answer answer) {
        assertEquals(browser.base().resolve("signin/oidc").getRawPath(), answer.callback().getRawPath(),
                "the provider sends the browser back to Parley's redirect URI");
        return browser.open(answer.callback().getRawPath() + "?" + answer.callback().getRawQuery());
    }

    /** The sign-in page says {@code message}, and the browser is not signed in. */
    private static void assertRefused(Browser browser, Browser.Page page, String message) {
        assertNotice(page, message);
        assertEquals("/signin", browser.open("/settings").path(), "not signed in");
    }

    private static void assertNotice(Browser.Page page, String message) {
        assertEquals(200, page.status(), page.text());
        assertEquals("/signin", page.path(), page.text());
        assertEquals(message, page.messages());
    }

    private String memberRow(String username) {
        List<Element> rows = memberRows(username);
        assertEquals(1, rows.size(), username + " is listed once");
        return rows.get(0).text();
    }

    private List<Element> memberRows(String username) {
        return Accounts.admin(base).open("/admin/members?q=" + username).document().select("[id='list:members'] tbody tr")
                .stream().filter(row -> !row.hasClass("ui-datatable-empty-message")).toList();
    }

    private static String parameter(URI uri, String name) {
        return Arrays.stream(uri.getRawQuery().split("&")).filter(pair -> pair.startsWith(name + "="))
                .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + uri));
    }
}
