package org.parley.desktop.auth;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.parley.desktop.protocol.ServerFrames;

/**
 * Parley's OAuth endpoints as the public client {@code parley-desktop} uses them. Every failure
 * becomes one sentence: a server that does not answer ({@link IOException}), an answer that is not
 * Parley's JSON (an HTML page: a wrong URL), or an RFC 6749 error ({@link OAuthError}).
 */
public final class OAuth {

    public static final String CLIENT_ID = "parley-desktop";
    public static final String SCOPE = "presence";

    private final URI server;
    private final HttpClient http;
    private final Clock clock;

    public OAuth(URI server, Clock clock) {
        this.server = server;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI server() {
        return server;
    }

    /** An error answer of the token endpoint (RFC 6749 §5.2, RFC 8628 §3.5): {@code code} is its {@code error}. */
    public static final class OAuthError extends Exception {

        private final String code;

        OAuthError(String code, String description) {
            super(description);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** RFC 8628 §3.2: what the member is to confirm, and how the client waits for it. */
    public record DeviceCode(String deviceCode, String userCode, URI verificationUri, Duration interval, Duration expiresIn) {
    }

    public DeviceCode startDevice() throws IOException, SignInException {
        JsonObject answer = post("oauth/device", Map.of("client_id", CLIENT_ID, "scope", SCOPE));
        if (answer.containsKey("error")) {
            throw new SignInException("Parley refused to start a device sign-in: " + description(answer) + ".");
        }
        return new DeviceCode(answer.getString("device_code"), answer.getString("user_code"),
                server.resolve(answer.getString("verification_uri")), Duration.ofSeconds(answer.getInt("interval", 5)),
                Duration.ofSeconds(answer.getInt("expires_in", 600)));
    }

    public Grant pollDevice(String deviceCode) throws IOException, SignInException, OAuthError {
        return grant(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", deviceCode,
                "client_id", CLIENT_ID));
    }

    public Grant exchangeCode(String code, URI redirectUri, String verifier) throws IOException, SignInException, OAuthError {
        return grant(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri.toString(),
                "code_verifier", verifier, "client_id", CLIENT_ID));
    }

    public Grant refresh(String refreshToken) throws IOException, SignInException, OAuthError {
        return grant(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT_ID));
    }

    /** RFC 7009: the refresh token revokes the whole consent, so no access token made from it works any more. */
    public void revoke(String token) throws IOException, SignInException {
        post("oauth/revoke", Map.of("token", token, "token_type_hint", "refresh_token", "client_id", CLIENT_ID));
    }

    /** The page where the member approves this client in the browser. */
    public URI authorizeUri(URI redirectUri, String state, String challenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", CLIENT_ID);
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", SCOPE);
        query.put("state", state);
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        return server.resolve("oauth/authorize?" + form(query));
    }

    private Grant grant(Map<String, String> fields) throws IOException, SignInException, OAuthError {
        JsonObject answer = post("oauth/token", fields);
        if (answer.containsKey("error")) {
            throw new OAuthError(answer.getString("error", "invalid_request"), description(answer));
        }
        try {
            return new Grant(answer.getString("access_token"), clock.instant().plusSeconds(answer.getInt("expires_in", 3600)),
                    answer.getString("refresh_token"));
        } catch (NullPointerException | ClassCastException e) {
            throw new SignInException("Parley's token answer lacks the tokens; is " + server + " a Parley server?");
        }
    }

    private JsonObject post(String path, Map<String, String> fields) throws IOException, SignInException {
        URI uri = server.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new IOException("nothing answers at " + server);
        } catch (HttpTimeoutException e) {
            throw new IOException(server + " did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (IllegalArgumentException e) {
            throw new SignInException(server + " is not a server address this client can use.");
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            throw new SignInException(server + " answered " + uri.getPath() + " with "
                    + (type.startsWith("text/html") ? "a web page" : "something") + " where Parley answers JSON (HTTP "
                    + response.statusCode() + "); check the server address.");
        }
        try (var reader = ServerFrames.JSON.createReader(new StringReader(response.body()))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new SignInException(server + " answered " + uri.getPath() + " with JSON that is not Parley's.");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new SignInException(server + " answered " + uri.getPath() + " with broken JSON; check the server address.");
        }
    }

    private static String description(JsonObject answer) {
        return answer.getString("error_description", answer.getString("error", "unknown error"));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
