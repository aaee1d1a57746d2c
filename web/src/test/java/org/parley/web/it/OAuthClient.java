package org.parley.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A site (or the desktop client) speaking OAuth 2.0 to Parley over plain HTTP, as a real client would. */
public final class OAuthClient {

    private final URI base;
    private final String clientId;
    private final String secret;
    private final HttpClient http = HttpClient.newHttpClient();

    public OAuthClient(URI base, String clientId, String secret) {
        this.base = base;
        this.clientId = clientId;
        this.secret = secret;
    }

    /** The desktop client: a public client, identified by {@code client_id} alone. */
    public static OAuthClient desktop(URI base) {
        return new OAuthClient(base, "parley-desktop", null);
    }

    /** An answer: status, headers, and the JSON body if any. */
    public record Answer(int status, HttpResponse<String> response) {

        public JsonObject json() {
            return Json.createReader(new StringReader(response.body())).readObject();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** A PKCE pair (RFC 7636): the verifier the client keeps and the S256 challenge it sends. */
    public record Pkce(String verifier, String challenge) {

        public static Pkce create() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public String authorizeUrl(String redirectUri, String scope, String state, Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", scope);
        query.put("state", state);
        if (pkce != null) {
            query.put("code_challenge", pkce.challenge());
            query.put("code_challenge_method", "S256");
        }
        return "/oauth/authorize?" + form(query);
    }

    public Answer token(Map<String, String> parameters) {
        return post("oauth/token", parameters);
    }

    public Answer exchange(String code, String redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return token(form);
    }

    public Answer refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    public Answer revoke(String token) {
        return post("oauth/revoke", Map.of("token", token));
    }

    public Answer post(String path, Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (secret != null) {
            String credentials = encode(clientId) + ":" + encode(secret);
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.putIfAbsent("client_id", clientId);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    /** A request with a Bearer token. */
    public Answer bearer(String method, String path, String accessToken) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + accessToken)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The query parameters of a redirect a site received. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
