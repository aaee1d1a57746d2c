package org.parley.web.socket;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.parley.consent.control.IntranetOrigins;
import org.parley.consent.control.TokenDigests;
import org.parley.web.security.BearerTokens;
import org.parley.web.security.ClientAddress;

/**
 * The handshake of Parley's sockets. The WebSocket API tells an endpoint neither the peer's
 * address nor the {@code Host} the request was sent to, and the upgrade happens before servlet
 * filters; so a request listener notes both for the request's thread, where the container then
 * checks the origin and builds the endpoint's configuration.
 * <p>
 * An {@code Origin} is allowed when it is Parley's own (same host and port as the request) or
 * listed in {@code parley.intranet.origins}; anything else gets 403 and no socket. A handshake
 * without {@code Origin} does not come from a browser page and is let through.
 */
public class Handshake extends ServerEndpointConfig.Configurator {

    static final String PEER = "parley.peer";
    /** The hash of the Bearer token a member client connected with, if it did. */
    static final String BEARER_HASH = "parley.bearer";
    private static final Logger LOG = Logger.getLogger(Handshake.class.getName());
    private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

    /** What the servlet request knew about the handshake now on this thread. */
    record Request(String host, String peer, String path) {
    }

    @Override
    public boolean checkOrigin(String origin) {
        if (origin == null) {
            return true;
        }
        Request request = CURRENT.get();
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        boolean allowed = request != null && sameOrigin(normalized, request.host())
                || IntranetOrigins.of(ConfigProvider.getConfig(Handshake.class.getClassLoader())).contains(normalized);
        if (!allowed) {
            LOG.info(() -> "Refused a WebSocket handshake" + (request == null ? "" : " to " + request.path() + " from "
                    + request.peer()) + ": the page origin " + origin.replaceAll("\\p{Cntrl}", "?")
                    + " is neither Parley nor listed in parley.intranet.origins");
        }
        return allowed;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Request current = CURRENT.get();
        config.getUserProperties().put(PEER, current == null ? "unknown" : current.peer());
        String authorization = request.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Authorization") && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        config.getUserProperties().put(BEARER_HASH, BearerTokens.token(authorization).map(TokenDigests::of).orElse(null));
    }

    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host.trim())
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Notes host and peer of every request to a socket path, for the handshake on the same thread. */
    @WebListener
    public static class Requests implements ServletRequestListener {

        @Override
        public void requestInitialized(ServletRequestEvent event) {
            if (event.getServletRequest() instanceof HttpServletRequest http
                    && http.getRequestURI().startsWith(http.getContextPath() + "/ws/")) {
                CURRENT.set(new Request(http.getHeader("Host"), ClientAddress.configured().of(http), http.getRequestURI()));
            }
        }

        @Override
        public void requestDestroyed(ServletRequestEvent event) {
            CURRENT.remove();
        }
    }
}
