package org.parley.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.DirectoryRefreshed;
import org.parley.account.entity.Role;
import org.parley.consent.entity.BearerIdentity;
import org.parley.consent.entity.Scope;
import org.parley.presence.entity.Presence;
import org.parley.presence.entity.PresenceChanged;
import org.parley.presence.entity.PresenceStatus;
import org.parley.web.json.JsonBuilders;

/** An anonymous reply is built once per change of what it shows, and given again until then. */
class PresenceRepliesTest {

    private static final String PATH = "/0123456789ABCDEF/presence";
    private static final String BASE = "http://intranet/";

    /** The member directory and presence registry as the replies see them: one member whose status the test sets. */
    static final class Shown extends PresenceAnswers {
        volatile PresenceStatus status = PresenceStatus.ONLINE;
        volatile int built;

        @Override
        public Optional<DirectoryEntry> visible(String id, Optional<BearerIdentity> bearer) {
            built++;
            return Optional.of(new DirectoryEntry("ada", id, "Ada", null, null, null, true, true, true, true, Role.MEMBER, 0));
        }

        @Override
        public Answer answer(Optional<DirectoryEntry> member, Locale culture, String base) {
            PresenceStatus read = status;
            Thread.yield(); // a change may come between reading the state and the reply going out
            return Answer.of(JsonBuilders.object().add("status", read.wireName())
                    .add("result", JsonBuilders.object().add("code", 200).add("response", "Success")).build());
        }
    }

    private final Shown shown = new Shown();
    private final PresenceReplies replies = new PresenceReplies();

    @BeforeEach
    void wire() {
        replies.answers = shown;
    }

    private PresenceReplies.Reply anonymous(String callback, String ifNoneMatch) {
        return replies.reply(PATH, callback, null, BASE, Optional.empty(), ifNoneMatch).orElseThrow();
    }

    private static String body(PresenceReplies.Reply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void anAnonymousReplyIsGivenAgainUntilAPresenceOrDirectoryChange() {
        PresenceReplies.Reply first = anonymous(null, null);
        assertSame(first, anonymous(null, null));
        assertEquals(1, shown.built, "built once, given twice");

        shown.status = PresenceStatus.BUSY;
        shown.presenceChanged(new PresenceChanged("ada", new Presence(PresenceStatus.BUSY, null)));
        PresenceReplies.Reply busy = anonymous(null, null);
        assertTrue(body(busy).contains("\"Busy\""), body(busy));
        assertEquals(2, shown.built);

        shown.status = PresenceStatus.AWAY;
        shown.directoryRefreshed(new DirectoryRefreshed("someone-else"));
        assertTrue(body(anonymous(null, null)).contains("\"Away\""), "any member's change counts");
        assertEquals(3, shown.built);
    }

    /**
     * Other requests build and remember replies while the status changes under them; after each
     * change, the next request shows it: no reply built from the state before a change is given after it.
     */
    @Test
    void aReplyRememberedWhileAChangeHappenedIsNeverGivenAfterIt() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch asking = new CountDownLatch(2);
        Thread[] others = new Thread[2];
        for (int i = 0; i < others.length; i++) {
            others[i] = new Thread(() -> {
                asking.countDown();
                while (running.get()) {
                    anonymous(null, null);
                }
            });
            others[i].start();
        }
        asking.await();
        PresenceStatus[] statuses = {PresenceStatus.BUSY, PresenceStatus.AWAY, PresenceStatus.ONLINE};
        try {
            for (int change = 0; change < 3_000; change++) {
                PresenceStatus now = statuses[change % statuses.length];
                shown.status = now;
                shown.presenceChanged(new PresenceChanged("ada", new Presence(now, null)));
                String body = body(anonymous(null, null));
                assertTrue(body.contains('"' + now.wireName() + '"'), "after change " + change + " to " + now + ": " + body);
            }
        } finally {
            running.set(false);
            for (Thread other : others) {
                other.join();
            }
        }
    }

    @Test
    void eachCallbackMarketAndAddressIsItsOwnReply() {
        PresenceReplies.Reply plain = anonymous(null, null);
        PresenceReplies.Reply jsonp = anonymous("show_1", null);
        assertTrue(body(jsonp).startsWith("show_1({"), body(jsonp));
        assertEquals("application/javascript;charset=utf-8", jsonp.contentType());
        assertTrue(body(plain).startsWith("{"));
        replies.reply(PATH, null, null, "http://other/", Optional.empty(), null).orElseThrow();
        assertEquals(3, shown.built);
    }

    @Test
    void aReplyWithATokenIsBuiltEveryTimeAndPrivate() {
        Optional<BearerIdentity> bearer = Optional.of(new BearerIdentity("ada", "site", Set.of(Scope.PRESENCE), "c1",
                Instant.now().plusSeconds(60)));
        PresenceReplies.Reply personal = replies.reply(PATH, null, null, BASE, bearer, null).orElseThrow();
        replies.reply(PATH, null, null, BASE, bearer, null).orElseThrow();
        assertEquals(2, shown.built);
        assertTrue(personal.headers().get("Cache-Control").startsWith("private"), personal.headers().toString());
        assertTrue(anonymous(null, null).headers().get("Cache-Control").startsWith("no-transform"), "the anonymous reply is not the private one");
    }

    @Test
    void aMatchingEntityTagIs304WithTheSameHeadersAndTheRememberedReplyStaysWhole() {
        PresenceReplies.Reply whole = anonymous(null, null);
        String tag = whole.headers().get("ETag");
        PresenceReplies.Reply unchanged = anonymous(null, "W/\"other\", " + tag);
        assertEquals(304, unchanged.status());
        assertEquals(0, unchanged.body().length);
        assertEquals(whole.headers(), unchanged.headers());
        assertEquals(200, anonymous(null, null).status());
        assertEquals(200, anonymous(null, "\"not-it\"").status());
        assertThrows(UnsupportedOperationException.class, () -> whole.headers().put("ETag", "\"x\""), "a remembered reply's headers cannot be changed");
    }

    @Test
    void aRequestMadeUpOfKilobytesIsAnsweredWithoutBeingRemembered() {
        String madeUp = "http://" + "a".repeat(4_000) + "/";
        assertEquals(200, replies.reply(PATH, null, null, madeUp, Optional.empty(), null).orElseThrow().status());
        assertEquals(200, replies.reply(PATH, null, null, madeUp, Optional.empty(), null).orElseThrow().status());
        assertEquals(2, shown.built, "built for each, kept for none");
        anonymous("x".repeat(128), null);
        anonymous("x".repeat(128), null);
        assertEquals(3, shown.built, "a real request of the longest callback is remembered");
    }

    @Test
    void oneReplyMoreThanTheBoundForgetsThemAll() {
        for (int i = 0; i < PresenceReplies.MAX_REMEMBERED; i++) {
            replies.reply(PATH, null, null, "http://host" + i + "/", Optional.empty(), null).orElseThrow();
        }
        replies.reply(PATH, null, null, "http://host0/", Optional.empty(), null).orElseThrow();
        assertEquals(PresenceReplies.MAX_REMEMBERED, shown.built, "all of them remembered up to the bound");
        replies.reply(PATH, null, null, "http://one-more/", Optional.empty(), null).orElseThrow();
        replies.reply(PATH, null, null, "http://host0/", Optional.empty(), null).orElseThrow();
        assertEquals(PresenceReplies.MAX_REMEMBERED + 2, shown.built, "forgotten when one more came, built again when asked");
    }

    @Test
    void aBadCallbackIs400EvenToAnyTag() {
        PresenceReplies.Reply bad = anonymous("alert(1)", "*");
        assertEquals(400, bad.status());
        assertTrue(body(bad).contains("\"code\":400"), body(bad));
    }

    @Test
    void anythingButPresenceOrItsImageUnderAnIdIsNoReply() {
        assertEquals(Optional.empty(), replies.reply("/0123456789ABCDEF/other", null, null, BASE, Optional.empty(), null));
        assertEquals(Optional.empty(), replies.reply("/0123456789ABCDEF", null, null, BASE, Optional.empty(), null));
        assertEquals(0, shown.built);
    }
}
