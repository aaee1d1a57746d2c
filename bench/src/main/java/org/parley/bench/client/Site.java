package org.parley.bench.client;

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
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One person at Parley's pages without JavaScript: keeps the session cookie, follows Parley's
 * redirects, and submits a Faces form with the fields the page rendered (its view state included).
 */
final class Site {

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private Document page;

    Site(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    Document open(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** Signs in on /signin; answers the page Parley shows next. */
    Document signIn(String username, String password) {
        open("signin");
        return submit("signin", Map.of("username", username, "password", password), "submit");
    }

    /** Fills fields (by id within form {@code formId}; a checkbox is "on") and presses {@code button}. */
    Document submit(String formId, Map<String, String> fields, String button) {
        Element form = page.getElementById(formId);
        if (form == null) {
            throw new IllegalStateException("no form '" + formId + "' on " + page.location() + ": " + page.text());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (type.equals("submit") || type.equals("checkbox") && !input.hasAttr("checked")) {
                continue;
            }
            values.put(input.attr("name"), type.equals("checkbox") && !input.hasAttr("value") ? "on" : input.val());
        }
        fields.forEach((id, value) -> values.put(formId + ":" + id, value));
        values.put(formId + ":" + button, form.getElementById(formId + ":" + button).val());
        String body = values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(page.location()).resolve(form.attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The {@code Cookie} header this person's browser sends to Parley, for a socket opened from its pages. */
    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private Document send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(answer.uri() + " answered " + answer.statusCode());
            }
            page = Jsoup.parse(answer.body(), answer.uri().toString());
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The messages Parley shows at the top of a page. */
    static String messages(Document page) {
        return page.select("#messages li").text();
    }
}
