package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class OutboxTest {

    /** A socket that sends at once, fails on frames holding "poison" as Tyrus does on text it cannot encode. */
    private static final class FakeSocket {
        final List<String> sent = new ArrayList<>();
        CloseReason closedWith;
        boolean failAsync;
        /** Takes frames and never says they went out, as a container whose writes got stuck. */
        boolean stall;
        /** The writes a stalled socket took and has not finished, oldest first. */
        final List<SendHandler> pending = new ArrayList<>();
        int pings;
        /** Unsolicited pongs: the heartbeats of the rounds a socket is not pinged. */
        int pongs;
        /** Thrown by a ping on an open socket. */
        RuntimeException pingFails;
        /** The socket closes while a ping is on its way, which then throws as Tyrus does. */
        boolean closesOnPing;

        /** The oldest write taken while stalled goes out now (the peer read again). */
        void wrote() {
            pending.remove(0).onResult(new SendResult());
        }

        Session session() {
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendPong")) {
                            pongs++;
                        }
                        if (method.getName().equals("sendPing")) {
                            pings++;
                            if (closesOnPing) {
                                closedWith = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "closed meanwhile");
                                throw new IllegalStateException("The connection has been closed.");
                            }
                            if (pingFails != null) {
                                throw pingFails;
                            }
                        }
                        if (method.getName().equals("sendText") && args.length == 2) {
                            String text = (String) args[0];
                            if (text.contains("poison")) {
                                throw new Error(new java.nio.charset.MalformedInputException(1));
                            }
                            if (stall) {
                                sent.add(text);
                                pending.add((SendHandler) args[1]);
                                return null;
                            }
                            if (failAsync) {
                                ((SendHandler) args[1]).onResult(new SendResult(new java.io.IOException("broken pipe")));
                                return null;
                            }
                            sent.add(text);
                            ((SendHandler) args[1]).onResult(new SendResult());
                        }
                        return null;
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> async;
                        case "isOpen" -> closedWith == null;
                        case "getRequestURI" -> URI.create("/ws/client");
                        case "close" -> {
                            closedWith = (CloseReason) args[0];
                            yield null;
                        }
                        default -> null;
                    });
        }
    }

    @Test
    void aFrameTheContainerCannotSendIsDroppedAndTheNextOnesGoOut() {
        FakeSocket socket = new FakeSocket();
        Outbox outbox = new Outbox(socket.session(), 10);
        outbox.open("welcome");
        outbox.send("poison");
        outbox.send("after");
        outbox.send("and more");
        assertEquals(List.of("welcome", "after", "and more"), socket.sent);
        assertNull(socket.closedWith, "the socket stays open");
    }

    @Test
    void aFrameThatCannotBeSentWhileOthersWaitDoesNotHoldThemUp() {
        FakeSocket socket = new FakeSocket();
        Outbox outbox = new Outbox(socket.session(), 10);
        outbox.send("poison");
        outbox.send("queued while held");
        outbox.open("welcome");
        assertEquals(List.of("welcome", "queued while held"), socket.sent);
    }

    @Test
    void aSendThatFailsOnTheWayOutClosesTheSocketInsteadOfSilencingIt() {
        FakeSocket socket = new FakeSocket();
        Outbox outbox = new Outbox(socket.session(), 10);
        outbox.open("welcome");
        socket.failAsync = true;
        outbox.send("lost");
        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, socket.closedWith.getCloseCode());
        socket.failAsync = false;
        outbox.send("after close");
        assertEquals(List.of("welcome"), socket.sent);
    }

    @Test
    void aPeerSilentForLessThanThePingWaitGetsAHeartbeatThenAPingAndASilentOneIsClosedAsGoingAway() {
        FakeSocket socket = new FakeSocket();
        Outbox outbox = new Outbox(socket.session(), 10);
        long second = 1_000_000_000L;
        outbox.heard(0);
        outbox.keepAlive(44 * second, 90 * second, 45 * second, 30 * second);
        assertEquals(0, socket.pings, "a peer heard from lately is not asked again");
        assertEquals(1, socket.pongs, "but its socket carries a frame, so that proxies see it in use");

        outbox.keepAlive(45 * second, 90 * second, 45 * second, 30 * second);
        assertEquals(1, socket.pings);
        outbox.keepAlive(89 * second, 90 * second, 45 * second, 30 * second);
        assertEquals(2, socket.pings, "a peer that did not answer is asked again");
        assertEquals(1, socket.pongs);
        assertNull(socket.closedWith);

        outbox.heard(100 * second);
        outbox.keepAlive(130 * second, 90 * second, 45 * second, 30 * second);
        assertEquals(2, socket.pongs, "a frame or pong restarts the wait");
        outbox.keepAlive(189 * second, 90 * second, 45 * second, 30 * second);
        assertEquals(3, socket.pings);
        assertNull(socket.closedWith);

        outbox.keepAlive(190 * second, 90 * second, 45 * second, 30 * second);
        assertEquals(3, socket.pings);
        assertEquals(2, socket.pongs);
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, socket.closedWith.getCloseCode());
    }

    @Test
    void aSocketWhoseFrameDoesNotGoOutWithinTheWriteTimeoutIsClosedSoItsPeerReconnects() {
        FakeSocket socket = new FakeSocket();
        Outbox outbox = new Outbox(socket.session(), 10);
        outbox.open("welcome");
        socket.stall = true;
        long handedOver = System.nanoTime();
        outbox.send("ack 1");
        outbox.send("ack 2");
        assertEquals(List.of("welcome", "ack 1"), socket.sent, "one frame at a time: the second waits for the first");
        long second = 1_000_000_000L;
        outbox.heard(handedOver);

        outbox.keepAlive(handedOver + 29 * second, 90 * second, 45 * second, 30 * second);
        assertNull(socket.closedWith, "a write may take a while");
        assertEquals(1, socket.pongs);

        outbox.keepAlive(handedOver + 31 * second, 90 * second, 45 * second, 30 * second);
        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, socket.closedWith.getCloseCode(),
                "a socket whose writes are stuck is closed, not left silent");
    }

    @Test
    void anEndingForAPeerThatStoppedReadingDoesNotWaitForItAndGoesOutAfterTheFrameOnItsWay() {
        FakeSocket socket = new FakeSocket();
        Outbox outbox = new Outbox(socket.session(), 10);
        socket.stall = true;
        outbox.open("welcome");
        outbox.send("queued 1");
        outbox.send("queued 2");
        CloseReason ended = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "session ended");

        outbox.sendAndClose("error: your session has ended", ended); // returns at once, as the peer reads nothing
        outbox.send("after the ending");
        assertEquals(List.of("welcome"), socket.sent, "the frame on its way is still on its way");
        assertNull(socket.closedWith);

        socket.wrote();
        assertEquals(List.of("welcome", "error: your session has ended"), socket.sent,
                "the ending goes right after it; what was queued behind it, and what came later, does not");
        assertNull(socket.closedWith, "the ending itself is still on its way");
        socket.wrote();
        assertEquals(ended, socket.closedWith, "closed once the ending went out");
    }

    @Test
    void anEndingThatNeverGoesOutIsClosedByTheSweepAfterTheWriteTimeout() {
        FakeSocket socket = new FakeSocket();
        Outbox outbox = new Outbox(socket.session(), 10);
        socket.stall = true;
        long second = 1_000_000_000L;
        long start = System.nanoTime();
        outbox.sendAndClose("refused", new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many sockets"));
        assertEquals(List.of("refused"), socket.sent, "sent without waiting for a welcome");
        outbox.heard(start);

        outbox.keepAlive(start + 31 * second, 90 * second, 45 * second, 30 * second);
        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, socket.closedWith.getCloseCode());
    }

    @Test
    void aSocketEndedBeforeItsFirstFrameNeverSendsItAfterTheEnding() {
        FakeSocket socket = new FakeSocket();
        Outbox outbox = new Outbox(socket.session(), 10);
        socket.stall = true;
        CloseReason ended = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "session ended");
        outbox.sendAndClose("error: your session has ended", ended); // while the socket was still being opened
        outbox.open("welcome");
        socket.wrote();
        assertEquals(List.of("error: your session has ended"), socket.sent);
        assertEquals(ended, socket.closedWith);
    }

    @Test
    void aPingThatFailsUnexpectedlyIsLoggedAsAWarningAndOneOnASocketThatClosedMeanwhileIsNot() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(Outbox.class.getName());
        log.addHandler(handler);
        log.setUseParentHandlers(false); // what it logs is asserted here, not printed
        try {
            long second = 1_000_000_000L;
            FakeSocket failing = new FakeSocket();
            failing.pingFails = new IllegalArgumentException("a container fault");
            Outbox outbox = new Outbox(failing.session(), 10);
            outbox.heard(0);
            outbox.keepAlive(50 * second, 90 * second, 45 * second, 30 * second);
            assertEquals(List.of(Level.WARNING), records.stream().map(LogRecord::getLevel).toList());
            assertTrue(records.get(0).getMessage().contains("/ws/client"), records.get(0).getMessage());
            assertEquals(failing.pingFails, records.get(0).getThrown());

            records.clear();
            FakeSocket closing = new FakeSocket();
            closing.closesOnPing = true;
            Outbox closed = new Outbox(closing.session(), 10);
            closed.heard(0);
            closed.keepAlive(50 * second, 90 * second, 45 * second, 30 * second);
            assertEquals(1, closing.pings);
            assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()),
                    "a socket that closed meanwhile is expected to refuse: " + records);
        } finally {
            log.removeHandler(handler);
            log.setUseParentHandlers(true);
        }
    }
}
