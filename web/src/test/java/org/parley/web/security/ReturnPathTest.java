package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReturnPathTest {

    @Test
    void pagesOfParleyAreKeptAsTheyWere() {
        for (String page : new String[] {"/settings", "/settings/password", "/",
                "/oauth/authorize?response_type=code&client_id=app-1&redirect_uri=https%3A%2F%2Fsite.example%2Fcb&state=%2F%2Fx",
                "/people/ada.lovelace", "/device?user_code=ABCD-EFGH", "/people/caf%C3%A9"}) {
            assertEquals(Optional.of(page), ReturnPath.of(page), page);
        }
    }

    @Test
    void anythingABrowserCouldReadAsAnotherHostIsRefused() {
        for (String hostile : new String[] {"//evil.example/..//settings", "///evil.example", "/\\evil.example",
                "\\\\evil.example", "/%2F%2Fevil.example", "/%2f/evil.example", "/%5Cevil.example", "/%5cevil.example",
                "/%252F%252Fevil.example", "/%25252F%25252F%25252Fevil.example", "/settings\\..\\evil",
                "/%0D%0ALocation:%20http://evil.example", "/settings%00", "/settings\t", "/%C2%85evil",
                "http://evil.example/", "evil.example/settings", "", "/%", "/%G0", "/%2"}) {
            assertTrue(ReturnPath.of(hostile).isEmpty(), hostile);
        }
        assertTrue(ReturnPath.of(null).isEmpty());
        assertTrue(ReturnPath.of("/" + "a".repeat(ReturnPath.MAX_LENGTH)).isEmpty(), "longer than any page");
    }
}
