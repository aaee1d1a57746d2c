package org.parley.desktop.auth;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.desktop.protocol.ServerFrames;

/**
 * The one credential kept between runs: the refresh token (and the server it belongs to), in
 * {@code parley/credentials.json} under the member's config folder, the folder {@code 0700} and the
 * file {@code 0600} where the file system has POSIX permissions. Never an access token, never a password.
 */
public final class TokenFile {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public TokenFile(Path folder) {
        this.file = folder.resolve("credentials.json");
    }

    /** {@code $XDG_CONFIG_HOME/parley} (else {@code ~/.config/parley}), {@code %APPDATA%\Parley} on Windows, {@code ~/Library/Application Support/Parley} on macOS. */
    public static Path defaultFolder(Map<String, String> environment) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.startsWith("windows") && environment.get("APPDATA") != null) {
            return Path.of(environment.get("APPDATA"), "Parley");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library/Application Support/Parley");
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("parley");
    }

    public Path path() {
        return file;
    }

    /** The kept sign-in, if there is one. */
    public Optional<Saved> read() throws SignInException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (var reader = ServerFrames.JSON.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            JsonObject saved = reader.readObject();
            return Optional.of(new Saved(URI.create(saved.getString("server")), saved.getString("refresh_token")));
        } catch (IOException | JsonException | NullPointerException | ClassCastException | IllegalArgumentException e) {
            throw new SignInException("The saved sign-in in " + file + " cannot be read; delete it and sign in again.");
        }
    }

    /** Keeps the (rotated) refresh token: written to a private temporary file, then moved over the old one. */
    public void write(URI server, String refreshToken) throws IOException {
        Path folder = file.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            if (posix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
            } else {
                Files.createDirectories(folder);
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(folder, FOLDER);
        }
        Path temporary = posix ? Files.createTempFile(folder, "credentials", ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(folder, "credentials", ".tmp");
        Files.writeString(temporary, ServerFrames.write(Map.of("server", server.toString(), "refresh_token", refreshToken)),
                StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** A kept sign-in. */
    public record Saved(URI server, String refreshToken) {

        @Override
        public String toString() {
            return "Saved[server=" + server + "]";
        }
    }
}
