package org.parley.openid.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.openid.entity.OpenIdRefusedException;
import org.parley.openid.entity.OpenIdRefusedException.Reason;
import org.parley.openid.entity.OpenIdSettings;

/** What a sign-in meets when the provider's discovery document cannot be had: worded, never thrown raw. */
class OpenIdProviderTest {

    private static final URI CALLBACK = URI.create("http://127.0.0.1:8080/signin/oidc");

    private static OpenIdProvider at(String issuer) {
        Map<String, String> config = Map.of("parley.oidc.issuer", issuer, "parley.oidc.client-id", "parley",
                "parley.oidc.timeout", "PT0.5S");
        return new OpenIdProvider(OpenIdSettings.from(key -> Optional.ofNullable(config.get(key))).orElseThrow());
    }

    @Test
    void aProviderNobodyListensForIsDown() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        OpenIdProvider provider = at("http://127.0.0.1:" + port + "/realms/staff");

        OpenIdRefusedException refused = assertThrows(OpenIdRefusedException.class, () -> provider.start(CALLBACK));

        assertEquals(Reason.PROVIDER_DOWN, refused.getReason());
        assertTrue(refused.getMessage().contains("/realms/staff/.well-known/openid-configuration could not be read"),
                refused.getMessage());
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsDown() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OpenIdProvider provider = at("http://127.0.0.1:" + silent.getLocalPort());

            OpenIdRefusedException refused = assertThrows(OpenIdRefusedException.class, () -> provider.start(CALLBACK));

            assertEquals(Reason.PROVIDER_DOWN, refused.getReason());
            assertTrue(refused.getMessage().contains("SocketTimeoutException"), refused.getMessage());
        }
    }

    @Test
    void aDiscoveryDocumentOfAnotherIssuerIsNotUsedAndTheMessageSaysWhatToCheck() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"issuer\":\"https://elsewhere.example\",\"authorization_endpoint\":\"https://elsewhere.example/a\","
                    + "\"token_endpoint\":\"https://elsewhere.example/t\",\"jwks_uri\":\"https://elsewhere.example/k\","
                    + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            OpenIdProvider provider = at("http://127.0.0.1:" + server.getAddress().getPort());

            OpenIdRefusedException refused = assertThrows(OpenIdRefusedException.class, () -> provider.start(CALLBACK));

            assertEquals(Reason.FAILED, refused.getReason());
            assertTrue(refused.getMessage().contains("check parley.oidc.issuer"), refused.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
