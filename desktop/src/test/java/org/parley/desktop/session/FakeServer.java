package org.parley.desktop.session;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A {@link Transport} the test plays the server on: it sees each socket, what the client sent, and answers with frames of its choosing. */
final class FakeServer implements Transport {

    /** One socket the client opened. */
    final class Socket implements Link {

        final String token;
        final Listener listener;
        final List<String> sent = new ArrayList<>();
        boolean closed;

        Socket(String token, Listener listener) {
            this.token = token;
            this.listener = listener;
        }

        @Override
        public void send(String text) {
            sent.add(text);
        }

        @Override
        public void close() {
            closed = true;
        }

        void frame(String json) {
            listener.text(this, json);
        }

        /** The server drops the socket (a restart, a network failure) or closes it with a code. */
        void drop(int code) {
            closed = true;
            listener.closed(this, code, "");
        }

        List<String> sentOfType(String type) {
            return sent.stream().filter(f -> f.contains("\"type\":\"" + type + "\"")).toList();
        }
    }

    final List<Socket> sockets = new ArrayList<>();
    final List<String> refusedTokens = new ArrayList<>();
    boolean unreachable;

    @Override
    public void connect(URI endpoint, String bearerToken, Listener listener) {
        if (unreachable) {
            listener.refused(Refusal.UNREACHABLE, "Cannot reach Parley at " + endpoint.getAuthority() + ".");
            return;
        }
        if (refusedTokens.contains(bearerToken)) {
            listener.refused(Refusal.UNAUTHORIZED, "Parley did not accept the sign-in.");
            return;
        }
        Socket socket = new Socket(bearerToken, listener);
        sockets.add(socket);
        listener.opened(socket);
    }

    Socket last() {
        return sockets.get(sockets.size() - 1);
    }
}
