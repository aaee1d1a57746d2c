package org.parley.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.desktop.auth.SignIn;
import org.parley.desktop.auth.TokenFile;

/**
 * The window's sign-in against a real Parley: the consent page opened in the member's browser (here a
 * browser without JavaScript, signed in to Parley), authorization code with PKCE S256, the answer taken
 * on a loopback port the system picked (RFC 8252); the kept sign-in then opens the client's session.
 */
@ExtendWith(LocalParley.Shared.class)
class BrowserSignInIT {

    @TempDir
    Path config;

    @Test
    void theBrowsersConsentSignsTheClientInThroughALoopbackRedirect(LocalParley parley) throws Exception {
        MemberPages member = MemberPages.newMember(parley.base(), "Barbara Liskov");
        AtomicReference<URI> asked = new AtomicReference<>();
        AtomicReference<String> shown = new AtomicReference<>();
        new SignIn(new TokenFile(config), sentence -> { }).withBrowser(parley.base(), page -> {
            asked.set(page);
            shown.set(member.approveConsent(page));
        });

        String query = asked.get().getRawQuery();
        assertTrue(query.contains("client_id=parley-desktop") && query.contains("code_challenge_method=S256")
                && query.matches(".*redirect_uri=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Fcallback.*"), query);
        assertEquals("You are signed in to the Parley desktop client. You can close this page.", shown.get());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve("credentials.json"))));
        try (TextClient client = TextClient.start(parley.base(), config)) {
            assertEquals("Barbara Liskov", client.awaitEvent("signed_in", e -> true).getString("displayName"));
            client.command("/quit");
            assertEquals(0, client.exit());
        }
    }
}
