package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Contact chat (SPEC.md §6): an administrator defines contact points on {@code /admin/contacts}; a
 * visitor on {@code /contact/{name}} reaches the first available member of the list and the next
 * visitor the next one when the first goes Away; with nobody available the visitor leaves a message
 * that every member gets and that one member handles for all. Members here do not share on the
 * web: being on a contact point's list is what makes them reachable through it.
 */
class ContactChatBrowserIT extends ParleyDeployment {

    private static final String PASSWORD = "a-good-password";

    private WebDriver chromium;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        chromium = Chromium.start();
        wait = new WebDriverWait(chromium, Duration.ofSeconds(20));
    }

    @AfterEach
    void quit() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    /** A member who does not share on the web, signed in in their own (script-less) browser. */
    private record Member(String username, String displayName, Browser browser) {
        Socket client(URI base) {
            Socket client = Socket.open(base, "/ws/client", browser);
            client.next("welcome");
            return client;
        }
    }

    private Member member(String prefix, String displayName) {
        String username = Accounts.newMember(base, prefix, displayName, PASSWORD);
        Browser browser = new Browser(base);
        browser.signIn(username, PASSWORD);
        return new Member(username, displayName, browser);
    }

    private URI uri() {
        return URI.create(base.toString());
    }

    // ---- the administrator's side, in the browser ---------------------------------------------------

    private void signInAsAdmin() {
        signInAsAdmin(chromium, wait);
    }

    private void signInAsAdmin(WebDriver browser, WebDriverWait until) {
        browser.get(base + "signin");
        browser.findElement(By.id("signin:username")).sendKeys("admin");
        browser.findElement(By.id("signin:password")).sendKeys(Deployments.ADMIN_PASSWORD, Keys.ENTER);
        until.until(ExpectedConditions.urlContains("/settings"));
    }

    /** Opens the dialog of a new contact point on /admin/contacts and fills it in (members in this order). */
    private void fillNewContactPoint(String name, String title, String intro, String... members) {
        chromium.get(base + "admin/contacts");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("list:new"))).click();
        WebElement nameField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit:name")));
        nameField.sendKeys(name);
        chromium.findElement(By.id("edit:title")).sendKeys(title);
        chromium.findElement(By.id("edit:intro")).sendKeys(intro);
        for (String member : members) {
            addToList(member);
        }
    }

    private void addToList(String username) {
        addToList(chromium, wait, username);
    }

    private static void addToList(WebDriver browser, WebDriverWait until, String username) {
        WebElement filter = browser.findElement(By.cssSelector("[id='edit:members'] .ui-source-filter-input"));
        filter.clear();
        filter.sendKeys(username);
        By item = By.cssSelector("[id='edit:members'] .ui-picklist-source li[data-item-value='" + username + "']");
        // the list takes a click as a selection only once it has drawn the filtered items (under load, a click before
        // that selected nothing and the add button moved nothing): click until the item is selected
        until.until(driver -> {
            try {
                WebElement shown = driver.findElement(item);
                if (!shown.getAttribute("class").contains("ui-state-highlight")) {
                    shown.click();
                }
                return shown.getAttribute("class").contains("ui-state-highlight");
            } catch (org.openqa.selenium.WebDriverException redrawn) {
                return false; // the filter drew the list again meanwhile
            }
        });
        browser.findElement(By.cssSelector("[id='edit:members'] .ui-picklist-button-add")).click();
        until.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[id='edit:members'] .ui-picklist-target li[data-item-value='" + username + "']")));
    }

    /** Opens /admin/contacts in {@code browser} and the dialog of the contact point {@code name}. */
    private void openEdit(WebDriver browser, WebDriverWait until, String name) {
        browser.get(base + "admin/contacts");
        browser.findElement(By.xpath("//code[@class='contact-name' and text()='" + name + "']/ancestor::tr"))
                .findElement(By.cssSelector("button[id$='editPoint']")).click();
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit:title")));
    }

    /** Saves the dialog and waits for the answer (a refusal may show the message that was already there). */
    private void save() {
        chromium.findElement(By.id("edit:save")).click();
        wait.until(Chromium.ajaxDone());
    }

    private void defineContactPoint(String name, String title, String intro, String... members) {
        fillNewContactPoint(name, title, intro, members);
        save();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("editDialog")));
        wait.until(Chromium.textShows(By.id("list:contacts"), name));
    }

    private String uniqueName(String prefix) {
        return Accounts.unique(prefix).toLowerCase();
    }

    // ---- tests ----------------------------------------------------------------------------------------

    @Test
    void anAdminDefinesAContactPointThatVisitorsFindAtItsAddressWithItsSnippet() {
        Member ada = member("ada", "Ada Lovelace");
        Member bob = member("bob", "Bob Babbage");
        String name = uniqueName("it-help");
        signInAsAdmin();
        defineContactPoint(name, "IT help desk", "We fix printers.\nAnd everything else.", bob.username(), ada.username());

        WebElement row = chromium.findElement(By.xpath("//code[@class='contact-name' and text()='" + name + "']/ancestor::tr"));
        List<String> listed = row.findElements(By.cssSelector(".contact-members li")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Bob Babbage (" + bob.username() + ")", "Ada Lovelace (" + ada.username() + ")"), listed,
                "the members in the order the admin put them");
        assertEquals("enabled", row.findElement(By.cssSelector(".contact-state")).getText());
        String snippet = row.findElement(By.cssSelector(".contact-snippet")).getText();
        assertTrue(snippet.startsWith("<iframe src=\"" + base + "contact/" + name + "?embed\" title=\"IT help desk\""), snippet);
        Chromium.screenshot(chromium, "admin-contacts");

        Browser visitor = new Browser(base);
        Browser.Page page = visitor.open("/contact/" + name);
        assertEquals(200, page.status());
        assertEquals("IT help desk", page.value("h1"));
        assertEquals("IT help desk · Parley", page.document().title());
        assertEquals("We fix printers.\nAnd everything else.", page.document().getElementById("contact-intro").wholeText());
        assertNull(page.document().getElementById("contact-chat"), "nobody is connected: no chat");
        assertNotNull(page.document().getElementById("leave"), "but a form to leave a message");

        HttpResponse<String> embedded = visitor.raw(HttpRequest.newBuilder(uri().resolve("contact/" + name + "?embed")).build());
        assertEquals(200, embedded.statusCode());
        assertEquals("frame-ancestors 'self' " + String.join(" ", List.of(INTRANET_ORIGIN, "http://127.0.0.1:" + CONTROL_PAGE_PORT,
                "http://127.0.0.1:" + DIRECTORY_PAGE_PORT)), embedded.headers().firstValue("Content-Security-Policy").orElse(""));
        assertFalse(embedded.body().contains("class=\"top\""), "embedded: without Parley's header");
        assertEquals("frame-ancestors 'self'", visitor.raw(HttpRequest.newBuilder(uri().resolve("contact/" + name)).build())
                .headers().firstValue("Content-Security-Policy").orElse(""));

        Browser.Page audit = Accounts.admin(base).open("/admin/audit");
        assertTrue(audit.text().contains("contact.created") && audit.text().contains(name), audit.text());
    }

    @Test
    void theControlReachesTheFirstAvailableMemberAndTheNextVisitorTheNextOneWhenTheFirstGoesAway() {
        Member ada = member("ada", "Ada Lovelace");
        Member bob = member("bob", "Bob Babbage");
        String name = uniqueName("help");
        signInAsAdmin();
        defineContactPoint(name, "Help desk", "Ask us anything.", ada.username(), bob.username());
        chromium.manage().deleteAllCookies(); // the visitor is not signed in
        try (Socket adaClient = ada.client(uri()); Socket bobClient = bob.client(uri())) {
            chromium.get(base + "contact/" + name);
            assertEquals("Help desk", chromium.findElement(By.tagName("h1")).getText());
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("contact-chat"));
            wait.until(ExpectedConditions.textToBe(By.id("invitee-name"), "Ada Lovelace"));
            wait.until(ExpectedConditions.textToBe(By.id("invitee-status"), "Online"));
            sayAsVisitor("Charles", "My printer is on fire");

            JsonObject started = adaClient.next("conversation.started").getJsonObject("conversation");
            assertEquals("Charles", started.getJsonObject("visitor").getString("name"));
            String first = started.getString("id");
            assertEquals("My printer is on fire", adaClient.next("message",
                    f -> first.equals(f.getString("conversation", null))).getString("text"));
            assertFalse(typesUntilAck(bobClient).contains("conversation.started"), "Bob was not asked");

            adaClient.send(Socket.frame("presence").add("id", "away").add("status", "Away"));
            adaClient.ack("away");
            chromium.switchTo().defaultContent();
            chromium.switchTo().newWindow(WindowType.TAB); // the next visitor, with nothing to resume
            chromium.get(base + "contact/" + name);
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("contact-chat"));
            wait.until(ExpectedConditions.textToBe(By.id("invitee-name"), "Bob Babbage"));
            sayAsVisitor("Dana", "My screen is blank");
            JsonObject second = bobClient.next("conversation.started").getJsonObject("conversation");
            assertEquals("Dana", second.getJsonObject("visitor").getString("name"));
            assertEquals("My screen is blank", bobClient.next("message",
                    f -> second.getString("id").equals(f.getString("conversation", null))).getString("text"));
            Chromium.screenshot(chromium, "contact-chat-next-member");

            // the first visitor's conversation stays with Ada, who is away but still there
            String firstTab = chromium.getWindowHandles().iterator().next();
            chromium.switchTo().window(firstTab);
            chromium.switchTo().frame("contact-chat");
            chromium.findElement(By.id("compose")).sendKeys("Are you still there?", Keys.ENTER);
            assertEquals("Are you still there?", adaClient.next("message",
                    f -> first.equals(f.getString("conversation", null))).getString("text"));
            assertFalse(typesUntilAck(bobClient).contains("message"), "Bob hears nothing of Ada's conversation");
        }
    }

    @Test
    void routingTakesTheMostAvailableStatusThenTheFewestOpenConversationsThenTheListOrder() {
        Member ada = member("ada", "Ada Lovelace");
        Member bob = member("bob", "Bob Babbage");
        Member cy = member("cy", "Cy Clone");
        String name = uniqueName("desk");
        signInAsAdmin();
        defineContactPoint(name, "Desk", "", ada.username(), bob.username(), cy.username());
        try (Socket adaClient = ada.client(uri()); Socket bobClient = bob.client(uri()); Socket cyClient = cy.client(uri())) {
            status(adaClient, "Idle");
            status(bobClient, "Busy");
            status(cyClient, "OutToLunch");
            assertEquals("Bob Babbage", routedTo(name), "Busy is more available than Idle; Out to lunch is not available");

            status(adaClient, "Online");
            status(bobClient, "Online");
            List<Socket> visitors = new ArrayList<>();
            try {
                Socket first = visitor(name);
                visitors.add(first);
                assertEquals("Ada Lovelace", first.next("hello").getJsonObject("invitee").getString("displayName"),
                        "both online and without conversations: the list order");
                first.send(Socket.frame("identify").add("id", "i").add("name", "Eve")).ack("i");
                first.send(Socket.frame("message").add("id", "m").add("text", "hello")).ack("m");
                adaClient.next("conversation.started");

                Socket second = visitor(name);
                visitors.add(second);
                assertEquals("Bob Babbage", second.next("hello").getJsonObject("invitee").getString("displayName"),
                        "Ada has a conversation open, Bob none");

                status(bobClient, "Idle");
                Socket third = visitor(name);
                visitors.add(third);
                assertEquals("Ada Lovelace", third.next("hello").getJsonObject("invitee").getString("displayName"),
                        "Online before Idle, whatever the conversations");

                status(adaClient, "Away");
                status(bobClient, "Away");
                Socket nobody = visitor(name);
                visitors.add(nobody);
                JsonObject error = nobody.next("error");
                assertEquals("not_found", error.getString("code"));
                assertEquals(1000, nobody.closeCode());
            } finally {
                visitors.forEach(Socket::close);
            }
        }
    }

    @Test
    void withNobodyAvailableAVisitorLeavesAMessageThatEveryMemberGetsAndThatOneHandlesForAll() {
        Member ada = member("ada", "Ada Lovelace");
        Member bob = member("bob", "Bob Babbage");
        String name = uniqueName("hr");
        signInAsAdmin();
        defineContactPoint(name, "HR questions", "", ada.username(), bob.username());
        try (Socket adaClient = ada.client(uri())) {
            status(adaClient, "Away"); // connected, but not available; Bob is not connected at all
            chromium.get(base + "contact/" + name);
            assertTrue(chromium.findElements(By.id("contact-chat")).isEmpty(), "nobody available: no control");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leave:visitorName"))).sendKeys("Frank");
            chromium.findElement(By.id("leave:replyTo")).sendKeys("frank@example.test");
            chromium.findElement(By.id("leave:message")).sendKeys("How many days off do I have left?");
            chromium.findElement(By.id("leave:send")).click();
            wait.until(ExpectedConditions.textToBe(By.id("leave-sent"),
                    "Thank you. Your message reached the team; someone will get back to you."));
            Chromium.screenshot(chromium, "contact-message-left");

            JsonObject live = adaClient.next("offline").getJsonObject("message");
            assertEquals("How many days off do I have left?", live.getString("text"));
            assertEquals("Frank", live.getJsonObject("visitor").getString("name"));
            assertEquals("HR questions", live.getJsonObject("contact").getString("title"));
            assertEquals(name, live.getJsonObject("contact").getString("name"));
            assertEquals("frank@example.test", live.getString("replyTo"));

            String bobsCopy;
            try (Socket bobClient = Socket.open(uri(), "/ws/client", bob.browser())) {
                JsonArray offline = bobClient.next("welcome").getJsonArray("offline");
                assertEquals(1, offline.size(), "Bob gets it when he comes: " + offline);
                JsonObject copy = offline.getJsonObject(0);
                assertEquals("How many days off do I have left?", copy.getString("text"));
                assertEquals("frank@example.test", copy.getString("replyTo"));
                bobsCopy = copy.getString("id");

                adaClient.send(Socket.frame("offline.read").add("id", "r").add("ids", Json.createArrayBuilder()
                        .add(live.getString("id"))));
                adaClient.ack("r");
                JsonObject handled = bobClient.next("offline.read");
                assertEquals(List.of(bobsCopy), handled.getJsonArray("ids").getValuesAs(jakarta.json.JsonString.class)
                        .stream().map(jakarta.json.JsonString::getString).toList(), "handled for all: Bob's copy is gone too");
            }
            try (Socket bobAgain = Socket.open(uri(), "/ws/client", bob.browser())) {
                assertTrue(bobAgain.next("welcome").getJsonArray("offline").isEmpty(), "and stays gone");
            }
        }
    }

    @Test
    void theWebConsoleShowsAMessageLeftOnAContactPointAtOnceAndMarkingItReadHandlesItForAll() {
        Member ada = member("ada", "Ada Lovelace");
        Member bob = member("bob", "Bob Babbage");
        String name = uniqueName("facilities");
        signInAsAdmin();
        defineContactPoint(name, "Facilities", "", ada.username(), bob.username());
        chromium.manage().deleteAllCookies(); // the admin leaves; Ada opens her web console
        chromium.get(base + "signin");
        chromium.findElement(By.id("signin:username")).sendKeys(ada.username());
        chromium.findElement(By.id("signin:password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/settings"));
        chromium.get(base + "console");
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "connected"));
        try (Socket bobClient = bob.client(uri()); LoopbackProxy proxy = LoopbackProxy.from(TRUSTED_PROXY, base)) {
            // "Nobody answering?": the visitor may leave a message even while someone is available
            Browser visitor = new Browser(proxy.base(), Map.of("X-Forwarded-For", "198.51.100.20"));
            Browser.Page sent = submitLeave(visitor, "/contact/" + name + "?leave", "Grace", "", "The lift is stuck");
            assertEquals("Thank you. Your message reached the team; someone will get back to you.", sent.value("#leave-sent"));
            By item = By.cssSelector("#offline li");
            wait.until(Chromium.textShows(item, "The lift is stuck"));
            assertTrue(chromium.findElement(item).getText().contains("Via Facilities"), chromium.findElement(item).getText());
            String bobsCopy = bobClient.next("offline").getJsonObject("message").getString("id");
            Chromium.screenshot(chromium, "console-contact-message");
            chromium.findElement(By.cssSelector("#offline li .mark-read")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(item, 0));
            assertEquals(bobsCopy, bobClient.next("offline.read").getJsonArray("ids").getString(0));
        }
    }

    @Test
    void leaveAMessageRefusesBadInputNextToTheFieldAndLimitsEachAddress() {
        Member ada = member("ada", "Ada Lovelace");
        String name = uniqueName("limits");
        signInAsAdmin();
        defineContactPoint(name, "Limits", "", ada.username());
        try (LoopbackProxy proxy = LoopbackProxy.from(TRUSTED_PROXY, base)) {
            Browser visitor = new Browser(proxy.base(), Map.of("X-Forwarded-For", "198.51.100.30"));
            Browser.Page empty = submitLeave(visitor, "/contact/" + name, "", "", "");
            assertEquals("Enter your name.", empty.value("[id='leave:visitorNameMessage']"));
            assertEquals("Enter a message.", empty.value("[id='leave:messageMessage']"));
            assertEquals("", empty.value("[id='leave:replyToMessage']"));

            Browser.Page onlyControls = submitLeave(visitor, "/contact/" + name, "\u0007\u202E", "", "\u0000 \u2066");
            assertEquals("A name has 1 to 40 characters, not all of them invisible.", onlyControls.value("[id='leave:visitorNameMessage']"));
            assertNull(onlyControls.document().getElementById("leave-sent"));

            try (Socket adaClient = ada.client(uri())) {
                status(adaClient, "Away");
                // what a browser's maxlength cuts, the server cuts too: the page answers, never an error page
                Browser.Page tooLong = submitLeave(visitor, "/contact/" + name, "x".repeat(41), "y".repeat(201),
                        "z".repeat(10_000));
                assertNotNull(tooLong.document().getElementById("leave-sent"), tooLong.text());
                JsonObject cut = adaClient.next("offline").getJsonObject("message");
                assertEquals("x".repeat(40), cut.getJsonObject("visitor").getString("name"));
                assertEquals("y".repeat(200), cut.getString("replyTo"));
                assertEquals("z".repeat(2000), cut.getString("text"));

                String hostile = "<script>alert(1)</script> 100% _done_ \"quoted\" 'single' \u202Eevil\u0000";
                for (int i = 2; i <= 5; i++) {
                    Browser.Page sent = submitLeave(visitor, "/contact/" + name + "?mkt=de-DE", "Ivy \u202E" + i,
                            "ivy@example.test", hostile + " " + i);
                    assertEquals("Vielen Dank. Ihre Nachricht ist beim Team angekommen; jemand meldet sich bei Ihnen.",
                            sent.value("#leave-sent"), sent.text());
                    JsonObject stored = adaClient.next("offline").getJsonObject("message");
                    assertEquals("Ivy " + i, stored.getJsonObject("visitor").getString("name"), "the bidi override is gone");
                    assertEquals("<script>alert(1)</script> 100% _done_ \"quoted\" 'single' evil " + i,
                            stored.getString("text"), "kept as plain text, control characters gone");
                }
                Browser.Page limited = submitLeave(visitor, "/contact/" + name, "Ivy", "", "once more");
                assertTrue(limited.messages().startsWith("Too many messages were sent from your address. Try again in "),
                        limited.messages());
                assertNull(limited.document().getElementById("leave-sent"));
                Browser.Page otherAddress = submitLeave(new Browser(proxy.base(), Map.of("X-Forwarded-For", "198.51.100.31")),
                        "/contact/" + name, "Jo", "", "from elsewhere");
                assertNotNull(otherAddress.document().getElementById("leave-sent"), "the limit is per address");
            }
        }
    }

    @Test
    void unknownDisabledAndHostileContactNamesAreNotFound() throws Exception {
        Member ada = member("ada", "Ada Lovelace");
        String name = uniqueName("gone");
        signInAsAdmin();
        defineContactPoint(name, "Soon disabled", "", ada.username());
        try (Socket adaClient = ada.client(uri())) {
            Browser visitor = new Browser(base);
            assertEquals(200, visitor.open("/contact/" + name).status());

            chromium.findElement(By.xpath("//code[@class='contact-name' and text()='" + name + "']/ancestor::tr"))
                    .findElement(By.cssSelector("button[id$='editPoint']")).click();
            WebElement enabled = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id='edit:enabled'] .ui-chkbox-box")));
            enabled.click();
            save();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("editDialog")));
            wait.until(Chromium.textShows(By.id("list:contacts"), "disabled"));

            Browser.Page disabled = visitor.open("/contact/" + name);
            assertEquals(404, disabled.status());
            assertEquals("Not found", disabled.value("h1"));
            try (Socket control = Socket.open(uri(), "/ws/control?contact=" + name, null)) {
                assertEquals("not_found", control.next("error").getString("code"), "a disabled contact point routes nobody");
            }
        }
        String longName = "a".repeat(10_000);
        for (String hostile : List.of("nope-" + name, "%25", "%5F", "a%27b", "a%22b", "%E2%80%AE", "IT-HELP",
                "a/b", "a%2Fb", "%3Cscript%3E")) {
            Browser.Page page = new Browser(base).open("/contact/" + hostile);
            assertEquals(404, page.status(), hostile);
            assertEquals("Not found", page.value("h1"), hostile);
        }
        assertEquals(400, new Browser(base).open("/contact/a%00b").status(), "a NUL is refused at the door");
        assertEquals(400, new Browser(base).open("/contact/" + longName).status(), "so is an address of 10,000 characters");
        assertEquals(400, new Browser(base).open("/contact/..%2F..%2Fadmin").status(), "so is a way out");
        assertEquals(404, new Browser(base).open("/contact/").status());
        assertEquals(404, new Browser(base).open("/contact.xhtml").status());

        Browser.Page badControl = new Browser(base).open("/conversation/imme?contact=" + URLEncoder.encode("<b>x</b>",
                StandardCharsets.UTF_8));
        assertEquals(400, badControl.status(), "a contact name that is no slug never reaches the control");
        try (Socket control = Socket.open(uri(), "/ws/control?contact=" + URLEncoder.encode("%_'\"", StandardCharsets.UTF_8), null)) {
            assertEquals("not_found", control.next("error").getString("code"));
        }
    }

    @Test
    void duplicateAndInvalidNamesAreRefusedNextToTheFieldAndNothingIsSaved() {
        Member ada = member("ada", "Ada Lovelace");
        String name = uniqueName("taken");
        signInAsAdmin();
        defineContactPoint(name, "Taken", "", ada.username());
        int rows = chromium.findElements(By.cssSelector("[id='list:contacts'] tbody tr")).size();

        fillNewContactPoint(name, "Again", "", ada.username());
        save();
        wait.until(ExpectedConditions.textToBe(By.id("edit:nameMessage"), "There is a contact point with this name already."));

        for (String bad : List.of("Has Space", "-dash", "100%", "a_b", "\u202Eevil", "ä")) {
            typeInto(By.id("edit:name"), bad);
            save();
            wait.until(ExpectedConditions.textToBe(By.id("edit:nameMessage"), "A name has 1 to 40 lower-case letters, "
                    + "digits and hyphens, and starts and ends with a letter or digit."));
        }
        typeInto(By.id("edit:name"), uniqueName("fine"));
        chromium.findElement(By.cssSelector("[id='edit:members'] .ui-picklist-button-remove-all")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[id='edit:members'] .ui-picklist-target li"), 0));
        save();
        wait.until(ExpectedConditions.textToBe(By.id("edit:membersMessage"), "Put at least one member on the list."));
        assertTrue(chromium.findElement(By.id("editDialog")).isDisplayed(), "the dialog stays open with what was typed");
        Chromium.screenshot(chromium, "admin-contacts-refused");

        chromium.get(base + "admin/contacts");
        assertEquals(rows, chromium.findElements(By.cssSelector("[id='list:contacts'] tbody tr")).size(), "nothing was saved");
    }

    /**
     * Two administrators save one contact point's list at the same instant, each from a dialog of their own: the list
     * is one of the two they saved, whole and in its order, never a mix of both. Three rounds, a new point each.
     */
    @Test
    void twoAdminsSavingOneContactPointsListAtOnceLeaveOneOfTheTwoWhole() {
        Member ann = member("ann", "Ann First");
        Member bob = member("bob", "Bob Second");
        Member cyd = member("cyd", "Cyd Third");
        Member dee = member("dee", "Dee Fourth");
        signInAsAdmin();
        WebDriver other = Chromium.start();
        try {
            WebDriverWait otherWait = new WebDriverWait(other, Duration.ofSeconds(20));
            signInAsAdmin(other, otherWait);
            for (int round = 0; round < 3; round++) {
                String name = "desk-" + round + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
                defineContactPoint(name, "Desk " + round, "", ann.username());
                openEdit(chromium, wait, name);
                addToList(bob.username());
                addToList(cyd.username());
                openEdit(other, otherWait, name);
                addToList(other, otherWait, dee.username());

                try (ServerLog log = ServerLog.capture()) {
                    AtOnce.all(List.of(() -> click(chromium, "edit:save"), () -> click(other, "edit:save")));
                    wait.until(Chromium.ajaxDone());
                    otherWait.until(Chromium.ajaxDone());
                    assertEquals(List.of(), log.problems(), "two saves at once: nothing at SEVERE or WARNING");
                }

                chromium.get(base + "admin/contacts");
                List<String> saved = chromium.findElement(By.xpath("//code[@class='contact-name' and text()='" + name
                        + "']/ancestor::tr")).findElements(By.cssSelector(".contact-members li")).stream()
                        .map(WebElement::getText).toList();
                List<List<String>> either = List.of(
                        List.of(label(ann), label(bob), label(cyd)), List.of(label(ann), label(dee)));
                assertTrue(either.contains(saved), "round " + round + ": the list one of the two saved, not " + saved);
            }
        } finally {
            other.quit();
        }
    }

    /** How /admin/contacts lists a member on a contact point. */
    private static String label(Member member) {
        return member.displayName() + " (" + member.username() + ")";
    }

    private static boolean click(WebDriver browser, String id) {
        browser.findElement(By.id(id)).click();
        return true;
    }

    @Test
    void membersWhoAreNotAdminsGet403OnAdminContacts() {
        Member ada = member("ada", "Ada Lovelace");
        Browser.Page page = ada.browser().open("/admin/contacts");
        assertEquals(403, page.status());
        assertEquals("Not allowed", page.value("h1"));
        HttpResponse<String> post = ada.browser().raw(HttpRequest.newBuilder(uri().resolve("admin/contacts"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("edit=edit&edit%3Aname=sneaky&edit%3Atitle=Sneaky&edit%3Asave=")).build());
        assertEquals(403, post.statusCode());
        assertEquals(404, new Browser(base).open("/contact/sneaky").status(), "nothing was created");
        assertEquals("/signin", new Browser(base).open("/admin/contacts").path(), "signed out: sign in first");
    }

    @Test
    void axeFindsNoSeriousViolationsOnContactPagesAndAdminContactsInEnglishAndArabic() {
        Member ada = member("ada", "Ada Lovelace");
        String name = uniqueName("axe");
        signInAsAdmin();
        defineContactPoint(name, "Accessible desk", "Intro text.", ada.username());
        List<String> problems = new ArrayList<>();
        for (String culture : List.of("en-US", "ar-SA")) {
            chromium.get(base + "admin/contacts?mkt=" + culture);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("list:new")));
            assertEquals(culture.equals("ar-SA") ? "rtl" : "ltr", chromium.findElement(By.tagName("html")).getAttribute("dir"));
            problems.addAll(Axe.seriousViolations(chromium));
            chromium.findElement(By.id("list:new")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit:name")));
            problems.addAll(Axe.seriousViolations(chromium));

            chromium.get(base + "contact/" + name + "?mkt=" + culture);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leave:visitorName")));
            problems.addAll(Axe.seriousViolations(chromium));
            try (Socket adaClient = ada.client(uri())) {
                chromium.get(base + "contact/" + name + "?mkt=" + culture);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contact-chat")));
                problems.addAll(Axe.seriousViolations(chromium));
                chromium.get(base + "contact/" + name + "?embed&mkt=" + culture);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contact-chat")));
                problems.addAll(Axe.seriousViolations(chromium));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** In the control's frame: picks a nickname and sends a message. */
    private void sayAsVisitor(String nickname, String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nickname"))).sendKeys(nickname);
        chromium.findElement(By.id("nickname-ok")).click();
        wait.until(ExpectedConditions.textToBe(By.id("visitor-name"), nickname));
        chromium.findElement(By.id("compose")).sendKeys(text, Keys.ENTER);
    }

    /** Replaces a field's text; the field may be re-rendered by an ajax update meanwhile. */
    private void typeInto(By field, String text) {
        // the dialog's form is drawn again after each save: wait until the field is back and takes keys
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(d -> {
            WebElement element = d.findElement(field);
            element.clear();
            element.sendKeys(text);
            return true;
        });
    }

    /** Sets a member client's status and waits until Parley took it. */
    private static void status(Socket client, String status) {
        String id = "s-" + status;
        client.send(Socket.frame("presence").add("id", id).add("status", status));
        client.ack(id);
    }

    /** The types of the frames a client receives before the answer to a frame sent now: what it had been told. */
    private static List<String> typesUntilAck(Socket client) {
        client.send(Socket.frame("presence").add("id", "probe").add("status", "Online"));
        List<String> types = new ArrayList<>();
        while (true) {
            JsonObject frame = client.poll(Socket.WAIT);
            assertNotNull(frame, "no answer to the probe; before it: " + types);
            if ("ack".equals(frame.getString("type", "")) && "probe".equals(frame.getString("id", null))) {
                return types;
            }
            types.add(frame.getString("type", ""));
        }
    }

    private Socket visitor(String contact) {
        return Socket.open(uri(), "/ws/control?contact=" + contact, null);
    }

    private String routedTo(String contact) {
        try (Socket visitor = visitor(contact)) {
            return visitor.next("hello").getJsonObject("invitee").getString("displayName");
        }
    }

    /** Opens a contact page and sends its Leave a message form, without JavaScript. */
    private static Browser.Page submitLeave(Browser visitor, String path, String visitorName, String replyTo, String message) {
        visitor.open(path);
        Map<String, String> fields = new HashMap<>();
        fields.put("visitorName", visitorName);
        fields.put("replyTo", replyTo);
        fields.put("message", message);
        return visitor.submit("leave", fields, "send");
    }
}
