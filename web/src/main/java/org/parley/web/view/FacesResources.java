package org.parley.web.view;

import jakarta.faces.application.ResourceHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.logging.Logger;
import org.parley.web.security.ClientAddress;

/**
 * A request for a Faces resource ({@code /jakarta.faces.resource/…}: the style sheets and scripts of the pages) that
 * names none gets Parley's "Not found" page, as any other address that leads nowhere. Faces answered a missing resource
 * {@code 404} without a word (it sets the status, which shows no error page), and PrimeFaces' dynamic content
 * ({@code pfdrid}) with an id it does not hold an empty {@code 200}.
 */
@WebFilter(filterName = "FacesResources", servletNames = "Faces Servlet")
public class FacesResources extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FacesResources.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + ResourceHandler.RESOURCE_IDENTIFIER + "/")) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        Answer answer = new Answer(response, query != null && query.contains("pfdrid="));
        chain.doFilter(request, answer);
        if (answer.missing() && !response.isCommitted()) {
            LOG.fine(() -> "Answered 404 to " + request.getRequestURI() + " from " + ClientAddress.configured().of(request)
                    + ": no such resource");
            response.resetBuffer();
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /**
     * The answer as Faces gives it, but that a {@code 404} is held back, and so is the flush with which PrimeFaces ends a
     * dynamic-content request it had nothing for (it never asked for the body's stream).
     */
    private static final class Answer extends HttpServletResponseWrapper {

        private final boolean dynamic;
        private boolean notFound;
        private boolean bodyAsked;

        Answer(HttpServletResponse response, boolean dynamic) {
            super(response);
            this.dynamic = dynamic;
        }

        boolean missing() {
            return notFound || dynamic && !bodyAsked && getStatus() == SC_OK;
        }

        @Override
        public void setStatus(int status) {
            if (status == SC_NOT_FOUND) {
                notFound = true;
            } else {
                super.setStatus(status);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyAsked = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyAsked = true;
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!missing()) {
                super.flushBuffer();
            }
        }
    }
}
