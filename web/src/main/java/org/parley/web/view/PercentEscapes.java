package org.parley.web.view;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.parley.web.security.ClientAddress;

/**
 * Percent-encoding (RFC 3986 §2.1): every {@code %} starts an escape of exactly two hex digits. A
 * request whose query breaks the rule is answered 400 with a short reason before any page or API
 * reads its parameters (the container would log a server error and answer nothing): the Presence
 * API's JSON on {@code /users/…} and {@code /api/presence}, OAuth's error JSON on the other APIs,
 * plain text on pages. A malformed escape in the path never gets this far: Parley's HTTP guard
 * ({@code http-guard}) answers it, in the same words, in front of the web container.
 * <p>
 * Every request's parameters are read as UTF-8, set here before anything reads them: the container applied its default
 * only when it parsed them, and tried again for an error page after a servlet had read them (a "Not found" after a
 * query), logging a WARNING each time; and JAX-RS, reading a query escape that is no UTF-8 ({@code %C0%AF}) otherwise
 * than the container, took it for a form parameter whose body was gone, and logged a WARNING too.
 */
@WebFilter(filterName = "PercentEscapes", urlPatterns = "/*")
public class PercentEscapes extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PercentEscapes.class.getName());

    static final String SENTENCE = "Bad request: the address has a malformed percent-escape"
            + " (a % must be followed by two hex digits).";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8");
        }
        if (wellFormed(request.getQueryString())) {
            chain.doFilter(request, response);
            return;
        }
        LOG.fine(() -> "Answered 400 to " + request.getRequestURI() + " from " + ClientAddress.configured().of(request)
                + ": its query has a malformed percent-escape");
        EndpointRefusals.write(request, response, HttpServletResponse.SC_BAD_REQUEST, SENTENCE);
    }

    /** Whether every {@code %} in the text (a URI, a query, a form body) is followed by two hex digits. */
    public static boolean wellFormed(String text) {
        if (text == null) {
            return true;
        }
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 3)) {
            if (i + 2 >= text.length() || !hex(text.charAt(i + 1)) || !hex(text.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
