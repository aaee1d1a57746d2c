package org.parley.web.socket;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.boundary.Members;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.MemberSettings;
import org.parley.account.entity.PlainText;
import org.parley.messaging.boundary.Conversations;
import org.parley.messaging.boundary.OfflineMessages;
import org.parley.messaging.entity.Conversation;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.VisitorIdentity;
import org.parley.messaging.entity.VisitorReceipt;
import org.parley.presence.boundary.PresenceRegistry;
import org.parley.presence.entity.Presence;
import org.parley.presence.entity.PresenceStatus;

/**
 * A member's client ({@code /ws/client}): the web console now, the desktop client later.
 * The container lets only a signed-in member through (web.xml); a disabled one is refused at open. Every client of a member
 * sees every conversation event; any of them may answer.
 */
@ServerEndpoint(value = "/ws/client", configurator = Handshake.Members.class)
public class ClientSocket extends FrameEndpoint {

    private static final Logger LOG = Logger.getLogger(ClientSocket.class.getName());
    /**
     * The most offline messages one {@code offline.read} marks read: as many ids (36 characters each) as fit a frame of
     * 16 KiB, the most Parley takes. It was 500, as many as a full mailbox holds, in a frame larger than that, so the
     * console's "Mark all read" on a full mailbox closed its socket (1009); the clients send at most 200 a frame.
     */
    private static final int OFFLINE_READ_IDS = 400;

    private final MemberDirectory directory;
    private final PresenceRegistry presence;
    private final Members members;
    private final Conversations conversations;
    private final OfflineMessages offline;
    private final SocketSessions sessions;
    private final SocketLimits limits;
    private final int sendQueue;

    private final String clientId = UUID.randomUUID().toString();
    private String username;
    /** Set once the client is one of the member's (not refused at open): only then are its frames taken. */
    private boolean admitted;

    ClientSocket(SocketEndpoints with) {
        directory = with.directory;
        presence = with.presence;
        members = with.members;
        conversations = with.conversations;
        offline = with.offline;
        sessions = with.sessions;
        limits = with.limits;
        sendQueue = with.sendQueue;
    }

    @OnOpen
    public void open(Session session) {
        outbox = new Outbox(session, sendQueue);
        Handshake.Facts facts = Handshake.Facts.of(session);
        sessions.opened(outbox, facts.bearerHash() != null ? SocketKind.DESKTOP : SocketKind.CONSOLE, facts.peer());
        Optional<DirectoryEntry> member = Optional.ofNullable(session.getUserPrincipal())
                .flatMap(p -> directory.byUsername(p.getName())).filter(DirectoryEntry::enabled);
        if (member.isEmpty()) {
            outbox.sendAndClose(Frames.error("forbidden", "Sign in first.", null),
                    new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
            return;
        }
        boolean byToken = facts.bearerHash() != null;
        if (byToken && !sessions.openedWithToken(outbox, facts.bearerHash())) {
            return;
        }
        if (facts.signedIn() != null && !sessions.openedWithSession(outbox, facts.signedIn())) {
            return;
        }
        DirectoryEntry me = member.get();
        username = me.username();
        sessions.identified(outbox, username);
        // registered before the welcome is built, so no event falls between the two; the outbox holds them
        int most = limits.clientsPerMember();
        if (!sessions.addClient(username, clientId, outbox, byToken, most)) {
            LOG.info(() -> "Refused a client of '" + me.username() + "' from " + facts.peer() + ": the member has " + most
                    + " connected already, as many as parley.limits.clients-per-member allows");
            outbox.sendAndClose(Frames.rateLimited("You have as many Parley clients connected as allowed; close one first.",
                    ControlSocket.SOCKETS_RETRY_AFTER_SECONDS, null),
                    new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many clients"));
            return;
        }
        admitted = true;
        presence.connect(username, clientId, PresenceStatus.ONLINE, me.personalMessage());
        outbox.open(welcome(me));
    }

    private String welcome(DirectoryEntry me) {
        JsonArrayBuilder open = Frames.array();
        for (Conversation conversation : conversations.openFor(username)) {
            JsonArrayBuilder messages = Frames.array();
            // the member's own messages carry the visitor's latest receipt, so a client that (re)connects shows it right
            Map<Long, String> receipts = conversation.visitorReceipts().stream()
                    .collect(Collectors.toMap(VisitorReceipt::seq, VisitorReceipt::state));
            conversation.liveMessages().forEach(m -> {
                JsonObjectBuilder message = Frames.messageForMember(m);
                Optional.ofNullable(receipts.get(m.seq())).ifPresent(state -> message.add("receipt", state));
                messages.add(message);
            });
            open.add(conversationJson(conversation.id(), conversation.visitor(), cidOf(directory, conversation.visitor()),
                    conversation.page(), conversation.startedAt()).add("messages", messages));
        }
        JsonArrayBuilder unread = Frames.array();
        offline.unread(username).forEach(m -> unread.add(Frames.offlineMessage(m, cidOf(directory, m.getVisitor()))));
        Presence now = presence.presenceOf(username);
        return Frames.type("welcome")
                .add("member", Frames.object().add("cid", me.cid()).add("displayName", me.displayName()))
                .add("presence", Frames.presence(now, now.status().text()))
                .add("conversations", open)
                .add("offline", unread)
                .build().toString();
    }

    /** A verified visitor's CID as it is now (a CID can be rotated; the username stays). */
    static Optional<String> cidOf(MemberDirectory directory, VisitorIdentity visitor) {
        return visitor.username() == null ? Optional.empty()
                : directory.byUsername(visitor.username()).map(DirectoryEntry::cid);
    }

    static JsonObjectBuilder conversationJson(String id, VisitorIdentity visitor, Optional<String> visitorCid, String page,
                                              Instant startedAt) {
        JsonObjectBuilder conversation = Frames.object().add("id", id)
                .add("visitor", Frames.visitor(visitor, visitorCid)).add("startedAt", Frames.time(startedAt));
        if (page != null) {
            conversation.add("page", page);
        }
        return conversation;
    }

    @OnMessage(maxMessageSize = Frames.MAX_FRAME)
    public void receive(String text) {
        if (admitted) {
            dispatch(text);
        }
    }

    @Override
    protected void handle(Frames.Incoming frame) {
        switch (frame.type()) {
            case "presence" -> presence(frame);
            case "message" -> {
                limits.countMemberMessage(username);
                ConversationMessage message = conversations.postFromMember(username, clientId,
                        frame.text("conversation"), frame.text("text"));
                outbox.send(Frames.ack(frame.id(), message));
            }
            case "typing" -> {
                limits.countMemberMessage(username);
                conversations.typingFromMember(username, clientId, frame.text("conversation"), frame.typingActive());
            }
            case "received" -> conversations.received(username, frame.text("conversation"), frame.number("seq"),
                    read(frame));
            case "conversation.close" -> {
                conversations.close(username, frame.text("conversation"));
                outbox.send(Frames.ack(frame.id()));
            }
            case "contacts" -> {
                limits.countMemberRequest(username);
                contacts(frame);
            }
            case "offline.read" -> {
                List<String> ids = frame.texts("ids", OFFLINE_READ_IDS);
                limits.countMemberRequest(username);
                offline.markRead(username, ids);
                outbox.send(Frames.ack(frame.id()));
            }
            default -> throw unknownType(frame);
        }
    }

    /**
     * {@code contacts {id?}} → {@code contacts {id?, contacts:[…]}}: the colleagues who share their presence on
     * the web (the member themself left out) with their live status; {@code contact} frames follow each change.
     */
    private void contacts(Frames.Incoming frame) {
        JsonArrayBuilder list = Frames.array();
        List<String> listed = new ArrayList<>();
        for (DirectoryEntry member : directory.visibleOnTheWeb()) {
            if (!member.username().equals(username)) {
                list.add(Frames.contact(member, presence.presenceOf(member.username())));
                listed.add(member.username());
            }
        }
        sessions.watchContacts(outbox, listed);
        JsonObjectBuilder answer = Frames.type("contacts").add("contacts", list);
        if (frame.id() != null) {
            answer.add("id", frame.id());
        }
        outbox.send(answer.build().toString());
    }

    /** {@code received.read}: true when the reader had the conversation in front of them; absent is false. */
    static boolean read(Frames.Incoming frame) {
        JsonValue read = frame.fields().get("read");
        if (read == null || read == JsonValue.FALSE) {
            return false;
        }
        if (read == JsonValue.TRUE) {
            return true;
        }
        throw frame.invalid("read: true or false.");
    }

    private void presence(Frames.Incoming frame) {
        PresenceStatus status = PresenceStatus.fromWire(frame.text("status"))
                .orElseThrow(() -> frame.invalid("status: one of Online, Busy, Away, BeRightBack, Idle, OnThePhone, OutToLunch, Offline."));
        Optional<String> personalMessage = frame.optionalText("personalMessage").map(PlainText::line);
        if (personalMessage.filter(m -> m.length() > MemberSettings.PERSONAL_MESSAGE_MAX).isPresent()) {
            throw frame.invalid("personalMessage: at most " + MemberSettings.PERSONAL_MESSAGE_MAX + " characters.");
        }
        limits.countMemberRequest(username);
        if (personalMessage.isPresent()) {
            presence.update(username, clientId, status, personalMessage.get(), m -> members.savePersonalMessage(username, m));
        } else {
            presence.update(username, clientId, status);
        }
        if (frame.id() != null) {
            outbox.send(Frames.ack(frame.id()));
        }
    }

    @OnClose
    public void close(Session session) {
        leave();
    }

    @OnError
    public void failed(Session session, Throwable error) {
        leave();
    }

    private void leave() {
        sessions.closed(outbox);
        if (admitted) {
            boolean last = sessions.removeClient(username, clientId);
            presence.disconnect(username, clientId);
            if (last) {
                // told after presence, so a message posted from now on is stored as an offline message instead
                conversations.lastClientLeft(username);
            }
        }
    }
}
