package org.parley.storage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void theEmbeddedDatabaseIsAFileInTheDataFolder() {
        DatabaseSettings settings = new DatabaseSettings(DatabaseSettings.embeddedUrl(Path.of("/var/lib/parley")), "sa", "");
        assertEquals("jdbc:h2:file:/var/lib/parley/parley;WRITE_DELAY=0", settings.url());
        assertTrue(settings.embedded());
        assertEquals(Optional.of(Path.of("/var/lib/parley")), settings.embeddedFolder());
    }

    @Test
    void aRelativeDataFolderIsResolvedOnce() {
        String url = DatabaseSettings.embeddedUrl(Path.of("./data"));
        assertEquals("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("parley") + ";WRITE_DELAY=0", url);
    }

    @Test
    void postgresIsNotEmbeddedAndItsPasswordNeverReachesTheLog() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://db.intranet/parley?user=parley&password=s3cret&ssl=true", "parley", "s3cret");
        assertFalse(settings.embedded());
        assertEquals(Optional.empty(), settings.embeddedFolder());
        assertEquals("jdbc:postgresql://db.intranet/parley?user=parley&password=***&ssl=true", settings.urlForLog());
        assertFalse(settings.toString().contains("s3cret"));
    }
}
