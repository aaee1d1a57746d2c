package org.parley.desktop.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    @TempDir
    Path home;

    @Test
    void theRefreshTokenIsKeptReadableByTheMemberAlone() throws Exception {
        Path folder = home.resolve("config/parley");
        TokenFile file = new TokenFile(folder);
        file.write(URI.create("http://parley.intranet/"), "r1");
        file.write(URI.create("http://parley.intranet/"), "r2"); // rotated
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        assertEquals(Optional.of(new TokenFile.Saved(URI.create("http://parley.intranet/"), "r2")), file.read());
        file.delete();
        assertFalse(Files.exists(file.path()));
        assertEquals(Optional.empty(), file.read());
    }

    @Test
    void anUnreadableFileIsOneSentenceWithAWayOn() throws IOException {
        TokenFile file = new TokenFile(home);
        Files.writeString(file.path(), "<html>");
        assertEquals("The saved sign-in in " + file.path() + " cannot be read; delete it and sign in again.",
                assertThrows(SignInException.class, file::read).getMessage());
    }

    @Test
    void theFolderFollowsXdgConfigHome() {
        assertEquals(Path.of("/x/parley"), TokenFile.defaultFolder(Map.of("XDG_CONFIG_HOME", "/x")));
    }
}
