package org.parley.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OAuthFormsTest {

    @Test
    void aFormWithEachParameterOnceHasNoneRepeated() {
        assertEquals(Optional.empty(), OAuthForms.repeated("grant_type=refresh_token&refresh_token=a%26b&client_id=x"));
        assertEquals(Optional.empty(), OAuthForms.repeated(""));
        assertEquals(Optional.empty(), OAuthForms.repeated("a&&b=&c"), "empty pairs are no parameters");
    }

    @Test
    void theFirstParameterNamedTwiceIsNamedAsItDecodes() {
        assertEquals(Optional.of("grant_type"), OAuthForms.repeated("grant_type=a&code=c&grant_type=b&code=d"));
        assertEquals(Optional.of("token"), OAuthForms.repeated("token=a&tok%65n=b"), "the same name escaped");
        assertEquals(Optional.of("scope"), OAuthForms.repeated("scope&scope=x"), "with or without a value");
    }

    @Test
    void aRepeatedNameIsShownAsPlainTextOfAtMost64Characters() {
        String hostile = "%E2%80%AEevil%0A" + "x".repeat(100);
        assertEquals(Optional.of("evil " + "x".repeat(59) + "…"), OAuthForms.repeated(hostile + "=1&" + hostile + "=2"));
    }
}
