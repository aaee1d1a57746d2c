package org.parley.desktop.protocol;

import jakarta.json.JsonObjectBuilder;
import java.util.Collection;

/**
 * The frames this client sends on {@code /ws/client}, and on {@code /ws/control} where the member writes to a colleague
 * as a verified visitor; every value is escaped by the JSON writer.
 */
public final class ClientFrames {

    private ClientFrames() {
    }

    public static String presence(Status status, String personalMessage) {
        JsonObjectBuilder frame = type("presence").add("status", status.wire());
        if (personalMessage != null) {
            frame.add("personalMessage", personalMessage);
        }
        return frame.build().toString();
    }

    public static String message(String id, String conversation, String text) {
        return type("message").add("id", id).add("conversation", conversation).add("text", text).build().toString();
    }

    public static String typing(String conversation, boolean active) {
        return type("typing").add("conversation", conversation).add("state", active ? "active" : "paused").build().toString();
    }

    public static String received(String conversation, long seq, boolean read) {
        return type("received").add("conversation", conversation).add("seq", seq).add("read", read).build().toString();
    }

    public static String close(String id, String conversation) {
        return type("conversation.close").add("id", id).add("conversation", conversation).build().toString();
    }

    /** The most ids one {@code offline.read} names: a full mailbox (500) is marked read in a few frames of 16 KiB or less. */
    public static final int OFFLINE_READ_MOST = 200;

    public static String offlineRead(String id, Collection<String> ids) {
        return type("offline.read").add("id", id).add("ids", ServerFrames.JSON.createArrayBuilder(ids)).build().toString();
    }

    /** Asks for the colleagues who share their presence; {@code contact} frames follow each change. */
    public static String contacts(String id) {
        return type("contacts").add("id", id).build().toString();
    }

    // ---- the visitor socket, where the member writes to a colleague as a verified visitor ----------

    /** A message to the colleague; the conversation starts with the first. */
    public static String visitorMessage(String id, String text) {
        return type("message").add("id", id).add("text", text).build().toString();
    }

    public static String visitorTyping(boolean active) {
        return type("typing").add("state", active ? "active" : "paused").build().toString();
    }

    /** The member was shown the colleague's message {@code seq} ({@code read}: with the conversation in front of them). */
    public static String visitorReceived(long seq, boolean read) {
        return type("received").add("seq", seq).add("read", read).build().toString();
    }

    /** Takes the conversation back on a new socket; Parley replays what came after {@code lastSeq}. */
    public static String resume(String id, String token, long lastSeq) {
        return type("resume").add("id", id).add("token", token).add("lastSeq", lastSeq).build().toString();
    }

    private static JsonObjectBuilder type(String type) {
        return ServerFrames.JSON.createObjectBuilder().add("type", type);
    }
}
