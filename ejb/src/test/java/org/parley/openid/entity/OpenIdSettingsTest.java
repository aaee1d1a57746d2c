package org.parley.openid.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenIdSettingsTest {

    private static Optional<OpenIdSettings> from(Map<String, String> config) {
        return OpenIdSettings.from(key -> Optional.ofNullable(config.get(key)));
    }

    private static Map<String, String> configured(String... more) {
        Map<String, String> config = new HashMap<>(Map.of("parley.oidc.issuer", "https://sso.example.com/realms/staff",
                "parley.oidc.client-id", "parley"));
        for (int i = 0; i < more.length; i += 2) {
            config.put(more[i], more[i + 1]);
        }
        return config;
    }

    @Test
    void withoutAnIssuerOpenIdSignInIsOff() {
        assertTrue(from(Map.of()).isEmpty());
        assertTrue(from(Map.of("parley.oidc.issuer", " ", "parley.oidc.client-id", "parley")).isEmpty());
    }

    @Test
    void anIssuerAndAClientIdAreEnoughAndTheRestHasDefaults() {
        OpenIdSettings settings = from(configured()).orElseThrow();

        assertEquals(URI.create("https://sso.example.com/realms/staff"), settings.issuer());
        assertEquals("sso.example.com", settings.providerName());
        assertEquals(List.of("openid", "profile", "email"), settings.scopes());
        assertTrue(settings.publicClient());
        assertEquals(Duration.ofSeconds(60), settings.clockSkew());
        assertEquals(Duration.ofSeconds(5), settings.timeout());
        assertEquals(new ClaimNames("preferred_username", "name", "title", "department", "email", "groups", null),
                settings.claims());
        URI requested = URI.create("http://parley.intranet:8080/signin/oidc");
        assertEquals(requested, settings.redirectUri(requested));
    }

    @Test
    void everyKeyIsRead() {
        OpenIdSettings settings = from(configured("parley.oidc.client-secret", "s3cret", "parley.oidc.provider-name", "Staff SSO",
                "parley.oidc.scopes", "openid,profile groups", "parley.oidc.redirect-uri", "https://chat.example.com/signin/oidc",
                "parley.oidc.claims.username", "upn", "parley.oidc.claims.display-name", "cn",
                "parley.oidc.claims.title", "jobTitle", "parley.oidc.claims.department", "ou",
                "parley.oidc.claims.email", "mail", "parley.oidc.claims.groups", "roles", "parley.oidc.admin-group", "chat-admins",
                "parley.oidc.clock-skew", "PT2M", "parley.oidc.timeout", "PT10S")).orElseThrow();

        assertFalse(settings.publicClient());
        assertEquals("Staff SSO", settings.providerName());
        assertEquals(List.of("openid", "profile", "groups"), settings.scopes());
        assertEquals(URI.create("https://chat.example.com/signin/oidc"),
                settings.redirectUri(URI.create("http://10.0.0.5:8080/signin/oidc")));
        assertEquals(new ClaimNames("upn", "cn", "jobTitle", "ou", "mail", "roles", "chat-admins"), settings.claims());
        assertEquals(Duration.ofMinutes(2), settings.clockSkew());
        assertEquals(Duration.ofSeconds(10), settings.timeout());
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheKey() {
        assertRefused(Map.of("parley.oidc.issuer", "https://sso.example.com"), "parley.oidc.client-id");
        assertRefused(configured("parley.oidc.issuer", "sso.example.com"), "parley.oidc.issuer");
        assertRefused(configured("parley.oidc.issuer", "ldap://sso.example.com"), "parley.oidc.issuer");
        assertRefused(configured("parley.oidc.scopes", "profile email"), "parley.oidc.scopes");
        assertRefused(configured("parley.oidc.redirect-uri", "/signin/oidc"), "parley.oidc.redirect-uri");
        assertRefused(configured("parley.oidc.clock-skew", "-PT1S"), "parley.oidc.clock-skew");
        assertRefused(configured("parley.oidc.clock-skew", "60"), "parley.oidc.clock-skew");
        assertRefused(configured("parley.oidc.timeout", "PT0S"), "parley.oidc.timeout");
    }

    @Test
    void theClientSecretIsNeverInTheSettingsText() {
        OpenIdSettings settings = from(configured("parley.oidc.client-secret", "s3cret-value")).orElseThrow();

        assertFalse(settings.toString().contains("s3cret-value"), settings.toString());
        assertTrue(settings.toString().contains("with a secret"), settings.toString());
        assertNull(from(configured()).orElseThrow().clientSecret());
    }

    private static void assertRefused(Map<String, String> config, String key) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> from(config));
        assertTrue(refused.getMessage().startsWith(key) || refused.getMessage().contains(" " + key + " "), refused.getMessage());
    }
}
