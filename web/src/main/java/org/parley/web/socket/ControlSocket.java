package org.parley.web.socket;

import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.Cid;
import org.parley.account.entity.DirectoryEntry;
import org.parley.consent.boundary.VisitorTickets;
import org.parley.messaging.boundary.Conversations;
import org.parley.messaging.boundary.Delivery;
import org.parley.messaging.boundary.Invitee;
import org.parley.messaging.boundary.Resumed;
import org.parley.messaging.control.TextNormalizer;
import org.parley.messaging.entity.Conversation;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.MessagingRefusedException;
import org.parley.messaging.entity.VisitorIdentity;
import org.parley.presence.boundary.PresenceRegistry;
import org.parley.web.i18n.Markets;
import org.parley.web.rest.PresenceAnswers;
import org.parley.web.view.people.ProfilePasses;
import org.parley.web.json.JsonBuilders;

/**
 * A visitor's socket ({@code /ws/control?invitee=ID[&pt=PASS]}): says hello with the invitee's presence,
 * takes a nickname, relays messages and typing, and resumes a conversation after a reconnect.
 * A visitor signed in to Parley is verified under their own name. A member who does not share on
 * the web is reached only with the pass of their own profile page ({@link ProfilePasses}).
 */
@ServerEndpoint(value = "/ws/control", configurator = Handshake.Pages.class)
public class ControlSocket extends FrameEndpoint {

    /** What a visitor refused for too many open sockets is told to wait before trying again. */
    static final long SOCKETS_RETRY_AFTER_SECONDS = 30;

    private final Conversations conversations;
    private final MemberDirectory directory;
    private final PresenceRegistry presence;
    private final SocketSessions sessions;
    private final SocketLimits limits;
    private final VisitorTickets tickets;
    private final ProfilePasses passes;
    private final int sendQueue;

    private static final Logger LOG = Logger.getLogger(ControlSocket.class.getName());

    /** Whether this socket counts against its address's open sockets. */
    private final AtomicBoolean counted = new AtomicBoolean();
    private String address;
    private Invitee invitee;
    private VisitorIdentity identity;
    private String resumeToken;
    private String conversationId;

    ControlSocket(SocketEndpoints with) {
        conversations = with.conversations;
        directory = with.directory;
        presence = with.presence;
        sessions = with.sessions;
        limits = with.limits;
        tickets = with.tickets;
        passes = with.passes;
        sendQueue = with.sendQueue;
    }

    @OnOpen
    public void open(Session session) {
        outbox = new Outbox(session, sendQueue);
        address = Handshake.Facts.of(session).peer();
        sessions.opened(outbox, SocketKind.VISITOR, address);
        if (!limits.admitVisitor(address)) {
            LOG.info(() -> "Refused a visitor socket from " + address
                    + ": the address has as many open as parley.limits.sockets-per-address allows");
            outbox.sendAndClose(Frames.rateLimited("Too many chats are open from your address; close some first.",
                    SOCKETS_RETRY_AFTER_SECONDS, null), new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many sockets"));
            return;
        }
        counted.set(true);
        String id = first(session, "invitee");
        String pass = first(session, "pt");
        // a valid pass says the control sits on the member's own profile page, which a member may allow without sharing
        boolean onTheirProfile = pass != null && Cid.parse(id).filter(cid -> passes.admits(cid, pass)).isPresent();
        Optional<Invitee> found = Optional.ofNullable(id).flatMap(i -> conversations.invitee(i, onTheirProfile));
        if (found.isEmpty()) {
            outbox.open(Frames.error(MessagingRefusedException.NOT_FOUND, "This member cannot be reached here.", null));
            outbox.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "not_found"));
            return;
        }
        invitee = found.get();
        sessions.identified(outbox, invitee.member().username());
        String ticket = first(session, "dt");
        Optional<VisitorIdentity> vouched = ticket == null ? Optional.empty()
                : tickets.redeem(ticket).flatMap(this::verifiedVisitor);
        identity = vouched.or(() -> Optional.ofNullable(session.getUserPrincipal())
                .flatMap(p -> verifiedVisitor(p.getName()))).orElse(null);
        resumeToken = Conversations.newResumeToken();
        java.util.Locale culture = Markets.resolve(first(session, "mkt"));
        sessions.watch(invitee, outbox, culture);
        // the presence may have changed between the lookup and watching: read it again for the hello
        var now = presence.presenceOf(invitee.member().username());
        JsonObjectBuilder inviteeJson = Frames.presence(now, PresenceAnswers.statusText(now.status(), culture))
                .add("id", directory.publicId(invitee.member()))
                .add("displayName", invitee.member().displayName());
        JsonObjectBuilder visitorJson = JsonBuilders.object().add("verified", identity != null);
        if (identity != null) {
            visitorJson.add("name", identity.name());
        }
        JsonObjectBuilder hello = Frames.type("hello").add("invitee", inviteeJson).add("visitor", visitorJson)
                .add("resume", resumeToken);
        if (onTheirProfile) {
            hello.add("pass", passes.issue(invitee.member().cid())); // for the control's reconnects, after this pass expired
        }
        outbox.open(hello.build().toString());
        if (ticket != null && vouched.isEmpty()) {
            outbox.send(Frames.error("forbidden", "The visitor ticket is not valid (used, expired or unknown).", null));
        }
    }

    @OnMessage(maxMessageSize = Frames.MAX_FRAME)
    public void receive(String text) {
        if (invitee != null) {
            dispatch(text);
        }
    }

    @Override
    protected void handle(Frames.Incoming frame) {
        switch (frame.type()) {
            case "identify" -> identify(frame);
            case "message" -> message(frame);
            case "typing" -> typing(frame);
            case "resume" -> resume(frame);
            case "received" -> received(frame);
            default -> throw unknownType(frame);
        }
    }

    private void identify(Frames.Incoming frame) {
        conversations.countVisitorSignal(conversationId, address);
        if (identity != null && identity.verified()) {
            throw new FrameException("forbidden", "You are signed in; your name is " + identity.name() + ".", frame.id());
        }
        String name = TextNormalizer.nickname(frame.text("name"))
                .orElseThrow(() -> frame.invalid("name: a nickname has 1 to 40 characters."));
        if (conversationId != null) {
            throw new FrameException("forbidden", "The conversation has started; the nickname stays.", frame.id());
        }
        identity = VisitorIdentity.anonymous(name);
        outbox.send(Frames.ack(frame.id()));
    }

    private void message(Frames.Incoming frame) {
        String text = frame.text("text");
        if (identity == null) {
            throw frame.invalid("name: pick a nickname first (identify).");
        }
        if (conversationId == null) {
            Conversation conversation = conversations.start(invitee, identity, address, null, resumeToken);
            conversationId = conversation.id();
            sessions.bindVisitor(conversation, outbox);
        }
        Delivery delivery = conversations.postFromVisitor(conversationId, address, text);
        outbox.send(Frames.ack(frame.id(), delivery.message()));
    }

    private void typing(Frames.Incoming frame) {
        boolean active = frame.typingActive();
        conversations.countVisitorSignal(conversationId, address);
        if (conversationId != null) {
            conversations.typingFromVisitor(conversationId, active);
        }
    }

    /** {@code received {seq, read?}}: the control showed the member's message {@code seq}; no ack, idempotent. */
    private void received(Frames.Incoming frame) {
        long seq = frame.number("seq");
        boolean read = ClientSocket.read(frame);
        if (conversationId == null) {
            throw new MessagingRefusedException(MessagingRefusedException.NOT_FOUND, "There is no conversation yet.");
        }
        conversations.receivedByVisitor(conversationId, seq, read);
    }

    private void resume(Frames.Incoming frame) {
        String token = frame.text("token");
        long lastSeq = frame.number("lastSeq");
        conversations.countVisitorSignal(conversationId, address);
        Resumed resumed = conversations.resume(token, lastSeq);
        Conversation conversation = resumed.conversation();
        if (!conversation.invitee().equals(invitee.member().username())) {
            throw new MessagingRefusedException(MessagingRefusedException.NOT_FOUND, "There is no conversation to resume.");
        }
        if (conversationId != null && !conversationId.equals(conversation.id())) {
            throw new FrameException("forbidden", "This socket has a conversation already.", frame.id());
        }
        conversationId = conversation.id();
        resumeToken = token;
        identity = conversation.visitor();
        sessions.bindVisitor(conversation, outbox);
        List<ConversationMessage> missed = resumed.missed();
        missed.forEach(m -> outbox.send(Frames.messageToVisitor(m)));
        outbox.send(Frames.ackSeq(frame.id(), conversation.lastSeq()));
        resumed.receipts().forEach(r -> outbox.send(Frames.receipt(r.seq(), r.state())));
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
        if (counted.compareAndSet(true, false)) {
            limits.releaseVisitor(address);
        }
        if (invitee != null) {
            sessions.unwatch(invitee.member().username(), outbox);
        }
        if (conversationId != null && sessions.unbindVisitor(conversationId, outbox)) {
            conversations.visitorLeft(conversationId);
        }
    }

    private Optional<VisitorIdentity> verifiedVisitor(String username) {
        return directory.byUsername(username).filter(DirectoryEntry::enabled)
                .map(member -> VisitorIdentity.member(member.displayName(), member.username()));
    }

    static String first(Session session, String name) {
        return session.getRequestParameterMap().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
}
