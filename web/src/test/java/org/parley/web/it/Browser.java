package org.parley.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person at a browser without JavaScript: keeps cookies, follows redirects, fills in and
 * submits the forms of Parley's pages (Faces view state included) as the page gives them.
 */
public class Browser {

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Map<String, String> headers;
    private Page page;

    public Browser(java.net.URL base) {
        this(base, Map.of());
    }

    /**
     * A browser whose every page request carries {@code headers}, such as the {@code X-Forwarded-For} a proxy adds; with
     * a {@code Host} (the failsafe run allows the JDK's client to send one), a redirect to that name is followed at the
     * base's address, as a name that resolves to it would be.
     */
    public Browser(java.net.URL base, Map<String, String> headers) {
        this.base = URI.create(base.toString());
        this.headers = Map.copyOf(headers);
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public Page open(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path)).GET());
    }

    /** Fills the fields of form {@code formId} on the current page and presses {@code button}. */
    public Page submit(String formId, Map<String, String> fields, String button) {
        Element form = page.document().getElementById(formId);
        if (form == null) {
            throw new AssertionError("no form '" + formId + "' on " + page.uri() + ":\n" + page.text());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (type.equals("submit") || type.equals("checkbox") && !input.hasAttr("checked")) {
                continue;
            }
            values.put(input.attr("name"), type.equals("checkbox") && !input.hasAttr("value") ? "on" : input.val());
        }
        for (Element area : form.select("textarea[name]")) {
            values.put(area.attr("name"), area.val());
        }
        for (Element select : form.select("select[name]")) {
            // as a browser sends it: the selected option, else the first
            Element option = select.selectFirst("option[selected]");
            option = option != null ? option : select.selectFirst("option");
            if (option != null) {
                values.put(select.attr("name"), option.val());
            }
        }
        fields.forEach((id, value) -> {
            String name = formId + ":" + id;
            if (value == null) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
        });
        Element pressed = form.getElementById(formId + ":" + button);
        if (pressed == null) {
            throw new AssertionError("no button '" + button + "' in form '" + formId + "'");
        }
        values.put(pressed.attr("name"), pressed.val());
        String body = values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI action = page.uri().resolve(form.attr("action"));
        return send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Opens the sign-in page and signs in; answers the page Parley shows next. */
    public Page signIn(String username, String password) {
        open("/signin");
        return submit("signin", Map.of("username", username, "password", password), "submit");
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /** The browser's cookie jar, for a WebSocket opened from its pages. */
    public CookieManager cookies() {
        return cookies;
    }

    public Page page() {
        return page;
    }

    public HttpResponse<String> raw(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI base() {
        return base;
    }

    /**
     * Sends the request and follows redirects within Parley, as a browser would; a redirect that
     * leaves Parley (to a site's redirect URI) is not followed: the page is that 30x, with its {@code Location}.
     */
    private Page send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        HttpResponse<String> response = raw(request.timeout(Duration.ofSeconds(30)).build());
        String host = headers.get("Host");
        for (int hops = 0; hops < 10 && isRedirect(response.statusCode()); hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (host != null && host.equalsIgnoreCase(next.getRawAuthority())) {
                // the name this browser gives Parley (its Host header) is reached at the base's address
                next = base.resolve(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
            }
            if (!next.getRawAuthority().equals(base.getRawAuthority())) {
                break;
            }
            HttpRequest.Builder follow = HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(30)).GET();
            headers.forEach(follow::header);
            response = raw(follow.build());
        }
        page = new Page(response.statusCode(), response.uri(), Jsoup.parse(response.body(), response.uri().toString()),
                response.headers().firstValue("Location").map(response.uri()::resolve).orElse(null));
        return page;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A page as the person sees it; {@code location} is where a redirect out of Parley pointed. */
    public record Page(int status, URI uri, Document document, URI location) {

        public String text() {
            return document.body() == null ? "" : document.body().text();
        }

        public String path() {
            return uri.getPath();
        }

        /** The messages Parley shows at the top of the page. */
        public String messages() {
            return document.select("#messages li").text();
        }

        public String value(String cssQuery) {
            Element element = document.selectFirst(cssQuery);
            if (element == null) {
                throw new AssertionError("nothing matches " + cssQuery + " on " + uri + ":\n" + text());
            }
            return element.is("input") ? element.val() : element.text();
        }
    }
}
