package org.parley.web.rest;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.parley.httpguard.boundary.DirectAnswers;
import org.parley.web.security.PublicAddress;

/**
 * Gives the Presence API's anonymous requests to Parley's HTTP guard ({@code http-guard}), which
 * answers them in front of the web container: a request with no credential needs none of the
 * container's per-request work (its authentication bridge, permission checks, invocation and
 * request contexts), and the reply is {@link PresenceReplies}', as the servlet's would be. The
 * guard offers only a complete {@code GET} without {@code Authorization}; this answerer also
 * leaves to the container ({@link UserPresenceServlet}) any request whose query or {@code Host} is
 * not plain (escapes, a bare name, odd characters), so both paths answer alike. Without the guard
 * installed in front of the container the servlet answers everything, and the log says so.
 */
@WebListener
public class PresenceDirectAnswers implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(PresenceDirectAnswers.class.getName());
    private static final String GUARD = "org.parley.httpguard.boundary.DirectAnswers";
    private static final String USERS = "/users";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.\\-]*");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    /** The plain parameters of a presence request. */
    record Query(String callback, String market) {
    }

    @Inject
    PresenceReplies replies;

    private AutoCloseable registration;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!guardInFront()) {
            LOG.info("Parley's HTTP guard is not in front of the web container: the web container answers the Presence API"
                    + " (slower; the README's Deploying section says how to install the guard)");
            return;
        }
        registration = Guard.register(event.getServletContext().getContextPath(), replies);
        LOG.info("Parley's HTTP guard answers the Presence API's anonymous requests in front of the web container");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (registration != null) {
            try {
                registration.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not take the Presence API back from Parley's HTTP guard", e);
            }
        }
    }

    /** Whether the guard's library is on the server's class path and its filters are in front of the container. */
    private static boolean guardInFront() {
        try {
            Class.forName(GUARD, false, PresenceDirectAnswers.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return Guard.inFront();
    }

    /** Everything that names the guard's types, loaded only once the guard is known to be there. */
    private static final class Guard {

        static boolean inFront() {
            return DirectAnswers.inFront();
        }

        static AutoCloseable register(String contextPath, PresenceReplies replies) {
            return DirectAnswers.register(contextPath, USERS + "/", request -> answer(replies, request, contextPath));
        }

        private static DirectAnswers.Answer answer(PresenceReplies replies, DirectAnswers.Request request, String contextPath) {
            Query query = query(request.query());
            String base = base(request.scheme(), request.host(), contextPath);
            if (query == null || base == null) {
                return null;
            }
            return replies.reply(request.path().substring(USERS.length()), query.callback(), query.market(), base,
                            Optional.empty(), request.ifNoneMatch())
                    .map(reply -> new DirectAnswers.Answer(reply.status(), reply.contentType(), reply.headers(), reply.body()))
                    .orElse(null);
        }
    }

    /**
     * The query's {@code cb} and {@code mkt} (the first of each; others ignored, as the servlet
     * does), or {@code null} when any part is not a plain {@code name=value} of letters, digits,
     * {@code _ . -}: the container then reads it as always.
     */
    static Query query(String query) {
        String callback = null;
        String market = null;
        if (query == null || query.isEmpty()) {
            return new Query(null, null);
        }
        for (String part : query.split("&", -1)) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                return null;
            }
            String name = part.substring(0, equals);
            String value = part.substring(equals + 1);
            if (!PLAIN.matcher(name).matches() || !PLAIN.matcher(value).matches()) {
                return null;
            }
            if (name.equals("cb") && callback == null) {
                callback = value;
            } else if (name.equals("mkt") && market == null) {
                market = value;
            }
        }
        return new Query(callback, market);
    }

    /**
     * Parley's own address as the caller wrote it, as the servlet makes it ({@code scheme://host[:port]/context/},
     * the port only when not the scheme's own), or {@code null} for a missing or unusual {@code Host}.
     */
    static String base(String scheme, String host, String contextPath) {
        if (host == null || !HOST.matcher(host).matches()) {
            return null;
        }
        PublicAddress address = PublicAddress.configured();
        if (address.isSet()) {
            // a request naming another host is the container's to refuse (MisdirectedRequests)
            return address.addressed(host) ? address.origin() + contextPath + "/" : null;
        }
        int colon = host.lastIndexOf(':');
        String name = host;
        if (colon > host.lastIndexOf(']')) {
            name = host.substring(0, colon);
            int port = Integer.parseInt(host.substring(colon + 1));
            if (port != ("https".equals(scheme) ? 443 : 80)) {
                name = host;
            }
        }
        return scheme + "://" + name + contextPath + "/";
    }
}
