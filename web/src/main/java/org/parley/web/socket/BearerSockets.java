package org.parley.web.socket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.parley.consent.entity.BearerIdentity;

/**
 * The sockets opened with an OAuth access token (the desktop client's member sockets on
 * {@code /ws/client}, and the visitors it verified on {@code /ws/control}), each with what identifies
 * its token, so that the token's end is resolved from memory: the token revoked alone, its consent
 * revoked, its member disabled, or its expiry. Each end hands back the sockets it took, once, for the
 * caller to tell and close.
 * <p>
 * The token's application is not kept: these sockets take only tokens of the desktop client
 * ({@code parley-desktop}), a built-in application that stays enabled. The visitors a site's visitor ticket verified are
 * kept alike, in an instance of their own, by the consent the ticket was issued under ({@link Token#ofTicket}).
 */
final class BearerSockets {

    /** What a socket keeps of its token: its hash, its consent, its member, and when it stops being valid. */
    record Token(String hash, String consentId, String member, Instant expiresAt) {

        static Token of(String hash, BearerIdentity identity) {
            return new Token(hash, identity.consentId(), identity.member(), identity.expiresAt());
        }

        /** What a visitor ticket leaves of its consent: no token of its own, and no expiry but the consent's end. */
        static Token ofTicket(String consentId, String member) {
            return new Token("", consentId, member, Instant.MAX);
        }
    }

    private final Map<Outbox, Token> sockets = new ConcurrentHashMap<>();
    /** How many revocations were announced: a socket added meanwhile looks its token up once more. */
    private final AtomicLong revocations = new AtomicLong();

    void add(Outbox outbox, Token token) {
        sockets.put(outbox, token);
    }

    /** Forgets a socket; false if it was not kept (never added, closed, or taken by its token's end). */
    boolean remove(Outbox outbox) {
        return sockets.remove(outbox) != null;
    }

    /**
     * How many revocations were announced so far. A socket whose token was looked up before a revocation was
     * announced, and added after that revocation took its sockets, was missed by it: read this before the
     * look-up and after {@link #add}, and look the token up again if it changed.
     */
    long revocations() {
        return revocations.get();
    }

    /** The sockets of this access token, which was revoked alone. */
    List<Outbox> tokenRevoked(String hash) {
        return revoked(token -> token.hash().equals(hash));
    }

    /** The sockets of every token under this consent, which was revoked. */
    List<Outbox> consentRevoked(String consentId) {
        return revoked(token -> token.consentId().equals(consentId));
    }

    /** The sockets of every token of this member, who was disabled. */
    List<Outbox> memberDisabled(String member) {
        return revoked(token -> token.member().equals(member));
    }

    /** The sockets whose token is no longer valid at {@code now}. */
    List<Outbox> expired(Instant now) {
        return take(token -> !now.isBefore(token.expiresAt()));
    }

    private List<Outbox> revoked(Predicate<Token> ended) {
        revocations.incrementAndGet();
        return take(ended);
    }

    private List<Outbox> take(Predicate<Token> ended) {
        List<Outbox> taken = new ArrayList<>();
        sockets.forEach((outbox, token) -> {
            if (ended.test(token) && sockets.remove(outbox, token)) {
                taken.add(outbox);
            }
        });
        return taken;
    }
}
