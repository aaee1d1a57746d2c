package org.parley.desktop.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * RFC 8252 for a native app: the system browser opens Parley's consent page; the answer comes back
 * to a one-off HTTP listener on {@code 127.0.0.1} at a port the system picked; the code is taken only
 * with the {@code state} this run made, and exchanged with the PKCE (S256) verifier only this run knows.
 */
public final class BrowserSignIn {

    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Shows the member a page in their browser. */
    @FunctionalInterface
    public interface Browser {
        void open(URI page) throws IOException;
    }

    /** The system's browser (java.awt.Desktop). */
    public static final Browser SYSTEM = page -> Desktop.getDesktop().browse(page);

    private final OAuth oauth;
    private final Browser browser;

    public BrowserSignIn(OAuth oauth, Browser browser) {
        this.oauth = oauth;
        this.browser = browser;
    }

    /** Whether this computer can open a web page in the member's browser. */
    public static boolean available() {
        return !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE);
    }

    /** Signs in through the browser; blocks until the browser came back (or five minutes passed). */
    public Grant signIn() throws IOException, SignInException, InterruptedException {
        String verifier = random(32);
        String state = random(16);
        HttpServer listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        URI redirect = URI.create("http://127.0.0.1:" + listener.getAddress().getPort() + "/callback");
        CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
        listener.createContext("/callback", exchange -> answered(exchange, state, answer));
        listener.start();
        try {
            browser.open(oauth.authorizeUri(redirect, state, challenge(verifier)));
            Map<String, String> query = answer.get(PATIENCE.toMinutes(), TimeUnit.MINUTES);
            if (query.containsKey("error")) {
                throw new SignInException("The sign-in was not approved in the browser (" + query.get("error") + ").");
            }
            return oauth.exchangeCode(query.get("code"), redirect, verifier);
        } catch (TimeoutException e) {
            throw new SignInException("The browser did not come back within five minutes; sign in again.");
        } catch (ExecutionException e) {
            throw new SignInException("The browser's answer could not be read; sign in again.");
        } catch (OAuth.OAuthError e) {
            throw new SignInException("Parley refused the sign-in: " + e.getMessage() + ".");
        } finally {
            listener.stop(0);
        }
    }

    private static void answered(HttpExchange exchange, String state, CompletableFuture<Map<String, String>> answer)
            throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        boolean ours = state.equals(query.get("state")) && (query.containsKey("code") || query.containsKey("error"));
        String page = ours ? "You are signed in to the Parley desktop client. You can close this page."
                : "This is not the answer the Parley desktop client is waiting for.";
        byte[] body = ("<!doctype html><meta charset=utf-8><title>Parley</title><p>" + page + "</p>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(ours ? 200 : 400, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        if (ours) {
            answer.complete(query);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    /** RFC 7636 §4.2: BASE64URL(SHA-256(verifier)), without padding. */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
