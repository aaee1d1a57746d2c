package org.parley.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The visitor limits as shipped: 5 messages/s with a burst of 20 per visitor, 5 new
 * conversations per minute per address, and no trusted reverse proxy, so a visitor's own
 * {@code X-Forwarded-For} changes nothing. A server of its own: every test comes from 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
class VisitorLimitsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.parley();
    }

    @ArquillianResource
    URL deployed;

    /** Where Parley answers, on loopback (see {@link Deployments#onLoopback}). */
    URL base;

    @BeforeEach
    void onLoopback() {
        base = Deployments.onLoopback(deployed);
    }

    /** One test: both limits count per address, and all tests here come from 127.0.0.1. */
    @Test
    void visitorsAreHeldToTheirMessageRateAndAnAddressToFiveConversationsAMinuteWhateverItForwards() {
        var member = Accounts.sharingMember(base, "busy", "Busy Member");
        URI uri = URI.create(base.toString());
        try (Socket console = Socket.open(uri, "/ws/client", member.browser());
             Socket visitor = Socket.open(uri, "/ws/control?invitee=" + member.cid(), null)) {
            console.next("welcome");
            visitor.next("hello");
            visitor.send(Socket.frame("identify").add("id", "n").add("name", "Flood"));
            visitor.next("ack");
            for (int i = 0; i < 30; i++) {
                visitor.send(Socket.frame("message").add("id", "m" + i).add("text", "message " + i));
            }
            List<Integer> accepted = new ArrayList<>();
            JsonObject limited;
            for (int i = 0; i < 20; i++) {
                accepted.add(visitor.ack("m" + i).getInt("seq"));
            }
            limited = visitor.next("error");
            assertEquals("rate_limited", limited.getString("code"));
            assertTrue(limited.getInt("retryAfter") >= 1, limited.toString());
            for (int seq : accepted) {
                assertEquals(seq, console.next("message").getInt("seq"), "every acknowledged message reached the member");
            }
        }

        // that was the first conversation from this address; four more may start, the sixth may not, whatever
        // address each visitor claims: 127.0.0.1 is no trusted proxy here
        var popular = Accounts.sharingMember(base, "popular", "Popular Member");
        for (int i = 2; i <= 6; i++) {
            try (Socket visitor = Socket.open(uri, "/ws/control?invitee=" + popular.cid(), null,
                    Map.of("Origin", Socket.origin(uri), "X-Forwarded-For", "198.51.100." + i))) {
                visitor.next("hello");
                visitor.send(Socket.frame("identify").add("name", "Visitor " + i));
                visitor.send(Socket.frame("message").add("id", "m").add("text", "Hello from " + i));
                JsonObject answer = visitor.answer("m");
                assertEquals(i <= 5 ? "ack" : "error", answer.getString("type"), "conversation " + i + ": " + answer);
                if (i <= 5) {
                    assertTrue(answer.getBoolean("queued"), "stored: the member is offline");
                } else {
                    assertEquals("rate_limited", answer.getString("code"));
                    assertTrue(answer.getInt("retryAfter") >= 1);
                    assertEquals("m", answer.getString("ref"));
                }
            }
        }
    }
}
