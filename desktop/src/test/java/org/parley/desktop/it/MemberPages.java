package org.parley.desktop.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A member (or the admin) at Parley's own pages, as a browser without JavaScript: signs in,
 * fills Faces forms with what the page rendered, and approves the desktop client's code on
 * {@code /device}, as the member does by hand.
 */
final class MemberPages {

    private static final AtomicInteger MADE = new AtomicInteger();
    static final String PASSWORD = "desktop-member-password";

    private final URI base;
    private final HttpClient http;
    private Document page;

    private MemberPages(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A new member, created by the admin, signed in, sharing presence on the web; answers them signed in. */
    static MemberPages newMember(URI base, String displayName) {
        String username = "desk" + System.currentTimeMillis() % 100000 + "-" + MADE.incrementAndGet();
        MemberPages admin = new MemberPages(base).signIn("admin", LocalParley.ADMIN_PASSWORD);
        admin.open("admin/members");
        String created = messages(admin.submit("create", Map.of("username", username, "displayName", displayName,
                "password", PASSWORD), "create"));
        if (!created.contains("Created " + username + ".")) {
            throw new IllegalStateException("could not create " + username + ": " + created);
        }
        MemberPages member = new MemberPages(base).signIn(username, PASSWORD);
        member.open("settings");
        member.submit("settings", Map.of("webSharing", "on"), "save");
        return member;
    }

    private MemberPages signIn(String username, String password) {
        open("signin");
        Document next = submit("signin", Map.of("username", username, "password", password), "submit");
        if (next.getElementById("signin") != null) {
            throw new IllegalStateException(username + " could not sign in: " + messages(next));
        }
        return this;
    }

    /** The member's CID, as the settings page shows it. */
    String cid() {
        return open("settings").selectFirst("#cid").text();
    }

    /** Approves the code the desktop client shows, on {@code /device}. */
    void approve(String userCode) {
        Document confirm = open("device?user_code=" + URLEncoder.encode(userCode, StandardCharsets.UTF_8));
        if (confirm.getElementById("device") == null) {
            throw new IllegalStateException("/device did not offer the code " + userCode + ": " + confirm.text());
        }
        submit("device", Map.of(), "approve");
    }

    /**
     * The member's browser at the client's consent page: approves it, follows Parley's redirect to the
     * client's loopback listener, and answers what the listener showed.
     */
    String approveConsent(URI authorizePage) {
        page = send(HttpRequest.newBuilder(authorizePage).GET());
        if (page.getElementById("authorize") == null) {
            throw new IllegalStateException("no consent page at " + authorizePage + ": " + page.text());
        }
        return submit("authorize", Map.of(), "approve").body().text();
    }

    Document open(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private Document submit(String formId, Map<String, String> fields, String button) {
        Element form = page.getElementById(formId);
        if (form == null) {
            throw new IllegalStateException("no form " + formId + " on " + page.location());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (!type.equals("submit") && !(type.equals("checkbox") && !input.hasAttr("checked"))) {
                values.put(input.attr("name"), type.equals("checkbox") && !input.hasAttr("value") ? "on" : input.val());
            }
        }
        fields.forEach((id, value) -> values.put(formId + ":" + id, value));
        values.put(formId + ":" + button, form.getElementById(formId + ":" + button).val());
        String body = values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(page.location()).resolve(form.attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Document send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            page = Jsoup.parse(answer.body(), answer.uri().toString());
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String messages(Document page) {
        return page.select("#messages li").text();
    }
}
