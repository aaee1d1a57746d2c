package org.parley.web.view;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The files the container serves as they are ({@code /embed/presence.js}, the presence icons) take what a
 * {@link GetOnlyServlet} takes: {@code GET} and {@code HEAD}, and {@code OPTIONS} tells so. The container's own servlet
 * answered a {@code POST} with the file, and {@code OPTIONS} with {@code PUT} and {@code DELETE}, which it refuses. It
 * sees a {@code Range} only when that asks for one range of bytes ({@link ByteRanges}). Its refusals of a condition
 * ({@code 412}: {@code If-Match} names another version) and of a range beyond the file ({@code 416}) are said in plain
 * words, as Parley's other refusals outside a page are; the container answered them with its own HTML error page.
 */
@WebFilter(filterName = "StaticFilesOnlyRead", servletNames = "default")
public class StaticFilesOnlyRead extends TakenMethodsFilter {

    private static final long serialVersionUID = 1L;

    public StaticFilesOnlyRead() {
        super(TakenMethods.READING);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        super.doFilter(ByteRanges.oneAtMost(request), new InWords(request, response), chain);
    }

    /**
     * The container's file servlet's response, whose {@code 412} and {@code 416} are written in words. Once written, it
     * is sent (so the servlet can change no header), and what the servlet writes after it goes nowhere, as after the
     * container's own error page: the servlet asks for the body's stream even when it has nothing to write.
     */
    private static final class InWords extends HttpServletResponseWrapper {
        private final HttpServletRequest request;
        private boolean answered;

        InWords(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            String sentence = switch (status) {
                case SC_PRECONDITION_FAILED -> "This file has changed since the version the request names (its If-Match"
                        + " or If-Unmodified-Since); fetch it again without them.";
                case SC_REQUESTED_RANGE_NOT_SATISFIABLE -> "This file holds no bytes in the range the request asks for (its"
                        + " Range; Content-Range says the file's length); fetch it without Range to get it whole.";
                default -> null;
            };
            if (sentence == null) {
                super.sendError(status, message);
            } else {
                EndpointRefusals.write(request, (HttpServletResponse) getResponse(), status, sentence);
                getResponse().flushBuffer();
                answered = true;
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return answered ? Nowhere.STREAM : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return answered ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
        }
    }

    /** Where what the file servlet writes after a refusal goes. */
    private static final class Nowhere extends ServletOutputStream {
        static final Nowhere STREAM = new Nowhere();

        @Override
        public void write(int b) {
            // the answer was sent: nothing more is
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("a refused file's answer was sent already");
        }
    }
}
