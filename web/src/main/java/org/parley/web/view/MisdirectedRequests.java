package org.parley.web.view;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.parley.account.control.RepeatedReports;
import org.parley.web.security.ClientAddress;
import org.parley.web.security.PublicAddress;

/**
 * With {@code parley.public-url} set, a request whose {@code Host} names another host — a page, an API, a socket's
 * handshake — is answered {@code 421} ("Misdirected Request", RFC 9110 §15.5.20) in its endpoint's format, before
 * anything reads it: that is how a foreign site that made its own name resolve to Parley's address (DNS rebinding)
 * reaches it from a browser inside the intranet. The log says so at most once a minute, with how many.
 * <p>
 * As a listener it reads the setting when Parley starts: one that cannot be used stops the start, saying why, and the
 * start says in one line which way Parley answers.
 */
@WebFilter(filterName = "MisdirectedRequests", urlPatterns = "/*")
@WebListener
public class MisdirectedRequests extends HttpFilter implements ServletContextListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MisdirectedRequests.class.getName());
    /** Requests refused, for a line in the log at most once a minute (one count for every host and address). */
    private static final RepeatedReports REFUSED = new RepeatedReports(Duration.ofMinutes(1), Clock.systemUTC());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        PublicAddress address = PublicAddress.configured();
        if (address.isSet()) {
            LOG.info(() -> "Parley answers as " + address.origin() + " (" + PublicAddress.SETTING + "): it writes its"
                    + " addresses from it, and refuses requests that name another host (421)");
        } else {
            LOG.info(() -> PublicAddress.SETTING + " is not set: Parley answers whatever host a request names and writes"
                    + " its addresses from it. Set it to the address people reach Parley at (https://parley.example.com)"
                    + " so that no other site's name can reach it (DNS rebinding) and addresses are right behind a proxy");
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        PublicAddress address = PublicAddress.configured();
        String host = request.getHeader("Host");
        if (address.addressed(host)) {
            chain.doFilter(request, response);
            return;
        }
        report(host, ClientAddress.configured().of(request));
        EndpointRefusals.write(request, response, 421, "Misdirected request: this server answers as "
                + address.origin() + " only; the request names another host.");
    }

    private static void report(String host, String from) {
        long count = REFUSED.count("");
        if (count == 0) {
            return;
        }
        String named = host == null ? "no host" : "\"" + host.replaceAll("[^\\x21-\\x7E]", "?") + "\"";
        LOG.info(() -> "Refused " + (count == 1 ? "a request" : count + " requests") + " naming another host than "
                + PublicAddress.SETTING + " (421; the last named " + named + ", from " + from + "). A reverse proxy in front"
                + " of Parley must pass the Host header on (nginx: proxy_set_header Host $host); else some other site's name"
                + " led a browser here. The next such line comes in a minute at the soonest");
    }
}
