package org.parley.web.socket;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.PlainText;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.OfflineMessage;
import org.parley.messaging.entity.VisitorIdentity;
import org.parley.presence.entity.Presence;
import org.parley.web.json.JsonBuilders;

/** The JSON frames of docs/protocol.md: reading what clients send, writing what the server sends. */
public final class Frames {

    public static final int MAX_FRAME = 16 * 1024;
    public static final int MAX_ID = 64;
    /** No frame of the protocol nests deeper than 3; the parser recurses once per level, so depth is bounded first. */
    public static final int MAX_DEPTH = 16;

    private Frames() {
    }

    /**
     * A frame from a client, with its {@code type} and {@code id} checked; else {@link FrameException}
     * and never anything else, whatever the text. Strings come out well-formed (a lone surrogate
     * becomes U+FFFD), so whatever is echoed can be sent.
     */
    public static Incoming read(String text) {
        if (nestsDeeperThan(MAX_DEPTH, text)) {
            throw new FrameException("bad_frame", "A frame nests at most " + MAX_DEPTH + " levels deep.", null);
        }
        JsonObject frame;
        try (JsonParser parser = JsonBuilders.parser(text)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw notAnObject();
            }
            frame = parser.getObject();
            if (parser.hasNext()) {
                throw notAnObject();
            }
        } catch (FrameException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // whatever the parser throws at text it cannot read is the client's mistake, not the server's
            throw notAnObject();
        }
        String id = null;
        if (frame.containsKey("id")) {
            JsonValue idValue = frame.get("id");
            if (!(idValue instanceof JsonString s) || s.getString().isEmpty() || s.getString().length() > MAX_ID) {
                throw new FrameException("invalid", "id: a string of 1 to " + MAX_ID + " characters.", null);
            }
            id = PlainText.wellFormed(s.getString());
        }
        JsonValue type = frame.get("type");
        if (!(type instanceof JsonString typeName) || typeName.getString().isBlank()) {
            throw new FrameException("bad_frame", "A frame needs a type.", id);
        }
        return new Incoming(PlainText.wellFormed(typeName.getString()), id, frame);
    }

    private static FrameException notAnObject() {
        return new FrameException("bad_frame", "A frame is one JSON object.", null);
    }

    /** Whether the brackets of a JSON text, outside its strings, nest deeper than {@code limit}. */
    static boolean nestsDeeperThan(int limit, String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > limit) {
                    return true;
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return false;
    }

    /** A client frame: its type, its id (may be null) and its fields. */
    public record Incoming(String type, String id, JsonObject fields) {

        public String text(String name) {
            return optionalText(name).orElseThrow(() -> invalid(name + ": required."));
        }

        public Optional<String> optionalText(String name) {
            JsonValue value = fields.get(name);
            if (value == null || value == JsonValue.NULL) {
                return Optional.empty();
            }
            if (value instanceof JsonString s) {
                return Optional.of(PlainText.wellFormed(s.getString()));
            }
            throw invalid(name + ": a string.");
        }

        public long number(String name) {
            JsonValue value = fields.get(name);
            if (value instanceof jakarta.json.JsonNumber n && n.isIntegral() && n.longValue() >= 0) {
                return n.longValue();
            }
            throw invalid(name + ": a whole number, 0 or more.");
        }

        /** The list of strings {@code name}, of at most {@code most}; refused in words naming that bound. */
        public List<String> texts(String name, int most) {
            JsonValue value = fields.get(name);
            if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().size() > most) {
                throw invalid(name + ": a list of at most " + most + " strings.");
            }
            return value.asJsonArray().stream().map(v -> {
                if (v instanceof JsonString s) {
                    return PlainText.wellFormed(s.getString());
                }
                throw invalid(name + ": a list of strings.");
            }).toList();
        }

        /** {@code typing.state}: true for "active", false for "paused". */
        public boolean typingActive() {
            String state = text("state");
            return switch (state) {
                case "active" -> true;
                case "paused" -> false;
                default -> throw invalid("state: \"active\" or \"paused\".");
            };
        }

        public FrameException invalid(String message) {
            return new FrameException("invalid", message, id);
        }
    }

    public static String error(String code, String message, String ref) {
        // the message may quote what the client sent (a field name): only well-formed text can be sent
        JsonObjectBuilder frame = type("error").add("code", code).add("message", PlainText.wellFormed(message));
        if (ref != null) {
            frame.add("ref", ref);
        }
        return frame.build().toString();
    }

    public static String rateLimited(String message, long retryAfterSeconds, String ref) {
        JsonObjectBuilder frame = type("error").add("code", "rate_limited").add("message", PlainText.wellFormed(message))
                .add("retryAfter", retryAfterSeconds);
        if (ref != null) {
            frame.add("ref", ref);
        }
        return frame.build().toString();
    }

    public static String ack(String id) {
        JsonObjectBuilder frame = type("ack");
        if (id != null) {
            frame.add("id", id);
        }
        return frame.build().toString();
    }

    public static String ack(String id, ConversationMessage message) {
        JsonObjectBuilder frame = type("ack");
        if (id != null) {
            frame.add("id", id);
        }
        frame.add("seq", message.seq()).add("at", time(message.at()));
        if (message.queued()) {
            frame.add("queued", true);
        }
        return frame.build().toString();
    }

    public static String ackSeq(String id, long seq) {
        JsonObjectBuilder frame = type("ack").add("seq", seq);
        if (id != null) {
            frame.add("id", id);
        }
        return frame.build().toString();
    }

    /** {@code receipt {seq, state}} to the visitor: a member's client showed ("delivered") or the member read their message. */
    public static String receipt(long seq, String state) {
        return type("receipt").add("seq", seq).add("state", state).build().toString();
    }

    /**
     * An offline message as a member's client shows it: {@code {id, at, visitor, text}}, and for one left
     * on a contact point {@code contact {name, title}} and {@code replyTo} when the visitor gave one.
     */
    public static JsonObjectBuilder offlineMessage(OfflineMessage message, Optional<String> visitorCid) {
        JsonObjectBuilder object = object().add("id", message.getId()).add("at", time(message.getSentAt()))
                .add("visitor", visitor(message.getVisitor(), visitorCid)).add("text", message.getText());
        if (message.getContactPoint() != null) {
            object.add("contact", object().add("name", message.getContactPoint()).add("title", message.getContactTitle()));
        }
        if (message.getReplyTo() != null) {
            object.add("replyTo", message.getReplyTo());
        }
        return object;
    }

    public static JsonObjectBuilder presence(Presence presence, String statusText) {
        JsonObjectBuilder object = JsonBuilders.object()
                .add("status", presence.status().wireName()).add("statusText", statusText);
        if (presence.personalMessage() != null) {
            object.add("personalMessage", presence.personalMessage());
        }
        return object;
    }

    public static String presenceFrame(Presence presence, String statusText) {
        JsonObjectBuilder frame = presence(presence, statusText).add("type", "presence");
        return frame.build().toString();
    }

    /**
     * A colleague in a member's contact list: {@code {cid, username, displayName, status, statusText,
     * personalMessage?, found:true}} — what intranet pages may see of them anyway (they share on the web).
     */
    public static JsonObjectBuilder contact(DirectoryEntry member, Presence presence) {
        return presence(presence, presence.status().text()).add("cid", member.cid()).add("username", member.username())
                .add("displayName", member.displayName()).add("found", true);
    }

    /**
     * {@code {name, verified, username?, cid?}}: a verified visitor's username and current CID tell
     * them apart from anyone who took their name ({@code cid} is absent for an anonymous visitor, and
     * for a verified one who is no longer a member).
     */
    public static JsonObjectBuilder visitor(VisitorIdentity visitor, Optional<String> cid) {
        JsonObjectBuilder json = JsonBuilders.object().add("name", visitor.name()).add("verified", visitor.verified());
        if (visitor.username() != null) {
            json.add("username", visitor.username());
            cid.ifPresent(id -> json.add("cid", id));
        }
        return json;
    }

    /** A message as a visitor sees it: {@code from} is "visitor" or "invitee". */
    public static String messageToVisitor(ConversationMessage message) {
        return type("message").add("seq", message.seq()).add("at", time(message.at()))
                .add("from", message.from() == org.parley.messaging.entity.Party.VISITOR ? "visitor" : "invitee")
                .add("text", message.text()).build().toString();
    }

    /** A message as a member's client sees it: {@code from} is "visitor" or "member". */
    public static JsonObjectBuilder messageForMember(ConversationMessage message) {
        return JsonBuilders.object().add("seq", message.seq()).add("at", time(message.at()))
                .add("from", message.from() == org.parley.messaging.entity.Party.VISITOR ? "visitor" : "member")
                .add("text", message.text());
    }

    public static String messageToMember(String conversationId, ConversationMessage message) {
        return messageForMember(message).add("type", "message").add("conversation", conversationId).build().toString();
    }

    public static JsonObjectBuilder object() {
        return JsonBuilders.object();
    }

    public static JsonArrayBuilder array() {
        return JsonBuilders.array();
    }

    public static JsonObjectBuilder type(String type) {
        return JsonBuilders.object().add("type", type);
    }

    public static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
