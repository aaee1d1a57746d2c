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
import org.parley.contact.boundary.ContactDirectory;
import org.parley.contact.entity.ContactPointDraft;
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
 * A visitor's socket ({@code /ws/control?invitee=ID[&pt=PASS]} or {@code ?contact=NAME}): says hello with
 * the invitee's presence, takes a nickname, relays messages and typing, and resumes a conversation after
 * a reconnect. A visitor signed in to Parley (a browser's session, or the desktop client's access token) is
 * verified under their own name; a socket verified by a token closes when the token ends. A member who does not
 * share on the web is reached only with the pass of their own profile page ({@link ProfilePasses}).
 * A contact point's socket is routed at its opening to the point's first available member
 * ({@link ContactDirectory#route}); its hello carries {@code reconnect}, the query that brings the
 * control's reconnects back to that same member (with a pass for {@code NAME/CID}), so a conversation
 * stays with its member while the next visitor may be routed elsewhere.
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
    private final ContactDirectory contacts;
    private final int sendQueue;

    private static final Logger LOG = Logger.getLogger(ControlSocket.class.getName());

    /** Whether this socket counts against its address's open sockets. */
    private final AtomicBoolean counted = new AtomicBoolean();
    private String address;
    private Invitee invitee;
    private VisitorIdentity identity;
    private String resumeToken;
    private String conversationId;
    /** The contact point this socket came through, or null. */
    private String contact;
    private java.util.Locale culture;

    ControlSocket(SocketEndpoints with) {
        conversations = with.conversations;
        directory = with.directory;
        presence = with.presence;
        sessions = with.sessions;
        limits = with.limits;
        tickets = with.tickets;
        passes = with.passes;
        contacts = with.contacts;
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
        contact = Optional.ofNullable(first(session, "contact")).filter(ContactPointDraft::validName).orElse(null);
        boolean onTheirProfile = false;
        Optional<Invitee> found;
        if (contact != null) {
            // a reconnect comes back to the member the contact point routed to; a new visitor is routed now
            boolean routedBefore = id != null && pass != null
                    && Cid.parse(id).filter(cid -> passes.admits(contactSubject(contact, cid), pass)).isPresent();
            found = routedBefore ? conversations.inviteeThroughContact(id, contact) : contacts.route(contact);
        } else {
            // a valid pass says the control sits on the member's own profile page, which a member may allow without sharing
            onTheirProfile = pass != null && Cid.parse(id).filter(cid -> passes.admits(cid, pass)).isPresent();
            boolean profile = onTheirProfile;
            found = Optional.ofNullable(id).flatMap(i -> conversations.invitee(i, profile));
        }
        if (found.isEmpty()) {
            outbox.open(Frames.error(MessagingRefusedException.NOT_FOUND, contact != null
                    ? "Nobody can be reached here now." : "This member cannot be reached here.", null));
            outbox.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "not_found"));
            return;
        }
        invitee = found.get();
        sessions.identified(outbox, invitee.member().username());
        String ticket = first(session, "dt");
        Optional<VisitorTickets.Vouched> redeemed = ticket == null ? Optional.empty() : tickets.redeem(ticket);
        Optional<VisitorIdentity> vouched = redeemed.flatMap(v -> verifiedVisitor(v.member()));
        // the principal is the signed-in session's member, or the member of the desktop client's access token (TokenPaths)
        identity = vouched.or(() -> Optional.ofNullable(session.getUserPrincipal())
                .flatMap(p -> verifiedVisitor(p.getName()))).orElse(null);
        Handshake.Facts facts = Handshake.Facts.of(session);
        if (facts.bearerHash() != null && !sessions.openedWithToken(outbox, facts.bearerHash())) {
            return;
        }
        // verified by the browser's signed-in session: it ends with that session, as one verified by a token with the token
        if (vouched.isEmpty() && identity != null && facts.signedIn() != null
                && !sessions.openedWithSession(outbox, facts.signedIn())) {
            return;
        }
        // verified by a site's visitor ticket: it ends with the consent the ticket was issued under
        if (vouched.isPresent() && !sessions.openedWithTicket(outbox, redeemed.get())) {
            return;
        }
        resumeToken = Conversations.newResumeToken();
        culture = Markets.resolve(first(session, "mkt"));
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
        if (contact != null) {
            hello.add("reconnect", reconnectQuery());
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
                .orElseThrow(() -> frame.invalid("name: a nickname has 1 to 40 characters, not all of them invisible."));
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
            rejoin(conversation);
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

    /**
     * A contact point's visitor resumes a conversation that went to another member of the point than
     * this socket was routed to (a reload after the routing changed): the socket follows the conversation.
     * Any other conversation with someone else is none of this socket's.
     */
    private void rejoin(Conversation conversation) {
        Invitee member = Optional.ofNullable(contact).filter(c -> c.equals(conversation.reach().contact()))
                .flatMap(c -> conversations.inviteeThroughContact(conversation.reach().cid(), c))
                .filter(i -> i.member().username().equals(conversation.invitee()))
                .orElseThrow(() -> new MessagingRefusedException(MessagingRefusedException.NOT_FOUND,
                        "There is no conversation to resume."));
        sessions.unwatch(invitee.member().username(), outbox);
        invitee = member;
        sessions.watch(invitee, outbox, culture);
        var now = presence.presenceOf(invitee.member().username());
        outbox.send(Frames.presence(now, PresenceAnswers.statusText(now.status(), culture))
                .add("displayName", invitee.member().displayName()).add("reconnect", reconnectQuery())
                .add("type", "presence").build().toString());
    }

    /** What a contact point's control reconnects with: this member, the point, a pass for both, the culture. */
    private String reconnectQuery() {
        String cid = invitee.member().cid();
        return "invitee=" + cid + "&contact=" + contact + "&pt=" + passes.issue(contactSubject(contact, cid))
                + "&mkt=" + culture.toLanguageTag();
    }

    /** What a contact point's pass is issued for: never a CID alone, so it opens no profile's reach. */
    static String contactSubject(String contact, String cid) {
        return contact + "/" + cid;
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
