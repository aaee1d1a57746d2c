package org.parley.storage.control;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where the database is, read from MicroProfile Config. Without {@code parley.db.url} Parley
 * uses an embedded H2 file database in {@code parley.data.dir}, so a restart keeps every member.
 * It writes each commit to its file before the commit returns ({@code WRITE_DELAY=0}): H2's default
 * keeps commits in memory for up to half a second, so a crash (power, {@code kill -9}) lost what
 * had been saved and acknowledged, and its writer thread woke every 50 ms even when Parley was idle.
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String URL_KEY = "parley.db.url";
    public static final String USER_KEY = "parley.db.user";
    public static final String PASSWORD_KEY = "parley.db.password";
    public static final String DATA_DIR_KEY = "parley.data.dir";
    public static final String DEFAULT_DATA_DIR = "./data";

    public static DatabaseSettings from(Config config) {
        Optional<String> url = config.getOptionalValue(URL_KEY, String.class);
        String user = config.getOptionalValue(USER_KEY, String.class).orElse("");
        String password = config.getOptionalValue(PASSWORD_KEY, String.class).orElse("");
        if (url.isPresent()) {
            return new DatabaseSettings(url.get().trim(), user, password);
        }
        Path dataDir = Path.of(config.getOptionalValue(DATA_DIR_KEY, String.class).orElse(DEFAULT_DATA_DIR));
        return new DatabaseSettings(embeddedUrl(dataDir), user.isEmpty() ? "sa" : user, password);
    }

    static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("parley") + ";WRITE_DELAY=0";
    }

    public boolean embedded() {
        return url.startsWith("jdbc:h2:file:");
    }

    /** The folder an embedded database lives in, so it can be created before the first connection. */
    public Optional<Path> embeddedFolder() {
        return embedded() ? Optional.of(Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0]).getParent())
                : Optional.empty();
    }

    /** What an admin reads when the database cannot be used: the keys to fix, never the password. */
    public String unusable(String cause) {
        return "Parley cannot use its database at " + URL_KEY + "=" + urlForLog() + " (" + cause + "). Check "
                + URL_KEY + ", " + USER_KEY + " and " + PASSWORD_KEY
                + " (environment PARLEY_DB_URL, PARLEY_DB_USER, PARLEY_DB_PASSWORD).";
    }

    /** The URL as it may be written to a log: without a password someone put into it. */
    public String urlForLog() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + urlForLog() + ", user=" + user + "]";
    }
}
