package org.parley.desktop.session;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.parley.desktop.protocol.ClientFrames;
import org.parley.desktop.protocol.Line;
import org.parley.desktop.protocol.Presence;
import org.parley.desktop.protocol.ProtocolException;
import org.parley.desktop.protocol.ServerFrame;
import org.parley.desktop.protocol.ServerFrames;
import org.parley.desktop.protocol.Status;
import org.parley.desktop.protocol.Visitor;

/**
 * The member's live session with Parley. Every public method may be called from any thread: it
 * hands its work to the session's own thread ({@link Scheduler}), where all state lives, and
 * returns at once. Blocking token requests run on {@code io}; sockets report through the
 * {@link Transport}. So no caller, the Swing event thread least of all, ever waits on the network.
 */
public final class Session {

    /** Close code the server uses when the socket's token was revoked or expired (or the member disabled). */
    static final int POLICY_VIOLATION = 1008;
    /** How the chat id of a conversation the member started with a colleague begins (then their username). */
    static final String OUTGOING_PREFIX = "to:";
    /** Why a conversation the member started ended when they closed it themselves. */
    static final String LEFT = "left";
    /** Renew the access token this long before it expires at most (less for short-lived tokens). */
    static final Duration REFRESH_LEAD = Duration.ofMinutes(5);

    private final Scheduler scheduler;
    private final Executor io;
    private final Transport transport;
    private final Credentials credentials;
    private final URI endpoint;
    private final Backoff backoff;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    private ConnectionState state = ConnectionState.CONNECTING;
    private String notice = "Connecting…";
    private String cid;
    private String displayName;
    private Presence presence;
    private final Map<String, Chat> chats = new LinkedHashMap<>();
    private List<ServerFrame.OfflineNote> offline = List.of();
    private final Set<String> unknownTypes = new HashSet<>();
    private final Map<String, ServerFrame.Contact> contacts = new LinkedHashMap<>();
    /** The conversations the member started with colleagues, by chat id; their chats are in {@link #chats} too. */
    private final Map<String, Outgoing> outgoing = new LinkedHashMap<>();

    /** The socket in use; {@code joining} is a newer one waiting for its welcome (a reconnect after a token renewal). */
    private Transport.Link link;
    private Transport.Link joining;
    private boolean connecting;
    private boolean refreshedForThisAttempt;
    private Runnable refreshTimer;
    private Runnable retryTimer;

    private Status chosen;
    private String chosenMessage;
    private Status automatic;
    private String viewing;
    private long nextId;

    public Session(URI endpoint, Transport transport, Credentials credentials, Scheduler scheduler, Executor io, Backoff backoff) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.credentials = credentials;
        this.scheduler = scheduler;
        this.io = io;
        this.backoff = backoff;
    }

    /** A session with the real socket, thread and timing: reconnects wait 0.5 s at first, doubling up to 30 s. */
    public static Session live(URI server, Credentials credentials) {
        Executor io = java.util.concurrent.Executors.newSingleThreadExecutor(Daemons.named("parley-tokens"));
        return new Session(WebSocketTransport.endpointOf(server), new WebSocketTransport(), credentials, new SessionThread(), io,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), java.util.random.RandomGenerator.getDefault()));
    }

    /** Adds a listener; it is told where the session stands at once (a listener may come after the start). */
    public void addListener(SessionListener listener) {
        listeners.add(listener);
        scheduler.execute(() -> listener.changed(snapshot(), new SessionEvent.StateChanged(state, notice)));
    }

    // ---- what the member does -------------------------------------------------------------------

    public void start() {
        scheduler.execute(this::connect);
    }

    /** Chooses a status (and, unless null, a personal message); kept and sent again after every reconnect. */
    public void choose(Status status, String personalMessage) {
        scheduler.execute(() -> {
            chosen = status;
            if (personalMessage != null) {
                chosenMessage = personalMessage;
            }
            sendPresence();
        });
    }

    /** The status the computer's idleness calls for ({@code null}: the member is back). Applies only while the chosen status is Online. */
    public void automatic(Status status) {
        scheduler.execute(() -> {
            if (status == automatic) {
                return;
            }
            automatic = status;
            sendPresence();
        });
    }

    /** The member typed a message: it is shown at once as "sending" and kept until the server acknowledges it, across reconnects. */
    public void send(String chatId, String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        scheduler.execute(() -> {
            Chat chat = chats.get(chatId);
            if (chat == null || chat.endedReason != null) {
                emit(new SessionEvent.Notice("That conversation has ended; the message was not sent."));
                return;
            }
            Entry entry = chat.type("m" + (++nextId), trimmed, scheduler.now());
            read(chat);
            emit(new SessionEvent.MessageShown(chatId, entry));
            Outgoing mine = outgoing.get(chatId);
            if (mine != null) {
                mine.send(entry);
            } else if (state == ConnectionState.ONLINE) {
                link.send(ClientFrames.message(entry.localId(), chatId, trimmed));
            }
        });
    }

    public void typing(String chatId, boolean active) {
        scheduler.execute(() -> {
            Outgoing mine = outgoing.get(chatId);
            if (mine != null) {
                mine.typing(active);
            } else if (state == ConnectionState.ONLINE && chats.containsKey(chatId) && chats.get(chatId).endedReason == null) {
                link.send(ClientFrames.typing(chatId, active));
            }
        });
    }

    /** The conversation the member has in front of them ({@code null}: none): its visitor messages count as read. */
    public void viewing(String chatId) {
        scheduler.execute(() -> {
            viewing = chatId;
            Chat chat = chatId == null ? null : chats.get(chatId);
            if (chat != null) {
                read(chat);
            }
        });
    }

    /** Marks a conversation read once (the text mode does so when the member answers it). */
    public void markRead(String chatId) {
        scheduler.execute(() -> Optional.ofNullable(chats.get(chatId)).ifPresent(this::read));
    }

    /** Closes an open conversation; an ended one is taken off the list. */
    public void close(String chatId) {
        scheduler.execute(() -> {
            Chat chat = chats.get(chatId);
            if (chat == null) {
                return;
            }
            if (chat.endedReason != null) {
                chats.remove(chatId);
                outgoing.remove(chatId);
                emit(new SessionEvent.ChatEnded(chatId, chat.endedReason));
            } else if (outgoing.containsKey(chatId)) {
                outgoing.get(chatId).leave(LEFT);
            } else if (state == ConnectionState.ONLINE) {
                link.send(ClientFrames.close("c" + (++nextId), chatId));
            } else {
                emit(new SessionEvent.Notice("Not connected: the conversation can be closed once Parley is back."));
            }
        });
    }

    public void markOfflineRead(Collection<String> ids) {
        List<String> wanted = List.copyOf(ids);
        scheduler.execute(() -> {
            if (state != ConnectionState.ONLINE) {
                emit(new SessionEvent.Notice("Not connected: offline messages can be marked read once Parley is back."));
                return;
            }
            for (int from = 0; from < wanted.size(); from += ClientFrames.OFFLINE_READ_MOST) {
                link.send(ClientFrames.offlineRead("o" + (++nextId),
                        wanted.subList(from, Math.min(wanted.size(), from + ClientFrames.OFFLINE_READ_MOST))));
            }
            dropOffline(wanted);
        });
    }

    /**
     * Starts a conversation with a colleague (or shows the one open with them), in which the member writes as a
     * verified visitor; answers its chat id at once. Its socket opens now, or once the member's own socket is back.
     */
    public String chatWith(ServerFrame.Contact contact) {
        String chatId = OUTGOING_PREFIX + contact.username();
        scheduler.execute(() -> {
            Chat open = chats.get(chatId);
            if (open != null && open.endedReason == null) {
                return;
            }
            chats.remove(chatId);
            Chat chat = new Chat(chatId, new Visitor(contact.displayName(), true, contact.username(), contact.cid()), null,
                    scheduler.now(), true);
            chats.put(chatId, chat);
            Outgoing started = new Outgoing(this, chat, endpoint.resolve("control?invitee=" + contact.cid()), backoff.fresh());
            outgoing.put(chatId, started);
            emit(new SessionEvent.ChatStarted(chatId));
            if (state == ConnectionState.ONLINE) {
                started.connect();
            }
        });
        return chatId;
    }

    /** Ends the session: the socket closes and nothing reconnects. */
    public void stop() {
        scheduler.execute(() -> {
            cancelTimers();
            state = ConnectionState.STOPPED;
            closeLinks();
            outgoing.values().forEach(Outgoing::closeLink);
            emit(new SessionEvent.StateChanged(state, "Signed out."));
        });
    }

    // ---- connecting -----------------------------------------------------------------------------

    private void connect() {
        if (connecting || state == ConnectionState.STOPPED || state == ConnectionState.SIGNED_OUT) {
            return;
        }
        AccessToken token = credentials.current();
        if (token == null || !token.expiresAt().isAfter(scheduler.now().plusSeconds(10))) {
            renew();
            return;
        }
        connecting = true;
        transport.connect(endpoint, token.value(), new LinkListener());
    }

    /** A new access token, then a socket with it; the current socket (if any) stays until the new one is welcomed. */
    private void renew() {
        if (connecting) {
            return;
        }
        connecting = true;
        io.execute(() -> {
            try {
                credentials.refresh();
                scheduler.execute(() -> {
                    connecting = false;
                    refreshedForThisAttempt = true;
                    connect();
                });
            } catch (SignedOutException e) {
                scheduler.execute(() -> signedOut(e.getMessage()));
            } catch (IOException e) {
                scheduler.execute(() -> {
                    connecting = false;
                    retryLater("Cannot reach Parley to renew the sign-in (" + e.getMessage() + ").");
                });
            }
        });
    }

    private final class LinkListener implements Transport.Listener {

        @Override
        public void opened(Transport.Link opened) {
            scheduler.execute(() -> {
                connecting = false;
                if (state == ConnectionState.STOPPED || state == ConnectionState.SIGNED_OUT) {
                    opened.close();
                    return;
                }
                joining = opened;
            });
        }

        @Override
        public void text(Transport.Link from, String text) {
            scheduler.execute(() -> received(from, text));
        }

        @Override
        public void closed(Transport.Link closed, int code, String reason) {
            scheduler.execute(() -> lost(closed, code));
        }

        @Override
        public void refused(Transport.Refusal refusal, String sentence) {
            scheduler.execute(() -> {
                connecting = false;
                if (refusal == Transport.Refusal.UNAUTHORIZED) {
                    if (refreshedForThisAttempt) {
                        signedOut("You were signed out: Parley does not accept this client's sign-in any more. Sign in again.");
                    } else {
                        renew();
                    }
                    return;
                }
                retryLater(sentence);
            });
        }
    }

    private void lost(Transport.Link closed, int code) {
        if (closed == joining) {
            joining = null;
        } else if (closed == link) {
            link = null;
        } else {
            return; // a socket already let go
        }
        if (link != null || joining != null || state == ConnectionState.STOPPED || state == ConnectionState.SIGNED_OUT) {
            return;
        }
        if (code == POLICY_VIOLATION) {
            refreshedForThisAttempt = false;
            changeState(ConnectionState.RECONNECTING, "Parley ended the connection; renewing the sign-in…");
            renew();
        } else {
            retryLater("The connection to Parley was lost.");
        }
    }

    private void retryLater(String why) {
        if (state == ConnectionState.STOPPED || state == ConnectionState.SIGNED_OUT) {
            return;
        }
        Duration wait = backoff.next();
        changeState(ConnectionState.RECONNECTING, why + " Trying again in " + Math.max(1, Math.round(wait.toMillis() / 1000.0))
                + " s; nothing you type is lost.");
        if (retryTimer != null) {
            retryTimer.run();
        }
        retryTimer = scheduler.schedule(this::connect, wait);
    }

    private void signedOut(String sentence) {
        cancelTimers();
        connecting = false;
        closeLinks();
        outgoing.values().forEach(Outgoing::closeLink);
        changeState(ConnectionState.SIGNED_OUT, sentence);
    }

    private void scheduleRefresh() {
        if (refreshTimer != null) {
            refreshTimer.run();
        }
        AccessToken token = credentials.current();
        Duration left = Duration.between(scheduler.now(), token.expiresAt());
        Duration lead = left.dividedBy(6).compareTo(REFRESH_LEAD) < 0 ? left.dividedBy(6) : REFRESH_LEAD;
        refreshTimer = scheduler.schedule(() -> {
            refreshTimer = null;
            refreshedForThisAttempt = false;
            renew();
        }, left.minus(lead));
    }

    // ---- frames from the server -----------------------------------------------------------------

    private void received(Transport.Link from, String text) {
        if (from != link && from != joining) {
            return;
        }
        ServerFrame frame;
        try {
            frame = ServerFrames.decode(text);
        } catch (ProtocolException e) {
            emit(new SessionEvent.Notice(e.getMessage() + " It was ignored."));
            return;
        }
        if (frame instanceof ServerFrame.Welcome welcome) {
            if (from == joining) {
                Transport.Link old = link;
                link = joining;
                joining = null;
                if (old != null) {
                    old.close();
                }
            }
            welcome(welcome);
            return;
        }
        if (from != link) {
            return; // the new socket's frames count from its welcome on
        }
        if (frame instanceof ServerFrame.PresenceChanged p) {
            presence = p.presence();
            emit(new SessionEvent.PresenceChanged(presence));
        } else if (frame instanceof ServerFrame.ConversationStarted started) {
            Chat chat = open(started.conversation());
            emit(new SessionEvent.ChatStarted(chat.id));
            started.conversation().messages().forEach(line -> show(chat, line, true));
        } else if (frame instanceof ServerFrame.Message message) {
            Optional.ofNullable(chats.get(message.conversation())).ifPresent(chat -> show(chat, message.line(), true));
        } else if (frame instanceof ServerFrame.Typing typing) {
            Optional.ofNullable(chats.get(typing.conversation())).ifPresent(chat -> {
                chat.visitorTyping = typing.active();
                emit(new SessionEvent.Typing(chat.id, typing.active()));
            });
        } else if (frame instanceof ServerFrame.ConversationEnded ended) {
            Optional.ofNullable(chats.get(ended.conversation())).ifPresent(chat -> end(chat, ended.reason()));
        } else if (frame instanceof ServerFrame.Ack ack) {
            acknowledged(ack);
        } else if (frame instanceof ServerFrame.Error error) {
            error(error);
        } else if (frame instanceof ServerFrame.OfflineLeft left) {
            if (offline.stream().noneMatch(note -> note.id().equals(left.message().id()))) {
                List<ServerFrame.OfflineNote> now = new ArrayList<>(offline);
                now.add(left.message());
                offline = List.copyOf(now);
                emit(new SessionEvent.OfflineArrived(left.message()));
            }
        } else if (frame instanceof ServerFrame.OfflineRead read) {
            dropOffline(read.ids());
        } else if (frame instanceof ServerFrame.Receipt receipt) {
            Optional.ofNullable(chats.get(receipt.conversation())).flatMap(chat -> chat.seenByVisitor(receipt.seq(), receipt.read())
                    .map(entry -> new SessionEvent.DeliveryChanged(chat.id, entry))).ifPresent(this::emit);
        } else if (frame instanceof ServerFrame.Contacts list) {
            contacts.clear();
            list.contacts().forEach(c -> contacts.put(c.username(), c));
            emit(new SessionEvent.ContactsChanged(contactList()));
        } else if (frame instanceof ServerFrame.ContactChanged changed
                && (changed.contact() == null || !changed.contact().cid().equals(cid))) { // the member is no contact of their own
            if (changed.contact() == null) {
                contacts.remove(changed.username());
            } else {
                contacts.put(changed.username(), changed.contact());
            }
            emit(new SessionEvent.ContactsChanged(contactList()));
        } else if (frame instanceof ServerFrame.Unknown unknown && unknownTypes.add(unknown.type())) {
            emit(new SessionEvent.Notice("Parley sent a \u201c" + unknown.type()
                    + "\u201d frame this client does not know; it was ignored (a newer client may show it)."));
        }
    }

    private void welcome(ServerFrame.Welcome welcome) {
        backoff.reset();
        refreshedForThisAttempt = false;
        if (retryTimer != null) {
            retryTimer.run();
            retryTimer = null;
        }
        cid = welcome.cid();
        displayName = welcome.displayName();
        presence = welcome.presence();
        offline = welcome.offline();
        changeState(ConnectionState.ONLINE, "Signed in as " + displayName + ".");
        emit(new SessionEvent.SignedIn(cid, displayName));
        Set<String> open = new HashSet<>();
        for (ServerFrame.Opened opened : welcome.conversations()) {
            open.add(opened.id());
            boolean known = chats.containsKey(opened.id());
            Chat chat = open(opened);
            if (!known) {
                emit(new SessionEvent.ChatStarted(chat.id));
            }
            for (Line line : opened.messages()) {
                if (!line.theirs()) {
                    Optional<String> mine = chat.typedMatching(line);
                    if (mine.isPresent()) {
                        chat.acknowledged(mine.get(), line.seq(), line.at(), false)
                                .ifPresent(entry -> emit(new SessionEvent.DeliveryChanged(chat.id, entry)));
                        continue;
                    }
                }
                show(chat, line, false);
            }
            // the visitor's receipts of the member's messages, which may have come while this client had no socket
            opened.seen().forEach((seq, read) -> chat.seenByVisitor(seq, read)
                    .ifPresent(entry -> emit(new SessionEvent.DeliveryChanged(chat.id, entry))));
            // every visitor message shown is confirmed again on every new socket (one sent just before a drop may be lost)
            for (long seq : chat.visitorSeqs()) {
                link.send(ClientFrames.received(chat.id, seq, chat.isRead(seq)));
            }
        }
        for (Chat chat : List.copyOf(chats.values())) {
            if (!chat.outgoing && !open.contains(chat.id) && chat.endedReason == null) {
                end(chat, "ended");
            }
        }
        emit(new SessionEvent.OfflineChanged(offline));
        link.send(ClientFrames.contacts("contacts"));
        if (chosen != null || automatic != null || chosenMessage != null) {
            sendPresence();
        }
        for (Chat chat : chats.values()) {
            if (!chat.outgoing) {
                chat.unsent().forEach(entry -> link.send(ClientFrames.message(entry.localId(), chat.id, entry.text())));
            }
        }
        outgoing.values().forEach(Outgoing::connect); // back after a drop, or on the renewed token
        scheduleRefresh();
    }

    private Chat open(ServerFrame.Opened opened) {
        return chats.computeIfAbsent(opened.id(), id -> new Chat(id, opened.visitor(), opened.page(), opened.startedAt(), false));
    }

    /** Shows a line; a visitor's is confirmed to the server at once ({@code received}, read if the member is looking). */
    private void show(Chat chat, Line line, boolean confirm) {
        boolean looking = chat.id.equals(viewing);
        chat.add(line, looking).ifPresent(entry -> {
            if (line.theirs()) {
                chat.visitorTyping = false;
                if (confirm) {
                    link.send(ClientFrames.received(chat.id, line.seq(), looking));
                }
            }
            emit(new SessionEvent.MessageShown(chat.id, entry));
        });
    }

    private void read(Chat chat) {
        Outgoing mine = outgoing.get(chat.id);
        if (mine != null) {
            mine.read();
            emit(new SessionEvent.ChatRead(chat.id));
            return;
        }
        List<Long> now = chat.readAll();
        if (now.isEmpty()) {
            return;
        }
        if (state == ConnectionState.ONLINE) {
            now.forEach(seq -> link.send(ClientFrames.received(chat.id, seq, true)));
        }
        emit(new SessionEvent.ChatRead(chat.id));
    }

    void end(Chat chat, String reason) {
        chat.endedReason = reason;
        chat.visitorTyping = false;
        for (Entry entry : chat.unsent()) {
            chat.failed(entry.localId()).ifPresent(failed -> emit(new SessionEvent.DeliveryChanged(chat.id, failed)));
        }
        emit(new SessionEvent.ChatEnded(chat.id, reason));
    }

    private void acknowledged(ServerFrame.Ack ack) {
        if (ack.id() == null || ack.seq() == 0) {
            return;
        }
        for (Chat chat : chats.values()) {
            Optional<Entry> sent = chat.acknowledged(ack.id(), ack.seq(), ack.at(), false);
            if (sent.isPresent()) {
                emit(new SessionEvent.DeliveryChanged(chat.id, sent.get()));
                return;
            }
        }
    }

    private void error(ServerFrame.Error error) {
        Optional<Chat> owner = error.ref() == null ? Optional.empty()
                : chats.values().stream().filter(c -> c.waiting(error.ref())).findFirst();
        if (owner.isPresent()) {
            Chat chat = owner.get();
            if (error.code().equals("rate_limited") || error.code().equals("server_error")) {
                String localId = error.ref();
                long wait = Math.max(1, error.retryAfterSeconds());
                scheduler.schedule(() -> resend(chat, localId), Duration.ofSeconds(wait));
                emit(new SessionEvent.Notice("Parley asked to slow down; the message goes again in " + wait + " s."));
                return;
            }
            chat.failed(error.ref()).ifPresent(failed -> emit(new SessionEvent.DeliveryChanged(chat.id, failed)));
        }
        emit(new SessionEvent.Notice("Parley refused it: " + error.message()));
    }

    private void resend(Chat chat, String localId) {
        if (state != ConnectionState.ONLINE || !chat.waiting(localId)) {
            return; // a reconnect sends whatever still waits
        }
        chat.unsent().stream().filter(e -> e.localId().equals(localId)).findFirst()
                .ifPresent(entry -> link.send(ClientFrames.message(localId, chat.id, entry.text())));
    }

    private void sendPresence() {
        if (state != ConnectionState.ONLINE) {
            return;
        }
        Status wanted = chosen == null ? Status.ONLINE : chosen;
        if (automatic != null && wanted == Status.ONLINE) {
            wanted = automatic;
        }
        link.send(ClientFrames.presence(wanted, chosenMessage));
    }

    private List<ServerFrame.Contact> contactList() {
        return contacts.values().stream().sorted(java.util.Comparator.comparing(
                (ServerFrame.Contact c) -> c.displayName(), String.CASE_INSENSITIVE_ORDER).thenComparing(ServerFrame.Contact::username)).toList();
    }

    private void dropOffline(List<String> ids) {
        List<ServerFrame.OfflineNote> left = new ArrayList<>(offline);
        if (left.removeIf(note -> ids.contains(note.id()))) {
            offline = List.copyOf(left);
            emit(new SessionEvent.OfflineChanged(offline));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void changeState(ConnectionState next, String sentence) {
        state = next;
        notice = sentence;
        emit(new SessionEvent.StateChanged(next, sentence));
    }

    private void closeLinks() {
        for (Transport.Link l : new Transport.Link[] {link, joining}) {
            if (l != null) {
                l.close();
            }
        }
        link = null;
        joining = null;
    }

    private void cancelTimers() {
        for (Runnable timer : new Runnable[] {refreshTimer, retryTimer}) {
            if (timer != null) {
                timer.run();
            }
        }
        refreshTimer = null;
        retryTimer = null;
    }

    void emit(SessionEvent event) {
        Snapshot snapshot = snapshot();
        listeners.forEach(listener -> listener.changed(snapshot, event));
    }

    private Snapshot snapshot() {
        return new Snapshot(state, notice, cid, displayName, presence, chats.values().stream().map(Chat::view).toList(),
                offline, contactList());
    }

    // ---- for the conversations the member started (Outgoing), on the session thread ----------------

    AccessToken token() {
        return credentials.current();
    }

    Transport transport() {
        return transport;
    }

    boolean online() {
        return state == ConnectionState.ONLINE;
    }

    boolean inFront(String chatId) {
        return chatId.equals(viewing);
    }

    void onThread(Runnable task) {
        scheduler.execute(task);
    }

    void later(Runnable task, Duration wait) {
        scheduler.schedule(task, wait);
    }

    /** When the session thread last knew the time; for views that show waiting times. */
    public Instant now() {
        return scheduler.now();
    }
}
