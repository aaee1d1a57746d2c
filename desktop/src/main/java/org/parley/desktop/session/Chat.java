package org.parley.desktop.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.parley.desktop.protocol.Line;
import org.parley.desktop.protocol.Visitor;

/**
 * One conversation as the session keeps it (session thread only): numbered lines, what the member typed and is not yet
 * acknowledged, and what was read. {@code visitor} is who it is with: the visitor the member answers, or, in an
 * {@code outgoing} one, the colleague the member writes to as a verified visitor.
 */
final class Chat {

    final String id;
    final Visitor visitor;
    final String page;
    final Instant startedAt;
    final boolean outgoing;
    private final TreeMap<Long, Entry> numbered = new TreeMap<>();
    private final Map<String, Entry> typed = new LinkedHashMap<>();
    private final Set<Long> read = new HashSet<>();
    boolean visitorTyping;
    String endedReason;

    Chat(String id, Visitor visitor, String page, Instant startedAt, boolean outgoing) {
        this.id = id;
        this.visitor = visitor;
        this.page = page;
        this.startedAt = startedAt;
        this.outgoing = outgoing;
    }

    /** Adds a line the server numbered; answers the entry when it is new. */
    Optional<Entry> add(Line line, boolean readNow) {
        if (numbered.containsKey(line.seq())) {
            return Optional.empty();
        }
        if (readNow && line.theirs()) {
            read.add(line.seq());
        }
        Entry entry = new Entry(line.seq(), null, line.at(), line.theirs(), line.text(),
                line.theirs() ? (read.contains(line.seq()) ? Delivery.READ : Delivery.DELIVERED) : Delivery.SENT);
        numbered.put(line.seq(), entry);
        return Optional.of(entry);
    }

    Entry type(String localId, String text, Instant at) {
        Entry entry = new Entry(0, localId, at, false, text, Delivery.SENDING);
        typed.put(localId, entry);
        return entry;
    }

    /** The server acknowledged a typed message: it now has its number ({@code queued}: kept as an offline message). */
    Optional<Entry> acknowledged(String localId, long seq, Instant at, boolean queued) {
        Entry typedEntry = typed.remove(localId);
        if (typedEntry == null) {
            return Optional.empty();
        }
        Entry sent = new Entry(seq, localId, at == null ? typedEntry.at() : at, false, typedEntry.text(),
                queued ? Delivery.QUEUED : Delivery.SENT);
        numbered.put(seq, sent);
        return Optional.of(sent);
    }

    /**
     * A member line in a {@code welcome} that this client had not numbered: if it is the text of a
     * message still waiting for its ack, the server did take it before the socket dropped (the ack
     * was lost with the socket), so it must not be sent twice.
     */
    Optional<String> typedMatching(Line line) {
        return typed.values().stream().filter(e -> e.delivery() == Delivery.SENDING && e.text().equals(line.text()))
                .map(Entry::localId).findFirst();
    }

    /** The visitor saw the member's message {@code seq}: delivered, or read; a state never goes back. */
    Optional<Entry> seenByVisitor(long seq, boolean read) {
        Entry entry = numbered.get(seq);
        if (entry == null || entry.theirs() || entry.delivery() == Delivery.READ || entry.delivery() == Delivery.QUEUED
                || entry.delivery() == Delivery.DELIVERED && !read) {
            return Optional.empty();
        }
        Entry seen = new Entry(seq, entry.localId(), entry.at(), false, entry.text(), read ? Delivery.READ : Delivery.DELIVERED);
        numbered.put(seq, seen);
        return Optional.of(seen);
    }

    Optional<Entry> failed(String localId) {
        Entry entry = typed.get(localId);
        if (entry == null) {
            return Optional.empty();
        }
        Entry failed = new Entry(0, localId, entry.at(), false, entry.text(), Delivery.FAILED);
        typed.put(localId, failed);
        return Optional.of(failed);
    }

    boolean waiting(String localId) {
        Entry entry = typed.get(localId);
        return entry != null && entry.delivery() == Delivery.SENDING;
    }

    List<Entry> unsent() {
        return typed.values().stream().filter(e -> e.delivery() == Delivery.SENDING).toList();
    }

    /** The newest number this client has seen, for a resume. */
    long lastSeq() {
        return numbered.isEmpty() ? 0 : numbered.lastKey();
    }

    List<Long> visitorSeqs() {
        return numbered.values().stream().filter(Entry::theirs).map(Entry::seq).toList();
    }

    boolean isRead(long seq) {
        return read.contains(seq);
    }

    /** Marks every visitor line read; answers those that were not. */
    List<Long> readAll() {
        List<Long> now = new ArrayList<>();
        for (Entry entry : numbered.values()) {
            if (entry.theirs() && read.add(entry.seq())) {
                now.add(entry.seq());
                numbered.put(entry.seq(), new Entry(entry.seq(), null, entry.at(), true, entry.text(), Delivery.READ));
            }
        }
        return now;
    }

    ChatView view() {
        List<Entry> entries = new ArrayList<>(numbered.values());
        entries.addAll(typed.values());
        int unread = (int) numbered.values().stream().filter(e -> e.theirs() && !read.contains(e.seq())).count();
        return new ChatView(id, visitor, page, startedAt, List.copyOf(entries), unread, visitorTyping, endedReason, outgoing);
    }
}
