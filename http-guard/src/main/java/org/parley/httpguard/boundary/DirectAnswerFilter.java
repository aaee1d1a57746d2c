package org.parley.httpguard.boundary;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Sits between Grizzly's HTTP codec and Payara's web container and answers a request an
 * application registered in {@link DirectAnswers} has an answer for, keeping the connection as the
 * client asked (keep-alive, pipelining). Only a complete {@code GET} without a credential or an
 * upgrade is offered; everything else, and every request the answerer declines or fails on, goes
 * on to the container untouched, which then answers it as always.
 */
public final class DirectAnswerFilter extends BaseFilter {

    private static final Logger LOG = Logger.getLogger(DirectAnswerFilter.class.getName());

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (DirectAnswers.none()
                || !(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)
                || !content.isLast() || request.getMethod() != Method.GET || request.isUpgrade()
                || request.getHeaders().contains(Header.Authorization)) {
            return ctx.getInvokeAction();
        }
        String path = HeadText.of(request.getRequestURIRef().getOriginalRequestURIBC());
        DirectAnswers.Registration registration = DirectAnswers.forPath(path);
        if (registration == null) {
            return ctx.getInvokeAction();
        }
        DirectAnswers.Answer answer = answer(registration, new DirectAnswers.Request(
                path.substring(registration.contextPath().length()), HeadText.of(request.getQueryStringDC()),
                request.isSecure() ? "https" : "http", HeadText.of(request.getHeaders().getValue(Header.Host)),
                HeadText.of(request.getHeaders().getValue(Header.IfNoneMatch))));
        if (answer == null) {
            return ctx.getInvokeAction();
        }
        HttpResponsePacket response = request.getResponse();
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        ctx.write(HttpContent.builder(response)
                .content(Buffers.wrap(ctx.getMemoryManager(), answer.body()))
                .last(true)
                .build());
        ctx.notifyDownstream(HttpServerFilter.RESPONSE_COMPLETE_EVENT);
        return ctx.getStopAction();
    }

    /** The registration's answer, asked with its class loader; {@code null} when it has none or fails. */
    private static DirectAnswers.Answer answer(DirectAnswers.Registration registration, DirectAnswers.Request request) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(registration.loader());
        try {
            return registration.answerer().answer(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An application's direct answer to " + request.path() + " failed; its web container answers instead", e);
            return null;
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
