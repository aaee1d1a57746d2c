package org.parley.desktop.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.parley.desktop.auth.Account;
import org.parley.desktop.auth.SignIn;
import org.parley.desktop.auth.SignInException;
import org.parley.desktop.protocol.ServerFrame;
import org.parley.desktop.protocol.Status;
import org.parley.desktop.session.ChatView;
import org.parley.desktop.session.ConnectionState;
import org.parley.desktop.session.Daemons;
import org.parley.desktop.session.Delivery;
import org.parley.desktop.session.Entry;
import org.parley.desktop.session.Session;
import org.parley.desktop.session.SessionEvent;
import org.parley.desktop.session.Snapshot;

/**
 * Runs the client in a terminal. Conversations get numbers in the order they started, kept for the
 * whole run, so {@code /reply 2 …} always means the same conversation.
 */
public final class TextMode {

    /** Exit status when signing in fails or the member is signed out. */
    public static final int SIGNED_OUT = 2;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final Output out;
    private final InputStream in;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile Snapshot latest;
    private Session session;
    private Account account;

    public TextMode(InputStream in, PrintStream out, boolean json) {
        this.in = in;
        this.out = new Output(out, json);
    }

    /** Signs in (the kept sign-in, else the device code), then serves commands until {@code /quit} or a sign-out; answers the exit status. */
    public int run(URI server, SignIn signIn) throws InterruptedException {
        Optional<Account> kept = signIn.kept(server);
        if (kept.isPresent()) {
            account = kept.get();
        } else {
            try {
                account = signIn.withDeviceCode(server, code -> out.deviceCode(code.verificationUri(), code.userCode()));
            } catch (SignInException e) {
                out.failure("Sign-in failed: " + e.getMessage());
                return SIGNED_OUT;
            } catch (IOException e) {
                out.failure("Sign-in failed: " + e.getMessage() + "; check the address and that Parley is running, then try again.");
                return SIGNED_OUT;
            }
        }
        session = Session.live(server, account);
        session.addListener(this::changed);
        session.start();
        Daemons.run("parley-commands", this::readCommands);
        try {
            return exit.get();
        } catch (ExecutionException e) {
            return 1;
        }
    }

    private void readCommands() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                command(line.strip());
            }
        } catch (IOException e) {
            out.notice("Standard input could not be read any more; the client keeps running (Ctrl+C ends it).");
        }
    }

    void command(String line) {
        if (line.isEmpty()) {
            return;
        }
        String[] words = line.split("\\s+", 3);
        Snapshot now = latest;
        switch (words[0]) {
            case "/help" -> out.help();
            case "/quit" -> {
                session.stop();
                exit.complete(0);
            }
            case "/signout" -> signOut();
            case "/status" -> status(line, now);
            case "/list" -> out.list(now == null ? List.of() : now.chats(), numbers, session.now());
            case "/reply" -> chat(words, 1).ifPresentOrElse(id -> {
                if (words.length < 3) {
                    out.notice("Write the answer after the number: /reply " + words[1] + " Hello!");
                } else {
                    session.send(id, words[2]);
                }
            }, () -> { });
            case "/show" -> chat(words, 1).flatMap(id -> Optional.ofNullable(latest).flatMap(n -> n.chat(id)))
                    .ifPresent(view -> out.transcript(numbers.get(view.id()), view));
            case "/close" -> chat(words, 1).ifPresent(session::close);
            case "/chat" -> chatWith(words, now);
            case "/offline" -> out.offline(now == null ? List.of() : now.offline());
            case "/contacts" -> out.contacts(now == null ? List.of() : now.contacts().stream()
                    .filter(c -> words.length < 2 || matches(c, line.substring(line.indexOf(' ') + 1).strip())).toList());
            case "/read" -> read(words, now);
            default -> out.notice("Commands start with a slash: /reply N TEXT answers conversation N; /help lists them all.");
        }
    }

    /** {@code /chat USERNAME [TEXT]}: a conversation with a colleague, the member writing as a verified visitor. */
    private void chatWith(String[] words, Snapshot now) {
        if (words.length < 2) {
            out.notice("Say whom to write to: /chat USERNAME [TEXT] (/contacts lists your colleagues).");
            return;
        }
        Optional<ServerFrame.Contact> contact = now == null ? Optional.empty()
                : now.contacts().stream().filter(c -> c.username().equalsIgnoreCase(words[1])).findFirst();
        if (contact.isEmpty()) {
            out.notice("No colleague with the username " + Output.plain(words[1]) + " shares their presence; /contacts lists them.");
            return;
        }
        String id = session.chatWith(contact.get());
        if (words.length > 2) {
            session.send(id, words[2]);
        }
    }

    private void status(String line, Snapshot now) {
        String[] words = line.split("\\s+", 3);
        if (words.length == 1) {
            if (now != null && now.presence() != null) {
                out.notice("Your status: " + now.presence().statusText()
                        + Optional.ofNullable(now.presence().personalMessage()).map(m -> " \u2014 " + m).orElse(""));
            }
            return;
        }
        Optional<Status> status = Status.parse(words[1]);
        if (status.isEmpty()) {
            out.notice("Unknown status " + words[1] + "; one of Online, Busy, BeRightBack, Away, Idle, OnThePhone, OutToLunch, Offline (appear offline).");
            return;
        }
        session.choose(status.get(), words.length > 2 ? words[2] : null);
    }

    private void read(String[] words, Snapshot now) {
        List<ServerFrame.OfflineNote> offline = now == null ? List.of() : now.offline();
        if (words.length < 2) {
            out.notice("Say which offline message is read: /read N, or /read all.");
            return;
        }
        if (words[1].equals("all")) {
            session.markOfflineRead(offline.stream().map(ServerFrame.OfflineNote::id).toList());
            return;
        }
        number(words[1]).filter(n -> n >= 1 && n <= offline.size())
                .ifPresentOrElse(n -> session.markOfflineRead(List.of(offline.get(n - 1).id())),
                        () -> out.notice("There is no offline message " + words[1] + "; /offline lists them."));
    }

    private void signOut() {
        session.stop();
        try {
            account.signOut();
            out.failure("Signed out: the sign-in is revoked and no longer kept on this computer.");
        } catch (IOException | SignInException e) {
            out.failure("Signed out on this computer; Parley could not be told (" + e.getMessage() + "), so revoke it under Connected sites.");
        }
        exit.complete(0);
    }

    private Optional<String> chat(String[] words, int index) {
        if (words.length <= index) {
            out.notice("Say which conversation: " + words[0] + " N (see /list).");
            return Optional.empty();
        }
        Optional<String> id = number(words[index]).flatMap(n -> numbers.entrySet().stream()
                .filter(e -> e.getValue() == n).map(Map.Entry::getKey).findFirst())
                .filter(i -> latest != null && latest.chat(i).isPresent());
        if (id.isEmpty()) {
            out.notice("There is no conversation " + words[index] + "; /list shows them.");
        }
        return id;
    }

    /** A contact whose name or username holds the search, in any case. */
    static boolean matches(ServerFrame.Contact contact, String search) {
        String wanted = search.toLowerCase(java.util.Locale.ROOT);
        return contact.displayName().toLowerCase(java.util.Locale.ROOT).contains(wanted)
                || contact.username().toLowerCase(java.util.Locale.ROOT).contains(wanted);
    }

    private static Optional<Integer> number(String word) {
        try {
            return Optional.of(Integer.parseInt(word));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void changed(Snapshot snapshot, SessionEvent event) {
        latest = snapshot;
        if (event instanceof SessionEvent.StateChanged changed) {
            if (changed.state() == ConnectionState.SIGNED_OUT) {
                out.failure(changed.sentence());
                exit.complete(SIGNED_OUT);
            } else if (changed.state() != ConnectionState.STOPPED) {
                out.state(changed.state(), changed.sentence());
            }
        } else if (event instanceof SessionEvent.SignedIn signedIn) {
            out.signedIn(signedIn.displayName(), signedIn.cid());
        } else if (event instanceof SessionEvent.PresenceChanged presence) {
            out.presence(presence.presence());
        } else if (event instanceof SessionEvent.ChatStarted started) {
            snapshot.chat(started.chat()).ifPresent(chat -> {
                numbers.putIfAbsent(chat.id(), numbers.size() + 1);
                out.started(numbers.get(chat.id()), chat);
            });
        } else if (event instanceof SessionEvent.MessageShown shown) {
            out.message(numbers.getOrDefault(shown.chat(), 0), shown.chat(), nameOf(snapshot, shown.chat()), shown.entry(),
                    outgoing(snapshot, shown.chat()));
        } else if (event instanceof SessionEvent.DeliveryChanged changed && changed.entry().delivery() != Delivery.SENDING) {
            out.delivery(numbers.getOrDefault(changed.chat(), 0), changed.chat(), changed.entry(), outgoing(snapshot, changed.chat()));
        } else if (event instanceof SessionEvent.Typing typing && typing.active()) {
            out.typing(numbers.getOrDefault(typing.chat(), 0), typing.chat(), nameOf(snapshot, typing.chat()));
        } else if (event instanceof SessionEvent.ChatEnded ended) {
            out.ended(numbers.getOrDefault(ended.chat(), 0), ended.chat(), ended.reason());
        } else if (event instanceof SessionEvent.OfflineChanged offline) {
            out.offlineCount(offline.offline());
        } else if (event instanceof SessionEvent.OfflineArrived arrived) {
            out.offlineArrived(snapshot.offline().indexOf(arrived.message()) + 1, arrived.message());
        } else if (event instanceof SessionEvent.Notice notice) {
            out.notice(notice.sentence());
        } else if (event instanceof SessionEvent.ContactsChanged && out.json) {
            out.contacts(snapshot.contacts());
        }
    }

    private static boolean outgoing(Snapshot snapshot, String chat) {
        return snapshot.chat(chat).map(ChatView::outgoing).orElse(false);
    }

    private static String nameOf(Snapshot snapshot, String chat) {
        return snapshot.chat(chat).map(c -> c.visitor().shown()).orElse("visitor");
    }

    /** Prints events as sentences or JSON lines; one lock, so lines from two threads never mix. */
    static final class Output {

        private final PrintStream out;
        private final boolean json;

        Output(PrintStream out, boolean json) {
            this.out = out;
            this.json = json;
        }

        synchronized void deviceCode(URI page, String code) {
            line(Map.of("event", "device_code", "verification_uri", page.toString(), "user_code", code),
                    "To sign in, open " + page + " and enter the code " + code + ".");
        }

        synchronized void signedIn(String name, String cid) {
            line(Map.of("event", "signed_in", "displayName", name, "cid", cid), "Signed in as " + plain(name) + " (CID " + cid + ").");
        }

        synchronized void state(ConnectionState state, String sentence) {
            line(Map.of("event", "state", "state", state.name().toLowerCase(), "sentence", sentence), "* " + sentence);
        }

        synchronized void presence(org.parley.desktop.protocol.Presence presence) {
            Map<String, Object> event = new LinkedHashMap<>(Map.of("event", "presence", "status", presence.status().wire(),
                    "statusText", presence.statusText()));
            Optional.ofNullable(presence.personalMessage()).ifPresent(m -> event.put("personalMessage", m));
            line(event, "* Your status: " + presence.statusText()
                    + Optional.ofNullable(presence.personalMessage()).map(m -> " \u2014 " + plain(m)).orElse(""));
        }

        synchronized void started(int n, ChatView chat) {
            Map<String, Object> event = new LinkedHashMap<>(Map.of("event", "conversation", "n", n, "conversation", chat.id()));
            if (chat.outgoing()) {
                event.put("outgoing", true);
                event.put("contact", visitor(chat.visitor()));
                line(event, "[" + n + "] Conversation with " + plain(chat.visitor().shown())
                        + "; you write as a verified visitor (/reply " + n + " TEXT).");
                return;
            }
            event.put("visitor", visitor(chat.visitor()));
            Optional.ofNullable(chat.page()).ifPresent(p -> event.put("page", p));
            line(event, "[" + n + "] New conversation with " + plain(chat.visitor().shown())
                    + Optional.ofNullable(chat.page()).map(p -> " on " + plain(p)).orElse("") + ".");
        }

        synchronized void message(int n, String chat, String visitor, Entry entry, boolean outgoing) {
            line(messageEvent("message", n, chat, entry, outgoing), "[" + n + "] " + (entry.theirs() ? plain(visitor) : "you")
                    + " " + CLOCK.format(entry.at()) + ": " + plain(entry.text())
                    + (entry.theirs() ? "" : " (" + entry.delivery().words() + ")"));
        }

        synchronized void delivery(int n, String chat, Entry entry, boolean outgoing) {
            line(messageEvent("delivery", n, chat, entry, outgoing), "[" + n + "] " + entry.delivery().words() + ": "
                    + plain(entry.text()));
        }

        synchronized void typing(int n, String chat, String visitor) {
            line(Map.of("event", "typing", "n", n, "conversation", chat), "[" + n + "] " + plain(visitor) + " is typing\u2026");
        }

        synchronized void ended(int n, String chat, String reason) {
            line(Map.of("event", "ended", "n", n, "conversation", chat, "reason", reason),
                    "[" + n + "] The conversation ended (" + reason + ").");
        }

        synchronized void offlineCount(List<ServerFrame.OfflineNote> offline) {
            if (json) {
                offline(offline);
            } else if (!offline.isEmpty()) {
                out.println("* " + offline.size() + " unread offline message" + (offline.size() == 1 ? "" : "s")
                        + "; /offline lists them.");
            }
        }

        synchronized void offline(List<ServerFrame.OfflineNote> offline) {
            List<Object> notes = new ArrayList<>();
            StringBuilder text = new StringBuilder(offline.isEmpty() ? "No unread offline messages." : "");
            for (int i = 0; i < offline.size(); i++) {
                ServerFrame.OfflineNote note = offline.get(i);
                notes.add(note(i + 1, note));
                text.append(i == 0 ? "" : "\n").append(noteLine(i + 1, note));
            }
            line(Map.of("event", "offline", "messages", notes), text.toString());
        }

        /** A message just left on a contact point: {@code offline_message}, or "* New offline message (3) …". */
        synchronized void offlineArrived(int n, ServerFrame.OfflineNote note) {
            Map<String, Object> event = note(n, note);
            event.put("event", "offline_message");
            line(event, "* New offline message " + noteLine(n, note));
        }

        private static Map<String, Object> note(int n, ServerFrame.OfflineNote note) {
            Map<String, Object> json = new LinkedHashMap<>(Map.of("n", n, "id", note.id(), "at", note.at().toString(),
                    "visitor", visitor(note.visitor()), "text", note.text()));
            Optional.ofNullable(note.contact()).ifPresent(c -> json.put("contact", Map.of("name", c.name(), "title", c.title())));
            Optional.ofNullable(note.replyTo()).ifPresent(r -> json.put("replyTo", r));
            return json;
        }

        private static String noteLine(int n, ServerFrame.OfflineNote note) {
            return "(" + n + ") " + plain(note.visitor().shown()) + " " + CLOCK.format(note.at()) + ": " + plain(note.text())
                    + (note.contact() == null ? "" : " [" + plain(note.via()) + "]");
        }

        synchronized void list(List<ChatView> chats, Map<String, Integer> numbers, Instant now) {
            List<Object> rows = new ArrayList<>();
            StringBuilder text = new StringBuilder(chats.isEmpty() ? "No open conversations." : "");
            for (ChatView chat : chats) {
                int n = numbers.getOrDefault(chat.id(), 0);
                long waiting = Duration.between(chat.startedAt(), now).toMinutes();
                Map<String, Object> row = new LinkedHashMap<>(Map.of("n", n, "conversation", chat.id(),
                        "visitor", visitor(chat.visitor()), "unread", chat.unread(), "startedAt", chat.startedAt().toString(),
                        "ended", chat.ended()));
                Optional.ofNullable(chat.page()).ifPresent(p -> row.put("page", p));
                rows.add(row);
                text.append(text.isEmpty() ? "" : "\n").append("[").append(n).append("] ").append(plain(chat.visitor().shown()))
                        .append(Optional.ofNullable(chat.page()).map(p -> " on " + plain(p)).orElse(""))
                        .append(", ").append(waiting).append(" min").append(chat.unread() > 0 ? ", " + chat.unread() + " unread" : "")
                        .append(chat.ended() ? " (ended)" : "");
            }
            line(Map.of("event", "list", "conversations", rows), text.toString());
        }

        synchronized void transcript(int n, ChatView chat) {
            List<Object> lines = new ArrayList<>();
            StringBuilder text = new StringBuilder("[" + n + "] " + plain(chat.visitor().shown())
                    + (chat.ended() ? " (ended: " + chat.endedReason() + ")" : ""));
            for (Entry entry : chat.entries()) {
                lines.add(messageEvent("line", n, chat.id(), entry, chat.outgoing()));
                text.append("\n  ").append(CLOCK.format(entry.at())).append(" ").append(entry.theirs() ? plain(chat.visitor().name()) : "you")
                        .append(": ").append(plain(entry.text())).append(" (").append(entry.delivery().words()).append(")");
            }
            Map<String, Object> event = new LinkedHashMap<>(Map.of("event", "transcript", "n", n, "conversation", chat.id(),
                    "lines", lines));
            Optional.ofNullable(chat.endedReason()).ifPresent(r -> event.put("ended", r));
            line(event, text.toString());
        }

        synchronized void contacts(List<ServerFrame.Contact> contacts) {
            List<Object> rows = new ArrayList<>();
            StringBuilder text = new StringBuilder(contacts.isEmpty() ? "No colleague shares their presence (or none matches)." : "");
            for (ServerFrame.Contact contact : contacts) {
                Map<String, Object> row = new LinkedHashMap<>(Map.of("cid", contact.cid(), "username", contact.username(),
                        "displayName", contact.displayName(), "status", contact.presence().status().wire(),
                        "statusText", contact.presence().statusText()));
                Optional.ofNullable(contact.presence().personalMessage()).ifPresent(m -> row.put("personalMessage", m));
                rows.add(row);
                text.append(text.isEmpty() ? "" : "\n").append(plain(contact.displayName())).append(" (").append(contact.username())
                        .append(") \u2014 ").append(contact.presence().statusText())
                        .append(Optional.ofNullable(contact.presence().personalMessage()).map(m -> ", " + plain(m)).orElse(""));
            }
            line(Map.of("event", "contacts", "contacts", rows), text.toString());
        }

        synchronized void notice(String sentence) {
            line(Map.of("event", "notice", "sentence", sentence), "! " + sentence);
        }

        /** A failure that ends the run: on standard error for a person, as an event for a script. */
        synchronized void failure(String sentence) {
            if (json) {
                out.println(org.parley.desktop.protocol.ServerFrames.write(Map.of("event", "signed_out", "sentence", sentence)));
            }
            System.err.println(sentence);
        }

        synchronized void help() {
            line(Map.of("event", "help"), """
                    /status [STATUS [personal message]]  show or set your status (Online, Busy, BeRightBack, Away, Idle, \
                    OnThePhone, OutToLunch, Offline = appear offline)
                    /list                 open conversations, numbered
                    /show N               conversation N with every message and its delivery state
                    /reply N TEXT         answer conversation N
                    /close N              close conversation N (an ended one leaves the list)
                    /contacts [SEARCH]    colleagues who share their presence, with their status
                    /chat USERNAME [TEXT] write to a colleague as a verified visitor (then /reply N TEXT)
                    /offline              unread offline messages, numbered
                    /read N | /read all   mark offline messages read
                    /signout              revoke this sign-in and quit
                    /quit                 quit""");
        }

        /** {@code from}: {@code visitor} (or {@code contact}, in a conversation the member started) or {@code member}. */
        private static Map<String, Object> messageEvent(String type, int n, String chat, Entry entry, boolean outgoing) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", type);
            event.put("n", n);
            event.put("conversation", chat);
            event.put("seq", entry.seq());
            event.put("at", entry.at().toString());
            event.put("from", entry.theirs() ? (outgoing ? "contact" : "visitor") : "member");
            event.put("text", entry.text());
            event.put("delivery", entry.delivery().name().toLowerCase());
            return event;
        }

        private static Map<String, Object> visitor(org.parley.desktop.protocol.Visitor visitor) {
            Map<String, Object> json = new LinkedHashMap<>(Map.of("name", visitor.name(), "verified", visitor.verified()));
            Optional.ofNullable(visitor.username()).ifPresent(u -> json.put("username", u));
            Optional.ofNullable(visitor.cid()).ifPresent(c -> json.put("cid", c));
            return json;
        }

        private void line(Map<String, ?> event, String text) {
            out.println(json ? org.parley.desktop.protocol.ServerFrames.write(event) : text);
        }

        /** Text for a terminal: no control characters (no escape sequences), line feeds shown as " / ". */
        static String plain(String text) {
            return text.replace("\n", " / ").replaceAll("[\\p{Cntrl}\\p{Cf}]", "");
        }
    }
}
