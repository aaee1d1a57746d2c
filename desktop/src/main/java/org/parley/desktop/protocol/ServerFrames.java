package org.parley.desktop.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Decodes the server's frames: those of the members' socket ({@link #decode}) and those of the visitor socket, where
 * the member writes to a colleague as a verified visitor ({@link #decodeVisitorSide}). A frame that is not a JSON object, or lacks a field its type needs,
 * is a {@link ProtocolException} naming what was wrong; a frame of an unknown type is
 * {@link ServerFrame.Unknown}, so a newer server does not break an older client.
 */
public final class ServerFrames {

    /** One provider for the whole client: looking it up costs a class-path scan each time. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private ServerFrames() {
    }

    public static ServerFrame decode(String text) throws ProtocolException {
        JsonObject frame = object(text);
        try {
            String type = string(frame, "type");
            return switch (type) {
                case "welcome" -> welcome(frame);
                case "presence" -> new ServerFrame.PresenceChanged(presence(frame));
                case "conversation.started" -> new ServerFrame.ConversationStarted(opened(frame.getJsonObject("conversation")));
                case "message" -> new ServerFrame.Message(string(frame, "conversation"), line(frame));
                case "typing" -> new ServerFrame.Typing(string(frame, "conversation"), "active".equals(string(frame, "state")));
                case "conversation.ended" -> new ServerFrame.ConversationEnded(string(frame, "conversation"),
                        frame.getString("reason", "closed"));
                case "ack" -> ack(frame);
                case "error" -> error(frame);
                case "offline" -> new ServerFrame.OfflineLeft(note(frame.getJsonObject("message")));
                case "offline.read" -> new ServerFrame.OfflineRead(strings(frame.getJsonArray("ids")));
                case "receipt" -> new ServerFrame.Receipt(string(frame, "conversation"), number(frame, "seq"),
                        "read".equals(string(frame, "state")));
                case "contacts" -> contacts(frame);
                case "contact" -> frame.getBoolean("found", true)
                        ? new ServerFrame.ContactChanged(string(frame, "username"), contact(frame))
                        : new ServerFrame.ContactChanged(string(frame, "username"), null);
                default -> new ServerFrame.Unknown(type);
            };
        } catch (ClassCastException | NullPointerException e) {
            throw new ProtocolException("The server sent a frame this client cannot read (a field is missing or of the wrong kind).");
        }
    }

    /**
     * A frame of the visitor socket {@code /ws/control}: {@code hello}, {@code message} (from {@code "invitee"}: theirs),
     * {@code typing}, {@code receipt}, {@code presence}, {@code ended}, {@code ack} and {@code error}; frames there carry
     * no conversation (the socket is one conversation), so theirs have {@code conversation} null.
     */
    public static ServerFrame decodeVisitorSide(String text) throws ProtocolException {
        JsonObject frame = object(text);
        try {
            String type = string(frame, "type");
            return switch (type) {
                case "hello" -> hello(frame);
                case "message" -> new ServerFrame.Message(null, new Line(number(frame, "seq"), instant(frame, "at"),
                        "invitee".equals(string(frame, "from")), string(frame, "text")));
                case "typing" -> new ServerFrame.Typing(null, "active".equals(string(frame, "state")));
                case "receipt" -> new ServerFrame.Receipt(null, number(frame, "seq"), "read".equals(string(frame, "state")));
                case "presence" -> new ServerFrame.PresenceChanged(presence(frame));
                case "ended" -> new ServerFrame.Ended(frame.getString("reason", "closed"));
                case "ack" -> ack(frame);
                case "error" -> error(frame);
                default -> new ServerFrame.Unknown(type);
            };
        } catch (ClassCastException | NullPointerException e) {
            throw new ProtocolException("The server sent a frame this client cannot read (a field is missing or of the wrong kind).");
        }
    }

    private static ServerFrame.Hello hello(JsonObject frame) throws ProtocolException {
        JsonObject invitee = frame.getJsonObject("invitee");
        return new ServerFrame.Hello(string(invitee, "id"), string(invitee, "displayName"), presence(invitee),
                frame.getJsonObject("visitor").getBoolean("verified", false), string(frame, "resume"));
    }

    private static ServerFrame.Ack ack(JsonObject frame) throws ProtocolException {
        return new ServerFrame.Ack(frame.getString("id", null), frame.containsKey("seq") ? number(frame, "seq") : 0,
                frame.containsKey("at") ? instant(frame, "at") : null, frame.getBoolean("queued", false));
    }

    private static ServerFrame.Error error(JsonObject frame) throws ProtocolException {
        return new ServerFrame.Error(string(frame, "code"), frame.getString("message", ""),
                frame.getString("ref", null), frame.containsKey("retryAfter") ? number(frame, "retryAfter") : 0);
    }

    private static ServerFrame.OfflineNote note(JsonObject note) throws ProtocolException {
        JsonObject contact = note.getJsonObject("contact");
        return new ServerFrame.OfflineNote(string(note, "id"), instant(note, "at"), visitor(note.getJsonObject("visitor")),
                string(note, "text"), contact == null ? null : new ServerFrame.ContactPoint(string(contact, "name"),
                        contact.getString("title", string(contact, "name"))), note.getString("replyTo", null));
    }

    private static JsonObject object(String text) throws ProtocolException {
        try (var reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ProtocolException("The server sent a frame that is not a JSON object.");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new ProtocolException("The server sent a frame that is not JSON.");
        } catch (JsonException e) {
            throw new ProtocolException("The server sent a frame that could not be read.");
        }
    }

    private static ServerFrame.Welcome welcome(JsonObject frame) throws ProtocolException {
        JsonObject member = frame.getJsonObject("member");
        List<ServerFrame.Opened> conversations = new java.util.ArrayList<>();
        for (JsonValue c : frame.getJsonArray("conversations")) {
            conversations.add(opened(c.asJsonObject()));
        }
        List<ServerFrame.OfflineNote> offline = new java.util.ArrayList<>();
        for (JsonValue o : frame.getJsonArray("offline")) {
            offline.add(note(o.asJsonObject()));
        }
        return new ServerFrame.Welcome(string(member, "cid"), string(member, "displayName"),
                presence(frame.getJsonObject("presence")), List.copyOf(conversations), List.copyOf(offline));
    }

    private static ServerFrame.Contacts contacts(JsonObject frame) throws ProtocolException {
        List<ServerFrame.Contact> contacts = new java.util.ArrayList<>();
        for (JsonValue c : frame.getJsonArray("contacts")) {
            contacts.add(contact(c.asJsonObject()));
        }
        return new ServerFrame.Contacts(List.copyOf(contacts));
    }

    private static ServerFrame.Contact contact(JsonObject contact) throws ProtocolException {
        return new ServerFrame.Contact(string(contact, "cid"), string(contact, "username"), string(contact, "displayName"),
                presence(contact));
    }

    private static ServerFrame.Opened opened(JsonObject conversation) throws ProtocolException {
        List<Line> messages = new java.util.ArrayList<>();
        Map<Long, Boolean> seen = new java.util.HashMap<>();
        JsonArray lines = conversation.getJsonArray("messages");
        if (lines != null) {
            for (JsonValue m : lines) {
                Line line = line(m.asJsonObject());
                messages.add(line);
                String receipt = m.asJsonObject().getString("receipt", null);
                if (!line.theirs() && receipt != null) {
                    seen.put(line.seq(), "read".equals(receipt));
                }
            }
        }
        return new ServerFrame.Opened(string(conversation, "id"), visitor(conversation.getJsonObject("visitor")),
                conversation.getString("page", null), instant(conversation, "startedAt"), List.copyOf(messages), Map.copyOf(seen));
    }

    private static Line line(JsonObject message) throws ProtocolException {
        return new Line(number(message, "seq"), instant(message, "at"), "visitor".equals(string(message, "from")),
                string(message, "text"));
    }

    private static Visitor visitor(JsonObject visitor) throws ProtocolException {
        return new Visitor(string(visitor, "name"), visitor.getBoolean("verified", false),
                visitor.getString("username", null), visitor.getString("cid", null));
    }

    private static Presence presence(JsonObject presence) throws ProtocolException {
        String wire = string(presence, "status");
        Status status = Status.parse(wire)
                .orElseThrow(() -> new ProtocolException("The server reported a status this client does not know: " + wire + "."));
        return new Presence(status, presence.getString("statusText", status.wire()), presence.getString("personalMessage", null));
    }

    private static String string(JsonObject object, String name) throws ProtocolException {
        JsonValue value = object.get(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new ProtocolException("The server sent a frame without a readable \"" + name + "\".");
    }

    private static long number(JsonObject object, String name) throws ProtocolException {
        JsonValue value = object.get(name);
        if (value instanceof JsonNumber n && n.isIntegral()) {
            return n.longValue();
        }
        throw new ProtocolException("The server sent a frame whose \"" + name + "\" is not a whole number.");
    }

    private static Instant instant(JsonObject object, String name) throws ProtocolException {
        try {
            return Instant.parse(string(object, name));
        } catch (DateTimeParseException e) {
            throw new ProtocolException("The server sent a frame whose \"" + name + "\" is not a time.");
        }
    }

    private static List<String> strings(JsonArray array) throws ProtocolException {
        List<String> values = new java.util.ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s)) {
                throw new ProtocolException("The server sent a list of ids that are not strings.");
            }
            values.add(s.getString());
        }
        return List.copyOf(values);
    }

    /** A JSON object as text, for the few places that write JSON outside a frame (the text mode's {@code --json}). */
    public static String write(Map<String, ?> fields) {
        return JSON.createObjectBuilder(fields).build().toString();
    }
}
