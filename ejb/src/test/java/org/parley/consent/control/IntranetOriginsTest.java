package org.parley.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntranetOriginsTest {

    @Test
    void entriesAreTrimmedLowerCasedAndWithoutATrailingSlash() {
        assertEquals(Set.of("https://portal.example", "http://127.0.0.1:28765"),
                IntranetOrigins.of(List.of(" HTTPS://Portal.Example/ ", "http://127.0.0.1:28765")));
    }

    @Test
    void onlyPlainOriginsCount() {
        assertEquals(Set.of(), IntranetOrigins.of(List.of("*", "https://evil.example; script-src *",
                "javascript:alert(1)", "https://intranet.example/path", "", "ftp://files.example")));
    }
}
