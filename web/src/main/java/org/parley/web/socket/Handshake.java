package org.parley.web.socket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.parley.consent.control.TokenDigests;
import org.parley.web.security.BearerTokens;
import org.parley.web.security.ClientAddress;
import org.parley.web.security.PublicAddress;

/**
 * The handshake of Parley's sockets, one configurator per kind of endpoint. The WebSocket API
 * tells an endpoint neither the peer's address nor the {@code Host} the request was sent to, and
 * the upgrade happens before servlet filters; so a request listener notes both for the request's
 * thread, where the container then checks the origin and modifies the handshake.
 * <ul>
 * <li>{@link Pages} ({@code /ws/control}, {@code /ws/presence}): an {@code Origin} is allowed when
 * it is Parley's own (same host and port as the request) or listed in {@code parley.intranet.origins} (as in effect now: Admin → Settings);
 * a handshake without {@code Origin} does not come from a browser page and is let through.</li>
 * <li>{@link Members} ({@code /ws/client}): only Parley's own origin, since the socket reads and
 * answers the member's conversations with their cookie; no {@code Origin} only with a Bearer token
 * (the desktop client), which no page can put on a browser's handshake.</li>
 * </ul>
 * Anything else gets 403 and no socket, and a log line saying why.
 * <p>
 * What the handshake learnt ({@link Facts}) goes into the user properties that
 * {@code modifyHandshake} is given. Jakarta WebSocket 2.1 makes those a copy per connection that
 * becomes the {@link Session}'s own user properties (Tyrus 2.1, in Payara 6, does so: it wraps the
 * endpoint's configuration for each handshake); endpoints read them from the session only. A
 * container that shared one map between handshakes would mix up callers, so a map that already
 * holds another handshake's facts stops the handshake.
 */
public abstract class Handshake extends ServerEndpointConfig.Configurator {

    private static final String FACTS = Facts.class.getName();
    private static final Logger LOG = Logger.getLogger(Handshake.class.getName());
    private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

    /** What the servlet request knew about the handshake now on this thread, and that request. */
    record Request(String host, String peer, String path, boolean bearer, ServletRequest servlet) {
    }

    /**
     * The request attribute that names, for a handshake refused for its origin, the text of the pages' bundle that the
     * 403 page ({@code forbidden.xhtml}) shows instead of its own: why the page may not open the socket.
     */
    public static final String WHY_FORBIDDEN = Handshake.class.getName() + ".whyForbidden";

    /**
     * What one handshake learnt, for its session: the peer's address, the hash of the Bearer token it carried, if any,
     * and, when a signed-in browser session (not a token) said who the caller is, that session, which the socket does not
     * outlive ({@link SocketSessions#openedWithSession}).
     */
    record Facts(String peer, String bearerHash, HttpSession signedIn) {

        /** This session's facts; a session always has them, since every handshake records them. */
        static Facts of(Session session) {
            return (Facts) session.getUserProperties().get(FACTS);
        }
    }

    /** {@code /ws/control} and {@code /ws/presence}: pages of Parley and of the intranet. */
    public static final class Pages extends Handshake {

        @Override
        boolean admits(String origin, Request request) {
            if (origin == null) {
                return true;
            }
            String normalized = origin.trim().toLowerCase(Locale.ROOT);
            if (request != null && sameOrigin(normalized, request.host())
                    || endpoints().intranetOrigins().contains(normalized)) {
                return true;
            }
            refused(request, "the page origin " + shown(origin) + " is neither Parley nor listed in parley.intranet.origins",
                    "forbidden.pageOrigin");
            return false;
        }
    }

    /** {@code /ws/client}: Parley's own pages, or a client without a page that shows a Bearer token. */
    public static final class Members extends Handshake {

        @Override
        boolean admits(String origin, Request request) {
            if (request == null) {
                refused(null, "the request was not seen by Parley's request listener", null);
                return false;
            }
            if (origin == null) {
                if (request.bearer()) {
                    return true;
                }
                refused(request, "it has neither an Origin nor a Bearer token (a browser page must be Parley's own, "
                        + "and the desktop client sends Authorization: Bearer with its access token)", "forbidden.membersOrigin");
                return false;
            }
            if (sameOrigin(origin.trim().toLowerCase(Locale.ROOT), request.host())) {
                return true;
            }
            refused(request, "the page origin " + shown(origin) + " is not Parley's own; the members' socket takes only "
                    + "Parley's pages (parley.intranet.origins admits intranet pages to /ws/control and /ws/presence only)",
                    "forbidden.membersOrigin");
            return false;
        }
    }

    /** The endpoints' collaborators, looked up once per configurator (one per endpoint class and deployment). */
    private volatile SocketEndpoints endpoints;

    /** Whether a handshake with this {@code Origin} (null when there is none) may open the socket. */
    abstract boolean admits(String origin, Request request);

    /** A new endpoint for the connection, made with collaborators resolved once ({@link SocketEndpoints}). */
    @Override
    public final <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        return endpoints().create(endpointClass);
    }

    final SocketEndpoints endpoints() {
        SocketEndpoints with = endpoints;
        if (with == null) {
            with = CDI.current().select(SocketEndpoints.class).get();
            endpoints = with;
        }
        return with;
    }

    @Override
    public final boolean checkOrigin(String origin) {
        return admits(origin, CURRENT.get());
    }

    @Override
    public final void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, Object> perConnection = config.getUserProperties();
        if (perConnection.containsKey(FACTS)) {
            LOG.severe("Refused a WebSocket handshake to " + config.getPath() + ": the container hands every handshake "
                    + "the same user properties, so one caller's address and token would reach another's session. "
                    + "Parley needs Jakarta WebSocket 2.1 (Payara 6 or later).");
            throw new IllegalStateException("the WebSocket container shares user properties between handshakes");
        }
        Request current = CURRENT.get();
        String authorization = request.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Authorization") && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        String bearerHash = BearerTokens.token(authorization).map(TokenDigests::of).orElse(null);
        HttpSession signedIn = bearerHash == null && request.getUserPrincipal() != null
                && request.getHttpSession() instanceof HttpSession session ? session : null;
        perConnection.put(FACTS, new Facts(current == null ? "unknown" : current.peer(), bearerHash, signedIn));
    }

    /** Logs why a handshake was refused, and notes which words of the pages' bundle its 403 page shows ({@code page}). */
    private static void refused(Request request, String why, String page) {
        LOG.info(() -> "Refused a WebSocket handshake" + (request == null ? "" : " to " + request.path() + " from "
                + request.peer()) + ": " + why);
        if (request != null && page != null) {
            request.servlet().setAttribute(WHY_FORBIDDEN, page);
        }
    }

    private static String shown(String origin) {
        return origin.replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * Whether {@code origin} (lower case) is Parley's own: {@code parley.public-url} when set, else {@code host} (the
     * request's {@code Host}) under http or https ({@link PublicAddress#sameOrigin}).
     */
    public static boolean sameOrigin(String origin, String host) {
        return PublicAddress.configured().sameOrigin(origin, host);
    }

    /** Notes host, peer and whether a Bearer token came, for every request to a socket path, for the handshake on the same thread. */
    @WebListener
    public static class Requests implements ServletRequestListener {

        @Override
        public void requestInitialized(ServletRequestEvent event) {
            // the decoded path, as the socket endpoints are matched: /%77s/presence is /ws/presence (found by attacking
            // from outside: it went unseen here, and its handshake was refused without saying why)
            if (event.getServletRequest() instanceof HttpServletRequest http && http.getServletPath().startsWith("/ws/")) {
                CURRENT.set(new Request(http.getHeader("Host"), ClientAddress.configured().of(http), http.getRequestURI(),
                        BearerTokens.token(http.getHeader("Authorization")).isPresent(), http));
            }
        }

        @Override
        public void requestDestroyed(ServletRequestEvent event) {
            CURRENT.remove();
        }
    }
}
