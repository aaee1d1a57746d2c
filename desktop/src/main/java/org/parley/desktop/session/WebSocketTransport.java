package org.parley.desktop.session;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.auth.AuthenticationException;
import org.glassfish.tyrus.core.HandshakeException;

/** The real {@link Transport}: Tyrus' standalone Jakarta WebSocket client, with the access token as {@code Authorization: Bearer}. */
public final class WebSocketTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(WebSocketTransport.class.getName());

    private final ClientManager client = ClientManager.createClient();
    private final ExecutorService connecting = Executors.newSingleThreadExecutor(Daemons.named("parley-connect"));

    public WebSocketTransport() {
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, 15_000);
    }

    /** {@code ws(s)://host/ws/client} for a server's {@code http(s)://host/}. */
    public static URI endpointOf(URI server) {
        String scheme = "https".equalsIgnoreCase(server.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + server.getRawAuthority() + "/ws/client");
    }

    @Override
    public void connect(URI endpoint, String bearerToken, Listener listener) {
        connecting.execute(() -> {
            ClientEndpointConfig config = ClientEndpointConfig.Builder.create().configurator(new ClientEndpointConfig.Configurator() {
                @Override
                public void beforeRequest(Map<String, List<String>> headers) {
                    headers.put("Authorization", List.of("Bearer " + bearerToken));
                }
            }).build();
            try {
                client.connectToServer(new Socket(listener), config, endpoint);
            } catch (DeploymentException e) {
                refused(listener, endpoint, e);
            } catch (IOException | RuntimeException e) {
                listener.refused(Refusal.UNREACHABLE, "Cannot reach Parley at " + endpoint.getAuthority() + ".");
            }
        });
    }

    private static void refused(Listener listener, URI endpoint, DeploymentException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationException) {
                listener.refused(Refusal.UNAUTHORIZED, "Parley did not accept the sign-in.");
                return;
            }
            if (cause instanceof HandshakeException handshake) {
                if (handshake.getHttpStatusCode() == 401) {
                    listener.refused(Refusal.UNAUTHORIZED, "Parley did not accept the sign-in.");
                } else {
                    listener.refused(Refusal.NOT_PARLEY, endpoint.getAuthority() + " does not answer like a Parley server (HTTP "
                            + handshake.getHttpStatusCode() + "); check the server address.");
                }
                return;
            }
        }
        LOG.log(Level.FINE, "WebSocket connection failed", e);
        listener.refused(Refusal.UNREACHABLE, "Cannot reach Parley at " + endpoint.getAuthority() + ".");
    }

    /** One socket: its frames go to the listener as they come. */
    private static final class Socket extends Endpoint implements Link {

        private final Listener listener;
        private volatile jakarta.websocket.Session session;

        Socket(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(jakarta.websocket.Session opened, EndpointConfig config) {
            session = opened;
            opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> listener.text(this, text));
            listener.opened(this);
        }

        @Override
        public void onClose(jakarta.websocket.Session closed, CloseReason reason) {
            listener.closed(this, reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }

        @Override
        public void onError(jakarta.websocket.Session failed, Throwable error) {
            LOG.log(Level.FINE, "WebSocket error", error);
        }

        @Override
        public void send(String text) {
            jakarta.websocket.Session open = session;
            if (open != null && open.isOpen()) {
                open.getAsyncRemote().sendText(text, result -> {
                    if (!result.isOK()) {
                        LOG.log(Level.FINE, "A frame could not be sent", result.getException());
                    }
                });
            }
        }

        @Override
        public void close() {
            jakarta.websocket.Session open = session;
            if (open != null && open.isOpen()) {
                try {
                    open.close();
                } catch (IOException e) {
                    LOG.log(Level.FINE, "Closing the socket failed", e);
                }
            }
        }
    }
}
