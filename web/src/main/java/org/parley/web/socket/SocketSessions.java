package org.parley.web.socket;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import jakarta.interceptor.Interceptor;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.stream.Stream;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.MemberChanged;
import org.parley.consent.boundary.Consents;
import org.parley.consent.boundary.VisitorTickets;
import org.parley.consent.entity.AccessTokenRevoked;
import org.parley.consent.entity.BearerIdentity;
import org.parley.consent.entity.ConsentRevoked;
import org.parley.messaging.entity.Conversation;
import org.parley.messaging.boundary.Conversations;
import org.parley.messaging.boundary.Invitee;
import org.parley.messaging.entity.ConversationEnded;
import org.parley.messaging.entity.ConversationEvent;
import org.parley.messaging.entity.ConversationStarted;
import org.parley.messaging.entity.MessagePosted;
import org.parley.messaging.entity.OfflineMessageLeft;
import org.parley.messaging.entity.OfflineMessagesRead;
import org.parley.messaging.entity.Party;
import org.parley.messaging.entity.Reach;
import org.parley.messaging.entity.Receipt;
import org.parley.messaging.entity.VisitorReceipt;
import org.parley.monitoring.entity.DisconnectRequested;
import org.parley.messaging.entity.TypingChanged;
import org.parley.presence.entity.Presence;
import org.parley.presence.boundary.PresenceRegistry;
import org.parley.presence.entity.PresenceChanged;
import org.parley.web.rest.PresenceAnswers;
import org.parley.web.security.ClientAddress;
import org.parley.web.json.JsonBuilders;

/**
 * Every open socket, and who must hear of what: a member's clients hear every event of their
 * conversations and their own presence; a visitor hears their conversation and the presence of
 * the member they visit. Writing goes through each socket's {@link Outbox}, so no event waits
 * for a slow peer. A socket opened with an access token closes when the token ends, as the consent
 * component's events and the token's expiry say ({@link BearerSockets}), without asking the database.
 */
@ApplicationScoped
public class SocketSessions {

    private static final Logger LOG = Logger.getLogger(SocketSessions.class.getName());
    /** What a socket hears when the signed-in session that opened it ends, and what {@code GET /session} answers then. */
    public static final String SESSION_ENDED = "Your session has ended: sign in again.";

    /** Member clients by username, each keyed by client id. */
    private final MemberClients clients = new MemberClients();
    /** Visitor sockets by the member they visit, each with how it reached them and its culture, for presence. */
    private final Map<String, Map<Outbox, VisitorWatch>> watchers = new ConcurrentHashMap<>();
    /** Sockets opened with an access token (member clients, and verified visitors of the desktop client), closed when it ends. */
    private final BearerSockets bearerSockets = new BearerSockets();
    /** Visitor sockets a site's visitor ticket verified, each with the consent it was issued under, closed when that ends. */
    private final BearerSockets ticketSockets = new BearerSockets();
    /** Member clients that connected with a signed-in session, with the member's session generation then. */
    private final Map<Outbox, Integer> sessionClients = new ConcurrentHashMap<>();
    /**
     * The sockets whose caller a signed-in browser session vouched for (console clients, verified visitors), by that
     * session (the container's object for it, one per session: its id changes when the container renews it), closed when
     * it ends ({@link #sessionEnded}).
     */
    private final Map<HttpSession, Set<Outbox>> bySession = new ConcurrentHashMap<>();
    /** Directory pages watching members' presence: by username, each page socket with the id it asked for and its culture. */
    private final Map<String, Map<Outbox, Watch>> presenceWatchers = new ConcurrentHashMap<>();
    /**
     * Striped by username: what a directory page hears of a member (registering, a change, the
     * member vanishing) happens under the member's stripe, so {@code found:false} is the last word.
     */
    private final Object[] pageLocks = Stream.generate(Object::new).limit(64).toArray();

    private record VisitorWatch(Reach reach, Locale culture) {
    }

    /**
     * A directory page watches a member by the id it wrote, which reaches them as an intranet page does while it holds;
     * {@code shown} says whether the page was last told the member is there ({@code found:true}), guarded by the
     * member's stripe.
     */
    private static final class Watch {

        private final String id;
        private final Reach reach;
        private final Locale culture;
        private boolean shown;

        Watch(String id, Reach reach, Locale culture) {
            this.id = id;
            this.reach = reach;
            this.culture = culture;
        }
    }

    /** Member clients that asked for their contacts ({@code contacts}), told of every contact's change. */
    private final Set<Outbox> contactWatchers = ConcurrentHashMap.newKeySet();
    /** Members announced to contact watchers as sharing: only they are later announced as gone, so no other username is ever named. */
    private final Set<String> announcedContacts = ConcurrentHashMap.newKeySet();

    /** The visitor socket of each conversation. */
    private final Map<String, Outbox> visitors = new ConcurrentHashMap<>();

    @EJB
    MemberDirectory directory;

    @Inject
    PresenceAnswers answers;

    @EJB
    PresenceRegistry presences;

    @Inject
    @ConfigProperty(name = "parley.socket.ping-interval", defaultValue = "PT30S")
    Duration pingInterval;

    @Inject
    @ConfigProperty(name = "parley.socket.idle-timeout", defaultValue = "PT90S")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "parley.socket.write-timeout", defaultValue = "PT30S")
    Duration writeTimeout;

    @Inject
    @ConfigProperty(name = "parley.http.request-head-timeout", defaultValue = "PT30S")
    Duration requestHeadTimeout;

    @Inject
    @ConfigProperty(name = "parley.http.connections-per-address", defaultValue = "1000")
    int connectionsPerAddress;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final ConnectionSweep connections = new ConnectionSweep();

    /** Every open socket, for the keep-alive sweep and the admin console's list. */
    private final Map<Outbox, LiveSocket> open = new ConcurrentHashMap<>();

    private ScheduledFuture<?> pinger;

    /** When the last keep-alive sweep ended, from when the sweeps were scheduled ({@link #lastSweep}). */
    private volatile long sweptAt = System.nanoTime();

    @EJB
    Consents consents;

    @EJB
    VisitorTickets tickets;

    @EJB
    Conversations conversations;

    /** Closes the sockets whose access token expired, from memory, every second. */
    private ScheduledFuture<?> expiry;

    @PostConstruct
    void startPinging() {
        if (pingInterval.isNegative() || pingInterval.isZero() || idleTimeout.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("parley.socket.ping-interval must be above zero and below parley.socket.idle-timeout");
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("parley.socket.write-timeout must be above zero");
        }
        if (requestHeadTimeout.isNegative() || requestHeadTimeout.isZero()) {
            throw new IllegalArgumentException("parley.http.request-head-timeout must be above zero");
        }
        if (connectionsPerAddress < 1) {
            throw new IllegalArgumentException("parley.http.connections-per-address must be at least 1");
        }
        sweptAt = System.nanoTime();
        pinger = scheduler.scheduleWithFixedDelay(this::keepAlive, pingInterval.toMillis(), pingInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        expiry = scheduler.scheduleWithFixedDelay(this::closeExpired, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Made with the application, not with its first socket or event: the sweep also ends the HTTP connections that do not
     * ask in time, from the first moment a peer can connect.
     */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        LOG.info(() -> "Sweeping sockets and connections every " + pingInterval.toSeconds() + " s: sockets silent for "
                + idleTimeout.toSeconds() + " s or whose writes are stuck for " + writeTimeout.toSeconds() + " s are closed,"
                + " and so are connections that send no whole request head within " + requestHeadTimeout.toSeconds()
                + " s, or a request body slower than " + ConnectionSweep.SLOWEST_BODY_RATE + " bytes a second after that");
        connections.limit(connectionsPerAddress, ClientAddress.configured().trustedProxies());
    }

    @PreDestroy
    void stopPinging() {
        pinger.cancel(false);
        expiry.cancel(false);
    }

    private void closeExpired() {
        List<Outbox> expired = bearerSockets.expired(Instant.now());
        if (!expired.isEmpty()) {
            LOG.fine(() -> "Closed " + socketCount(expired.size()) + " whose access token expired");
            expired.forEach(SocketSessions::tokenEnded);
        }
    }

    /**
     * A socket opened with the access token of this hash, which its handshake accepted: it is told and closed
     * when the token ends ({@link BearerSockets}). The token is looked up here, once; false, and the socket is
     * closed, if it ended since the handshake.
     */
    public boolean openedWithToken(Outbox outbox, String tokenHash) {
        long announced = bearerSockets.revocations();
        Optional<BearerIdentity> identity = consents.bearerByHash(tokenHash);
        if (identity.isPresent()) {
            bearerSockets.add(outbox, BearerSockets.Token.of(tokenHash, identity.get()));
            // a revocation committed after the look-up but announced before this socket was added missed it: ask again
            if (bearerSockets.revocations() == announced || consents.bearerByHash(tokenHash).isPresent()) {
                return true;
            }
            if (!bearerSockets.remove(outbox)) {
                return false; // the revocation took it after all, and closes it
            }
        }
        tokenEnded(outbox);
        return false;
    }

    /**
     * A visitor socket a site's visitor ticket verified ({@code dt}): it is told and closed, and its conversation ends, when
     * the consent the ticket was issued under ends (revoked by the member, an admin or the site, or the member disabled).
     * False, and the socket is closed, if it ended since the ticket was redeemed.
     */
    public boolean openedWithTicket(Outbox outbox, VisitorTickets.Vouched vouched) {
        long announced = ticketSockets.revocations();
        ticketSockets.add(outbox, BearerSockets.Token.ofTicket(vouched.consentId(), vouched.member()));
        if (ticketSockets.revocations() == announced || tickets.stillVouches(vouched.consentId())) {
            return true;
        }
        if (ticketSockets.remove(outbox)) {
            permissionWithdrawn(outbox);
        }
        return false;
    }

    /** Closes the sockets opened with a token under a consent that was revoked (by the member, an admin, the site, or for reuse). */
    void onConsentRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsentRevoked revoked) {
        tokensEnded(bearerSockets.consentRevoked(revoked.consentId()), revoked.member(), "their consent was revoked");
        ticketsEnded(ticketSockets.consentRevoked(revoked.consentId()), revoked.member(), "the consent was revoked");
    }

    private void ticketsEnded(List<Outbox> sockets, String member, String why) {
        if (!sockets.isEmpty()) {
            LOG.info(() -> "Closed " + socketCount(sockets.size()) + " of visitors a site's visitor ticket verified as '"
                    + member + "', and ended their conversations: " + why);
            sockets.forEach(this::permissionWithdrawn);
        }
    }

    private void permissionWithdrawn(Outbox outbox) {
        verificationEnded(outbox);
        outbox.sendAndClose(Frames.error("forbidden", "The site's permission to vouch for you here was withdrawn.", null),
                new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "consent revoked"));
    }

    /**
     * A visitor socket's verification ended for good: its conversation ends too, so that no other socket resumes it as
     * that member's. A member client's socket has none.
     */
    private void verificationEnded(Outbox socket) {
        visitors.forEach((conversationId, visitor) -> {
            if (visitor == socket) {
                try {
                    conversations.verificationEnded(conversationId);
                } catch (RuntimeException e) {
                    LOG.warning(() -> "The conversation " + conversationId + " of a visitor whose verification ended stays"
                            + " open until the visitor leaves: what no client confirmed could not be stored (" + e + ")");
                }
            }
        });
    }

    /** Closes the sockets opened with an access token that was revoked on its own (RFC 7009). */
    void onAccessTokenRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessTokenRevoked revoked) {
        tokensEnded(bearerSockets.tokenRevoked(revoked.tokenHash()), revoked.member(), "the token was revoked at /oauth/revoke");
    }

    private void tokensEnded(List<Outbox> sockets, String member, String why) {
        if (!sockets.isEmpty()) {
            LOG.info(() -> "Closed " + socketCount(sockets.size()) + " opened with an access token of '" + member + "': " + why);
            sockets.forEach(socket -> {
                verificationEnded(socket);
                tokenEnded(socket);
            });
        }
    }

    private static String socketCount(int count) {
        return count == 1 ? "1 socket" : count + " sockets";
    }

    private static void tokenEnded(Outbox outbox) {
        outbox.sendAndClose(Frames.error("forbidden", "Your access token was revoked or has expired.", null),
                new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "token revoked"));
    }

    /**
     * One sweep over every socket: closes those silent for the idle timeout or whose writes are stuck, and writes a frame
     * to each other one, so that proxies see it in use; then ends the connections that such a close (or any other) left
     * behind with data their peer never takes, and those that never sent a whole request.
     * <p>
     * A socket gets a ping once its peer has been silent for the idle timeout less one and a half sweeps (45 s by
     * default), an unsolicited pong (a heartbeat it does not answer) before that. So a live idle peer is pinged every
     * other sweep, not every sweep: its pong, read and dispatched by the container, is most of what an idle socket
     * costs. A silent peer still gets a ping a whole sweep before the sweep that closes it.
     */
    private void keepAlive() {
        long now = System.nanoTime();
        long idle = idleTimeout.toNanos();
        long ping = Math.max(0, idle - pingInterval.toNanos() * 3 / 2);
        long write = writeTimeout.toNanos();
        open.keySet().forEach(outbox -> outbox.keepAlive(now, idle, ping, write));
        connections.end(writeTimeout, requestHeadTimeout);
        sweptAt = System.nanoTime();
    }

    /**
     * When ({@link System#nanoTime()}) the last keep-alive sweep ended, or the sweeps were scheduled, whichever is later:
     * a sweep every {@code parley.socket.ping-interval}, unless its scheduler is stuck or has dropped it.
     */
    public long lastSweep() {
        return sweptAt;
    }

    /** How often the keep-alive sweep runs ({@code parley.socket.ping-interval}). */
    public Duration sweepInterval() {
        return pingInterval;
    }

    /** A socket opened: it is kept alive (and let go when silent) from now on, and listed for admins. */
    public void opened(Outbox outbox, SocketKind kind, String address) {
        open.put(outbox, new LiveSocket(outbox.session().getId(), kind, address, Instant.now(), null, outbox));
    }

    /** The member a socket belongs to (a member client) or visits (a visitor's), once known. */
    public void identified(Outbox outbox, String member) {
        open.computeIfPresent(outbox, (o, socket) -> socket.of(member));
    }

    /** Every open socket now, from memory. */
    public List<LiveSocket> live() {
        return List.copyOf(open.values());
    }

    /** How many members have a client (desktop or web console) connected now. */
    public int membersOnline() {
        return clients.members();
    }

    /**
     * Closes the socket an administrator disconnected, once that is committed and audited: its peer
     * is told ({@code error} {@code forbidden}) and the socket closes with 1008 "closed by an administrator".
     * A member's client or a visitor's control may connect again, as after any lost connection.
     */
    void onDisconnect(@Observes(during = TransactionPhase.AFTER_SUCCESS) DisconnectRequested request) {
        open.values().stream().filter(socket -> socket.id().equals(request.socketId())).findFirst()
                .ifPresent(socket -> socket.outbox().sendAndClose(
                        Frames.error("forbidden", "An administrator closed this connection.", null),
                        new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "closed by an administrator")));
    }

    /** A socket closed. */
    public void closed(Outbox outbox) {
        if (outbox != null) {
            open.remove(outbox);
            contactWatchers.remove(outbox);
            bearerSockets.remove(outbox);
            ticketSockets.remove(outbox);
            HttpSession signedIn = Handshake.Facts.of(outbox.session()).signedIn();
            if (signedIn != null) {
                bySession.computeIfPresent(signedIn, (session, sockets) -> {
                    sockets.remove(outbox);
                    return sockets.isEmpty() ? null : sockets;
                });
            }
        }
    }

    /**
     * A socket whose caller the browser's signed-in {@code session} vouched for at its handshake (a console client, a
     * verified visitor): it closes when that session ends, however it ends ({@link #sessionEnded}). False, and the
     * socket is closed, if the session ended since the handshake.
     */
    public boolean openedWithSession(Outbox outbox, HttpSession session) {
        bySession.compute(session, (key, sockets) -> {
            Set<Outbox> all = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            all.add(outbox);
            return all;
        });
        try {
            session.getLastAccessedTime(); // throws once the session has been invalidated
            return true;
        } catch (IllegalStateException ended) {
            sessionEnded(session);
            return false;
        }
    }

    /**
     * The browser {@code session} ended (its member signed out, it went unused for the session timeout, or it was
     * invalidated otherwise): each socket it vouched for is told and closes (1008), for what spoke for its caller is gone.
     * The container itself closes only the last socket a session opened, and without a word.
     */
    public void sessionEnded(HttpSession session) {
        Set<Outbox> sockets = bySession.remove(session);
        if (sockets != null) {
            sockets.forEach(this::endedWithItsSession);
        }
    }

    /** Tells a socket that the signed-in session behind it has ended, and closes it (1008); a visitor's conversation ends. */
    private void endedWithItsSession(Outbox socket) {
        verificationEnded(socket);
        socket.sendAndClose(Frames.error("forbidden", SESSION_ENDED, null),
                new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "session ended"));
    }

    /** A member client that listed its contacts hears of each change to them from now on ({@code contact} frames). */
    public void watchContacts(Outbox client, Collection<String> listed) {
        announcedContacts.addAll(listed);
        contactWatchers.add(client);
    }

    /**
     * A member client, unless the member has {@code most} connected already (false, and it is not added): one that
     * signed in with an access token ({@link #openedWithToken}) ends with the token, one of a signed-in session with
     * the session.
     */
    public boolean addClient(String username, String clientId, Outbox outbox, boolean byToken, int most) {
        if (!clients.add(username, clientId, outbox, most)) {
            return false;
        }
        if (!byToken) {
            directory.byUsername(username).ifPresent(member -> sessionClients.put(outbox, member.sessionGeneration()));
        }
        return true;
    }

    /** Forgets a member client; true if it was the member's last one. */
    public boolean removeClient(String username, String clientId) {
        MemberClients.Removal removal = clients.remove(username, clientId);
        if (removal.removed() != null) {
            bearerSockets.remove(removal.removed());
            sessionClients.remove(removal.removed());
        }
        return removal.wasLast();
    }

    /** A visitor's socket hears the invitee's presence, in the visitor's culture, while the way it came {@linkplain Reach#holds holds}. */
    public void watch(Invitee invitee, Outbox visitor, Locale culture) {
        watchers.compute(invitee.member().username(), (u, visitors) -> {
            Map<Outbox, VisitorWatch> all = visitors == null ? new ConcurrentHashMap<>() : visitors;
            all.put(visitor, new VisitorWatch(invitee.reach(), culture));
            return all;
        });
    }

    public void unwatch(String invitee, Outbox visitor) {
        watchers.computeIfPresent(invitee, (u, visitors) -> {
            visitors.remove(visitor);
            return visitors.isEmpty() ? null : visitors;
        });
    }

    /**
     * A directory page watches these members (ids as the page wrote them), instead of what it watched
     * before: it hears {@code presence {id, found:true, …}} for each visible one now and at every change,
     * and {@code presence {id, found:false}} for the others. A member who stops being visible (sharing
     * off, disabled) is told once as {@code found:false} and then nothing of them, until they are visible
     * again, which the page hears as {@code found:true} with their presence, as a new watch would show;
     * one who takes a new CID is never found by the old one again. An id that names no member now is
     * {@code found:false} for good.
     */
    public void watchPresence(Outbox page, List<String> ids, Locale culture) {
        unwatchPresence(page);
        for (String id : ids) {
            Optional<DirectoryEntry> member = directory.byCid(id);
            if (member.isEmpty()) {
                page.send(notFound(id));
                continue;
            }
            String username = member.get().username();
            Watch watch = new Watch(id, new Reach(member.get().cid(), false), culture);
            synchronized (pageLock(username)) {
                // read again under the stripe: what changed meanwhile was announced before the watch was there
                Optional<DirectoryEntry> now = directory.byUsername(username);
                if (now.isEmpty() || !now.get().cid().equals(watch.reach.cid())) {
                    page.send(notFound(id));
                    continue;
                }
                presenceWatchers.compute(username, (u, pages) -> {
                    Map<Outbox, Watch> all = pages == null ? new ConcurrentHashMap<>() : pages;
                    all.put(page, watch);
                    return all;
                });
                watch.shown = watch.reach.holds(now.get());
                page.send(watch.shown ? watchedPresence(id, answers.presenceOf(now), culture) : notFound(id));
            }
        }
    }

    private Object pageLock(String username) {
        return pageLocks[Math.floorMod(username.hashCode(), pageLocks.length)];
    }

    private static String notFound(String id) {
        return Frames.type("presence").add("id", id).add("found", false).build().toString();
    }

    public void unwatchPresence(Outbox page) {
        presenceWatchers.keySet().forEach(username -> presenceWatchers.computeIfPresent(username, (u, pages) -> {
            pages.remove(page);
            return pages.isEmpty() ? null : pages;
        }));
    }

    private static String watchedPresence(String id, Presence presence, Locale culture) {
        return Frames.type("presence").add("id", id).add("found", true)
                .add("status", presence.status().wireName())
                .add("statusText", PresenceAnswers.statusText(presence.status(), culture))
                .build().toString();
    }

    /** This socket is now the visitor's side of the conversation; an earlier socket of theirs is let go. */
    public void bindVisitor(Conversation conversation, Outbox visitor) {
        Outbox previous = visitors.put(conversation.id(), visitor);
        if (previous != null && previous != visitor) {
            previous.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "resumed elsewhere"));
        }
        // it may have ended since the caller looked it up: then its ConversationEnded missed this socket
        String reason = conversation.endReason();
        if (reason != null && visitors.remove(conversation.id(), visitor)) {
            visitor.send(ended(reason));
        }
    }

    /** Forgets the visitor socket of a conversation, if it is still this one; true if it was. */
    public boolean unbindVisitor(String conversationId, Outbox visitor) {
        return visitors.remove(conversationId, visitor);
    }

    void onConversation(@Observes ConversationEvent event) {
        if (event instanceof ConversationStarted started) {
            toClients(started.invitee(), null, Frames.type("conversation.started")
                    .add("conversation", ClientSocket.conversationJson(started.conversationId(), started.visitor(),
                            ClientSocket.cidOf(directory, started.visitor()), started.page(), started.startedAt()))
                    .build().toString());
        } else if (event instanceof MessagePosted posted) {
            if (posted.message().from() == Party.MEMBER) {
                toVisitor(posted.conversationId(), Frames.messageToVisitor(posted.message()));
            }
            toClients(posted.invitee(), posted.originClientId(),
                    Frames.messageToMember(posted.conversationId(), posted.message()));
        } else if (event instanceof TypingChanged typing) {
            String state = typing.active() ? "active" : "paused";
            if (typing.from() == Party.MEMBER) {
                toVisitor(typing.conversationId(), Frames.type("typing").add("state", state).build().toString());
            } else {
                toClients(typing.invitee(), null, Frames.type("typing").add("conversation", typing.conversationId())
                        .add("state", state).build().toString());
            }
        } else if (event instanceof Receipt receipt) {
            toVisitor(receipt.conversationId(), Frames.receipt(receipt.seq(), receipt.state()));
        } else if (event instanceof VisitorReceipt receipt) {
            toClients(receipt.invitee(), null, Frames.type("receipt").add("conversation", receipt.conversationId())
                    .add("seq", receipt.seq()).add("state", receipt.state()).build().toString());
        } else if (event instanceof ConversationEnded ended) {
            Outbox visitor = visitors.remove(ended.conversationId());
            if (visitor != null) {
                visitor.send(ended(ended.reason()));
            }
            toClients(ended.invitee(), null, Frames.type("conversation.ended")
                    .add("conversation", ended.conversationId()).add("reason", ended.reason()).build().toString());
        }
    }

    /** Each frame is written once per culture (and id), however many sockets watch the member. */
    void onPresence(@Observes PresenceChanged change) {
        Presence presence = change.presence();
        Map<Locale, String> toVisitors = new HashMap<>();
        watchers.getOrDefault(change.username(), Map.of()).forEach((visitor, watch) -> visitor.send(toVisitors.computeIfAbsent(
                watch.culture(), culture -> Frames.presenceFrame(presence, PresenceAnswers.statusText(presence.status(), culture)))));
        toClients(change.username(), null, Frames.presenceFrame(presence, presence.status().text()));
        if (!contactWatchers.isEmpty()) {
            directory.byUsername(change.username()).filter(DirectoryEntry::visibleOnTheWeb).ifPresent(member -> {
                announcedContacts.add(member.username());
                String frame = Frames.contact(member, presence).add("type", "contact").build().toString();
                contactWatchers.forEach(client -> client.send(frame));
            });
        }
        Map<List<Object>, String> toPages = new HashMap<>();
        synchronized (pageLock(change.username())) {
            presenceWatchers.getOrDefault(change.username(), Map.of()).forEach((page, watch) -> {
                if (watch.shown) {
                    page.send(toPages.computeIfAbsent(List.of(watch.id, watch.culture),
                            key -> watchedPresence(watch.id, presence, watch.culture)));
                }
            });
        }
    }

    /** A message left on a contact point reaches the connected clients of each member of its list at once. */
    void onOfflineLeft(@Observes(during = TransactionPhase.AFTER_SUCCESS) OfflineMessageLeft left) {
        toClients(left.invitee(), null, Frames.type("offline")
                .add("message", Frames.offlineMessage(left.message(), ClientSocket.cidOf(directory, left.message().getVisitor())))
                .build().toString());
    }

    void onOfflineRead(@Observes(during = TransactionPhase.AFTER_SUCCESS) OfflineMessagesRead read) {
        toClients(read.invitee(), null, Frames.type("offline.read")
                .add("ids", Frames.array().addAll(JsonBuilders.array(read.ids())))
                .build().toString());
    }

    /**
     * Runs after the directory refreshed itself and the conversations that were lost ended: a member
     * who was disabled loses their sockets, and so do the sockets their ended sessions opened (after a
     * new password: the session that set it stays signed in, and its console reconnects); visitors and
     * directory pages that can no longer reach the member the way they came (sharing off, a new CID,
     * disabled) are told {@code not_found} and let go, before anything else is said about the member.
     */
    void onMemberChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                         @Priority(Interceptor.Priority.APPLICATION + 900) MemberChanged change) {
        DirectoryEntry member = directory.byUsername(change.username()).orElse(null);
        if (member == null) {
            return;
        }
        if (!contactWatchers.isEmpty()) {
            String contact = null;
            if (member.visibleOnTheWeb()) {
                announcedContacts.add(member.username());
                contact = Frames.contact(member, presences.presenceOf(member.username())).add("type", "contact").build().toString();
            } else if (announcedContacts.remove(member.username())) {
                contact = Frames.type("contact").add("username", member.username()).add("found", false).build().toString();
            }
            if (contact != null) {
                String frame = contact;
                contactWatchers.forEach(client -> client.send(frame));
            }
        }
        if (!member.enabled()) {
            // after what is queued, such as the ends of the conversations the member just lost
            Collection<Outbox> own = clients.of(member.username()).values();
            own.forEach(client -> client.finish(
                    Frames.error("forbidden", "Your account is disabled.", null),
                    new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "account disabled")));
            // their token dies with the account: the visitor sockets it verified end as at its revocation
            List<Outbox> verified = bearerSockets.memberDisabled(member.username());
            verified.removeAll(own);
            tokensEnded(verified, member.username(), "the account is disabled");
            ticketsEnded(ticketSockets.memberDisabled(member.username()), member.username(), "the account is disabled");
        } else {
            clients.of(member.username()).values().stream()
                    .filter(client -> sessionClients.getOrDefault(client, member.sessionGeneration()) != member.sessionGeneration())
                    .forEach(this::endedWithItsSession);
        }
        watchers.getOrDefault(member.username(), Map.of()).forEach((visitor, watch) -> {
            if (!watch.reach().holds(member)) {
                unwatch(member.username(), visitor);
                visitor.finish(Frames.error("not_found", "This member cannot be reached here.", null),
                        new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "not_found"));
            }
        });
        synchronized (pageLock(member.username())) {
            Map<Outbox, Watch> changed = new HashMap<>();
            presenceWatchers.computeIfPresent(member.username(), (u, pages) -> {
                pages.forEach((page, watch) -> {
                    if (watch.reach.holds(member) != watch.shown) {
                        watch.shown = !watch.shown;
                        changed.put(page, watch);
                    }
                });
                // a new CID: the old one never finds the member again
                pages.values().removeIf(watch -> !watch.reach.cid().equals(member.cid()));
                return pages.isEmpty() ? null : pages;
            });
            if (!changed.isEmpty()) {
                Presence presence = presences.presenceOf(member.username());
                changed.forEach((page, watch) -> page.send(watch.shown
                        ? watchedPresence(watch.id, presence, watch.culture) : notFound(watch.id)));
            }
        }
    }

    private static String ended(String reason) {
        return Frames.type("ended").add("reason", reason).build().toString();
    }

    private void toClients(String username, String exceptClientId, String frame) {
        clients.of(username).forEach((clientId, outbox) -> {
            if (!clientId.equals(exceptClientId)) {
                outbox.send(frame);
            }
        });
    }

    private void toVisitor(String conversationId, String frame) {
        Outbox visitor = visitors.get(conversationId);
        if (visitor != null) {
            visitor.send(frame);
        }
    }
}
