package org.parley.desktop.session;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.parley.desktop.protocol.ClientFrames;
import org.parley.desktop.protocol.Line;
import org.parley.desktop.protocol.ProtocolException;
import org.parley.desktop.protocol.ServerFrame;
import org.parley.desktop.protocol.ServerFrames;

/**
 * A conversation the member starts with a colleague: the member is the visitor, on the colleague's visitor socket
 * {@code /ws/control?invitee=CID}, verified by the same access token as the member's own socket, so the colleague sees
 * them as Parley shows any signed-in visitor (verified, with their username). Session thread only.
 * <p>
 * Like the IM control, it keeps the {@code resume} token of the socket its conversation started on and, on every new
 * socket (after a drop, a server restart, or a renewed access token), takes the conversation back with {@code resume}
 * and what it saw last; Parley replays what it missed, then what the member typed meanwhile goes. A message whose ack
 * was lost with the socket comes back in the replay and is not sent twice.
 */
final class Outgoing {

    /** The id of the {@code resume} frame, whose ack says the conversation is back on this socket. */
    private static final String RESUME = "resume";

    private final Session session;
    private final Chat chat;
    private final URI endpoint;
    private final Backoff backoff;
    private Transport.Link link;
    /** The access token the socket in use was opened with: a renewed one gets a new socket. */
    private String openedWith;
    /** Whether {@link #link} has said hello (and, for a started conversation, taken it back): messages may go. */
    private boolean ready;
    private boolean connecting;
    private String resumeToken;
    /** Whether Parley has the conversation: from the first acknowledged message on, a new socket resumes it. */
    private boolean started;

    Outgoing(Session session, Chat chat, URI endpoint, Backoff backoff) {
        this.session = session;
        this.chat = chat;
        this.endpoint = endpoint;
        this.backoff = backoff;
    }

    Chat chat() {
        return chat;
    }

    /** Opens a socket unless one is open with the access token held now (called when the member's own socket is welcomed). */
    void connect() {
        AccessToken token = session.token();
        if (chat.endedReason != null || connecting || token == null || link != null && token.value().equals(openedWith)) {
            return;
        }
        connecting = true;
        session.transport().connect(endpoint, token.value(), new Listener(token.value()));
    }

    void send(Entry typed) {
        if (ready) {
            link.send(ClientFrames.visitorMessage(typed.localId(), typed.text()));
        }
    }

    void typing(boolean active) {
        if (ready && started) {
            link.send(ClientFrames.visitorTyping(active));
        }
    }

    /** The member has the conversation in front of them: the colleague's messages are read. */
    void read() {
        boolean confirm = ready;
        chat.readAll().forEach(seq -> {
            if (confirm) {
                link.send(ClientFrames.visitorReceived(seq, true));
            }
        });
    }

    /** The member leaves the conversation: the socket closes (a visitor has nothing else to end it with). */
    void leave(String reason) {
        closeLink();
        end(reason);
    }

    private final class Listener implements Transport.Listener {

        private final String token;

        Listener(String token) {
            this.token = token;
        }

        @Override
        public void opened(Transport.Link opened) {
            session.onThread(() -> {
                connecting = false;
                if (chat.endedReason != null) {
                    opened.close();
                    return;
                }
                Transport.Link old = link;
                link = opened;
                openedWith = token;
                ready = false;
                if (old != null) {
                    old.close();
                }
            });
        }

        @Override
        public void text(Transport.Link from, String text) {
            session.onThread(() -> {
                if (from == link) {
                    received(text);
                }
            });
        }

        @Override
        public void closed(Transport.Link closed, int code, String reason) {
            session.onThread(() -> {
                if (closed != link) {
                    return; // a socket already replaced
                }
                link = null;
                ready = false;
                retryLater();
            });
        }

        @Override
        public void refused(Transport.Refusal refusal, String sentence) {
            session.onThread(() -> {
                connecting = false;
                retryLater();
            });
        }
    }

    /** Tries again after a while while the member's own socket is up; else its next welcome brings this one back. */
    private void retryLater() {
        if (chat.endedReason == null && session.online()) {
            session.later(this::connect, backoff.next());
        }
    }

    private void received(String text) {
        ServerFrame frame;
        try {
            frame = ServerFrames.decodeVisitorSide(text);
        } catch (ProtocolException e) {
            session.emit(new SessionEvent.Notice(e.getMessage() + " It was ignored."));
            return;
        }
        if (frame instanceof ServerFrame.Hello hello) {
            hello(hello);
        } else if (frame instanceof ServerFrame.Message message) {
            show(message.line());
        } else if (frame instanceof ServerFrame.Ack ack) {
            acknowledged(ack);
        } else if (frame instanceof ServerFrame.Typing typing) {
            chat.visitorTyping = typing.active();
            session.emit(new SessionEvent.Typing(chat.id, typing.active()));
        } else if (frame instanceof ServerFrame.Receipt receipt) {
            chat.seenByVisitor(receipt.seq(), receipt.read())
                    .ifPresent(entry -> session.emit(new SessionEvent.DeliveryChanged(chat.id, entry)));
        } else if (frame instanceof ServerFrame.Ended ended) {
            leave(ended.reason());
        } else if (frame instanceof ServerFrame.Error error) {
            error(error);
        }
    }

    private void hello(ServerFrame.Hello hello) {
        if (!hello.verified()) {
            session.emit(new SessionEvent.Notice("Parley did not take this sign-in as yours on " + chat.visitor.name()
                    + "'s chat; the conversation is closed."));
            leave("not_verified");
            return;
        }
        backoff.reset();
        if (started) {
            link.send(ClientFrames.resume(RESUME, resumeToken, chat.lastSeq()));
            return;
        }
        resumeToken = hello.resume(); // the conversation starts on this socket, with this token
        sendWaiting();
    }

    private void sendWaiting() {
        ready = true;
        chat.unsent().forEach(this::send);
        // every message of theirs shown is confirmed again on every new socket (one sent just before a drop may be lost)
        chat.visitorSeqs().forEach(seq -> link.send(ClientFrames.visitorReceived(seq, chat.isRead(seq))));
    }

    private void show(Line line) {
        if (!line.theirs()) {
            Optional<String> mine = chat.typedMatching(line);
            if (mine.isPresent()) { // taken before the socket dropped: its ack was lost with it
                chat.acknowledged(mine.get(), line.seq(), line.at(), false)
                        .ifPresent(entry -> session.emit(new SessionEvent.DeliveryChanged(chat.id, entry)));
                return;
            }
        }
        boolean looking = session.inFront(chat.id);
        chat.add(line, looking).ifPresent(entry -> {
            if (line.theirs()) {
                chat.visitorTyping = false;
                link.send(ClientFrames.visitorReceived(line.seq(), looking));
            }
            session.emit(new SessionEvent.MessageShown(chat.id, entry));
        });
    }

    private void acknowledged(ServerFrame.Ack ack) {
        if (RESUME.equals(ack.id())) {
            sendWaiting();
            return;
        }
        if (ack.id() == null || ack.seq() == 0) {
            return;
        }
        started = true;
        chat.acknowledged(ack.id(), ack.seq(), ack.at(), ack.queued())
                .ifPresent(entry -> session.emit(new SessionEvent.DeliveryChanged(chat.id, entry)));
    }

    private void error(ServerFrame.Error error) {
        if (RESUME.equals(error.ref())) {
            session.emit(new SessionEvent.Notice("The conversation with " + chat.visitor.name()
                    + " could not be taken back (" + error.message() + ")."));
            leave("ended");
            return;
        }
        if (error.ref() != null && chat.waiting(error.ref())
                && (error.code().equals("rate_limited") || error.code().equals("server_error"))) {
            String localId = error.ref();
            session.later(() -> chat.unsent().stream().filter(e -> e.localId().equals(localId)).findFirst().ifPresent(this::send),
                    Duration.ofSeconds(Math.max(1, error.retryAfterSeconds())));
            return;
        }
        if (error.ref() != null) {
            chat.failed(error.ref()).ifPresent(failed -> session.emit(new SessionEvent.DeliveryChanged(chat.id, failed)));
        }
        session.emit(new SessionEvent.Notice("Parley refused it: " + error.message()));
    }

    private void end(String reason) {
        if (chat.endedReason != null) {
            return;
        }
        session.end(chat, reason);
    }

    void closeLink() {
        ready = false;
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
