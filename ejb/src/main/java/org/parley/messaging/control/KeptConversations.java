package org.parley.messaging.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.Party;
import org.parley.messaging.entity.Reach;
import org.parley.messaging.entity.SavedConversation;
import org.parley.messaging.entity.SavedMessage;
import org.parley.messaging.entity.VisitorIdentity;

/**
 * The file that carries open conversations across a graceful restart: written once when Parley stops, read and deleted
 * once when it starts. A file in the data folder rather than the database, because the application's data source is
 * already gone when its beans stop. Only the owner may read it (it holds the replay buffers); resume tokens are in it
 * only as hashes. Never on the way of a message.
 */
public final class KeptConversations {

    private static final Logger LOG = Logger.getLogger(KeptConversations.class.getName());
    static final String FILE_NAME = "conversations-at-stop.json";

    private final Path file;

    public KeptConversations(Path dataDir) {
        this.file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** Writes {@code open} for the next start, whole or not at all (a temporary file, then moved into place). */
    public void keep(List<SavedConversation> open) throws IOException {
        JsonProvider json = JsonProvider.provider();
        JsonArrayBuilder all = json.createArrayBuilder();
        open.forEach(saved -> all.add(toJson(json, saved)));
        Files.createDirectories(file.getParent());
        Path written = Files.createTempFile(file.getParent(), "conversations-", ".tmp");
        try {
            ownerOnly(written);
            try (Writer out = Files.newBufferedWriter(written, StandardCharsets.UTF_8);
                 JsonWriter writer = json.createWriter(out)) {
                writer.writeArray(all.build());
            }
            try {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /**
     * The conversations the last stop kept, and the file is gone; none when there is no file. A file that cannot be
     * read is set aside (renamed with {@code .unreadable}) and logged, so a start never fails on it.
     */
    public List<SavedConversation> take() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<SavedConversation> kept = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader reader = JsonProvider.provider().createReader(in)) {
            for (JsonValue value : reader.readArray()) {
                kept.add(fromJson(value.asJsonObject()));
            }
            Files.delete(file);
            return kept;
        } catch (IOException | JsonException | ClassCastException | NullPointerException | IllegalArgumentException
                 | java.time.DateTimeException e) {
            LOG.warning(() -> "The conversations kept at the last stop (" + file + ") could not be read, so they are not "
                    + "resumed; the file is set aside as " + FILE_NAME + ".unreadable: " + e.getMessage());
            try {
                Files.move(file, file.resolveSibling(FILE_NAME + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moved) {
                LOG.warning(() -> "Could not set " + file + " aside either: " + moved.getMessage());
            }
            return List.of();
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static JsonObject toJson(JsonProvider json, SavedConversation saved) {
        JsonArrayBuilder messages = json.createArrayBuilder();
        for (SavedMessage kept : saved.messages()) {
            ConversationMessage message = kept.message();
            var entry = json.createObjectBuilder().add("seq", message.seq()).add("at", message.at().toString())
                    .add("from", message.from().name()).add("text", message.text()).add("queued", message.queued());
            if (kept.read() != null) {
                entry.add("read", kept.read());
            }
            messages.add(entry);
        }
        var conversation = json.createObjectBuilder().add("id", saved.id()).add("invitee", saved.invitee())
                .add("cid", saved.reach().cid()).add("profile", saved.reach().profile())
                .add("visitorName", saved.visitor().name())
                .add("startedAt", saved.startedAt().toString()).add("resumeTokenHash", saved.resumeTokenHash())
                .add("lastSeq", saved.lastSeq()).add("announced", saved.announced())
                .add("visitorGoneSince", saved.visitorGoneSince().toString()).add("savedAt", saved.savedAt().toString())
                .add("messages", messages);
        if (saved.reach().contact() != null) {
            conversation.add("contact", saved.reach().contact());
        }
        if (saved.visitor().username() != null) {
            conversation.add("visitorUsername", saved.visitor().username());
        }
        if (saved.page() != null) {
            conversation.add("page", saved.page());
        }
        return conversation.build();
    }

    private static SavedConversation fromJson(JsonObject o) {
        List<SavedMessage> messages = new ArrayList<>();
        for (JsonValue value : o.getJsonArray("messages")) {
            JsonObject m = value.asJsonObject();
            Boolean read = m.containsKey("read") ? m.getBoolean("read") : null;
            messages.add(new SavedMessage(new ConversationMessage(m.getJsonNumber("seq").longValueExact(),
                    Instant.parse(m.getString("at")), Party.valueOf(m.getString("from")), m.getString("text"),
                    m.getBoolean("queued")), read));
        }
        String username = o.getString("visitorUsername", null);
        VisitorIdentity visitor = username == null ? VisitorIdentity.anonymous(o.getString("visitorName"))
                : VisitorIdentity.member(o.getString("visitorName"), username);
        return new SavedConversation(o.getString("id"), o.getString("invitee"),
                new Reach(o.getString("cid"), o.getBoolean("profile"), o.getString("contact", null)), visitor,
                o.getString("page", null), Instant.parse(o.getString("startedAt")), o.getString("resumeTokenHash"),
                o.getJsonNumber("lastSeq").longValueExact(), o.getBoolean("announced"),
                Instant.parse(o.getString("visitorGoneSince")), Instant.parse(o.getString("savedAt")), messages);
    }
}
