package org.parley.httpguard.boundary;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteHandler;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.parley.httpguard.control.Notices;
import org.parley.httpguard.control.Refusal;
import org.parley.httpguard.control.WebSocketFrameHeads;
import org.parley.httpguard.control.WebSocketHandshakes;

/**
 * Puts every connection it reads from under the watch of {@link ConnectionWatch}, tells the watch when each request's
 * head comes and when its answer ends, and passes everything on, except from a peer that does not take its answers.
 * <p>
 * A peer may send requests one after another without waiting for the answers (HTTP/1.1 pipelining), and Grizzly hands
 * each to the web container in turn. One that reads none of them fills the kernel's send buffer and Grizzly's queue,
 * and then the container's worker writing the next answer waits, up to the write timeout (30 s), for room that never
 * comes: some twenty such peers held every worker, and no page was served to anyone for about a minute. So once a
 * second request (or part of one) comes while earlier answers still wait in Grizzly's queue, past the kernel's buffers
 * ({@link ConnectionWatch.Watch#takesItsAnswers}), it is not handed on: the connection is read no further and closes once
 * what waits is written; if the peer never takes that, the application's sweep resets it as stalled. A peer that reads
 * its answers has none waiting there (the kernel's buffers hold megabytes on a local network); one that pipelines
 * faster than it reads large answers finds its connection closed after the answers it was given, and sends the rest
 * again, as HTTP/1.1 asks of clients that pipeline.
 * <p>
 * Many connections that each ask once and read nothing add up the same way: each leaves an answer waiting (PrimeFaces'
 * script leaves ~480 KB), and four thousand of them from one machine filled the heap and ended the server. So a request
 * from an address whose connections already have {@link ConnectionWatch#WAITING_PER_ADDRESS} bytes waiting (with what
 * their unfinished request bodies hold, {@link WholeBodyFilter}) is answered
 * {@code 429} ({@link Refusal#tooManyWaiting}) and its connection closed; the log names the address at most once a
 * minute (and so is one whose connections are read no further). Other addresses are served as always.
 * <p>
 * A request that comes after an answer that closed its connection (the client asked for that, or it was a refusal after
 * which HTTP/1.1 cannot tell where the next request starts) is not handed on either: Grizzly read it from what the peer
 * had already sent, and the container served it on the closed connection, where the server's own servlets (health, the
 * files served as they are) threw, each a WARNING with a stack trace in the log, for anyone to repeat at will.
 * <p>
 * An upgraded connection (a WebSocket) is the application's to pace and is never stopped here; but what its peer sends
 * is read only while what waits for that peer fits its queue ({@link ConnectionWatch#WAITING_PER_SOCKET}, {@link
 * #whenItsAnswersHaveRoom}), and one whose frames break a rule the container's engine does not keep, or keeps in its
 * own words (unmasked frames, frames larger than Parley takes, a flood of pings, reserved bits or opcodes, broken
 * control frames, fragments out of order: {@link WebSocketFrameHeads}) is closed with the close frame that says which.
 */
public final class ConnectionWatchFilter extends BaseFilter {

    private static final Logger LOG = Logger.getLogger(ConnectionWatchFilter.class.getName());
    /** An address whose connection is read no further is named in the log at most once a minute, with how many. */
    private static final Notices STOPPED = new Notices(TimeUnit.MINUTES.toNanos(1), 10_000);
    /** An address refused for its waiting answers is named in the log at most once a minute, with how many. */
    private static final Notices REFUSED = new Notices(TimeUnit.MINUTES.toNanos(1), 10_000);
    /** An address whose WebSocket broke a rule of its frames is named in the log at most once a minute, with how many. */
    private static final Notices BROKE = new Notices(TimeUnit.MINUTES.toNanos(1), 10_000);

    /** On an upgrade request whose head's read this filter has seen; Grizzly clears it when it recycles the request. */
    private static final Attribute<Boolean> HEAD_READ =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(ConnectionWatchFilter.class.getName() + ".headRead");

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        ConnectionWatch.Watch watch = ConnectionWatch.watch(ctx.getConnection());
        if (watch == null) {
            return ctx.getInvokeAction();
        }
        if (watch.unread() || !ctx.getConnection().isOpen()) {
            // a request that came after an answer closing the connection: nobody can be answered on it any more
            return ctx.getStopAction();
        }
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        boolean upgrade = request.isUpgrade() && !CleartextUpgradeFilter.servedInHttp11(request);
        watch.asked(request, upgrade);
        if (upgrade) {
            boolean webSocket = "websocket".equalsIgnoreCase(request.getUpgrade());
            if (!HEAD_READ.isSet(request)) {
                HEAD_READ.set(request, Boolean.TRUE);
                if (webSocket && content.getContent() != null && content.getContent().hasRemaining()) {
                    // bytes read with the handshake's head, before any answer: the checks below took them for frames
                    // and closed a connection never upgraded with a close frame, and no answer came
                    String rawPath = HeadText.of(request.getRequestURIRef().getOriginalRequestURIBC());
                    return RequestTargetFilter.refuse(ctx, request,
                            Refusal.of(rawPath, WebSocketHandshakes.SENT_BEFORE_THE_ANSWER));
                }
            }
            WebSocketFrameHeads.Breach breach = webSocket ? watch.frames(content.getContent()) : null;
            if (breach != null) {
                return closed(ctx, watch, breach);
            }
            return watch.waiting() > 0 && !ctx.getConnection().canWrite() ? whenItsAnswersHaveRoom(ctx)
                    : ctx.getInvokeAction();
        }
        if (!watch.takesItsAnswers()) {
            long waiting = watch.waiting();
            String peer = watch.readNoMore();
            long stopped = STOPPED.occurred(watch.host(), System.nanoTime());
            if (stopped > 0) {
                LOG.info(() -> "Stopped reading requests from " + peer + (stopped == 1 ? "" : " (and " + (stopped - 1)
                        + " more connections of that address since the last such line)") + ": it sent more while " + waiting
                        + " bytes of its earlier answers waited for it to take them; its connection closes once it does (or"
                        + " is reset when they stop moving), and no server thread waits for it meanwhile");
            }
            return ctx.getStopAction();
        }
        if (!watch.addressTakesItsAnswers()) {
            String host = watch.host();
            long refused = REFUSED.occurred(host, System.nanoTime());
            if (refused > 0) {
                LOG.info(() -> "Refused " + refused + (refused == 1 ? " request" : " requests") + " from " + host
                        + " (429): more than " + ConnectionWatch.WAITING_PER_ADDRESS / (1024 * 1024) + " MiB of answers wait"
                        + " for its connections, which do not take them, or of request bodies they have not finished sending"
                        + " (a program that asks and does not read, or one doing it on purpose); its requests are refused"
                        + " until they do or their connections are reset");
            }
            return RequestTargetFilter.refuse(ctx, request,
                    Refusal.tooManyWaiting(HeadText.of(request.getRequestURIRef().getOriginalRequestURIBC())));
        }
        return ctx.getInvokeAction();
    }

    /**
     * Closes a WebSocket whose peer broke a rule of {@link WebSocketFrameHeads}: the close frame that says which goes out
     * after what is already queued and is the last thing that does ({@link ConnectionWatch.Watch#closeSayingWhy}),
     * nothing more is read (the read stays suspended until the connection closes), and what the peer sent in this read is
     * not handed on (the application sees its socket close as a lost connection). The log names the address at most once
     * a minute.
     */
    private static NextAction closed(FilterChainContext ctx, ConnectionWatch.Watch watch, WebSocketFrameHeads.Breach breach) {
        NextAction suspended = ctx.getSuspendAction();
        ctx.suspend();
        String peer = watch.closeSayingWhy(breach.closeFrame());
        long closed = BROKE.occurred(watch.host(), System.nanoTime());
        if (closed > 0) {
            LOG.info(() -> "Closed a WebSocket of " + peer + (closed == 1 ? "" : " (and " + (closed - 1)
                    + " more of that address since the last such line)") + " with " + breach.code() + ": "
                    + breach.forTheLog());
        }
        return suspended;
    }

    /**
     * Hands what an upgraded connection's peer sent on once what waits for that peer is below the bound for its queue
     * (called when it is not), and reads nothing more from it until then (the context stays suspended, so its read
     * interest stays off). The container answers a WebSocket's pings by itself, queueing each pong whether or not the
     * peer reads, so a peer that sent pings as fast as it could and read nothing filled the heap with its pongs (one
     * such socket: 700 MB within seconds, and pages took 51 s to answer). The read goes on in a worker thread: the
     * thread whose write made room may be serving another socket, or hold its locks.
     */
    private static NextAction whenItsAnswersHaveRoom(FilterChainContext ctx) {
        NextAction suspended = ctx.getSuspendAction();
        ctx.suspend();
        ctx.getConnection().notifyCanWrite(new WriteHandler() {
            @Override
            public void onWritePossible() {
                resumeInAWorker(ctx, ctx.getInvokeAction());
            }

            @Override
            public void onError(Throwable closed) {
                resumeInAWorker(ctx, ctx.getStopAction());
            }
        });
        return suspended;
    }

    private static void resumeInAWorker(FilterChainContext ctx, NextAction action) {
        ExecutorService workers = ctx.getConnection().getTransport().getWorkerThreadPool();
        if (workers == null) {
            ctx.resume(action);
            return;
        }
        try {
            workers.execute(() -> ctx.resume(action));
        } catch (RejectedExecutionException stopping) {
            ctx.resume(ctx.getStopAction()); // the server is stopping: what was read is dropped with the connection
        }
    }

    /** Notes the end of each answer, after which the connection's next request head is awaited ({@link ConnectionWatch}). */
    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
        if (event.type() == HttpEvents.ResponseCompleteEvent.TYPE) {
            ConnectionWatch.Watch watch = ConnectionWatch.watch(ctx.getConnection());
            if (watch != null) {
                watch.answered();
            }
        }
        return ctx.getInvokeAction();
    }
}
