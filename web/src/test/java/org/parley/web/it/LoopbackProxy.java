package org.parley.web.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A reverse proxy in miniature: takes connections on 127.0.0.1 and passes their bytes to Parley
 * from another loopback address ({@code 127.0.0.2}, {@code 127.0.0.3}, …: all of 127/8 is this
 * machine), so Parley sees that address as the peer. What the proxy would add itself, such as
 * {@code X-Forwarded-For}, the client sends (see {@link Browser#Browser(URL, java.util.Map)}).
 */
final class LoopbackProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private LoopbackProxy(ServerSocket listener) {
        this.listener = listener;
    }

    /** Starts passing connections to {@code parley} from {@code peer}. */
    static LoopbackProxy from(String peer, URL parley) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            LoopbackProxy proxy = new LoopbackProxy(listener);
            InetSocketAddress target = new InetSocketAddress(parley.getHost(), parley.getPort());
            InetAddress from = InetAddress.getByName(peer);
            Thread acceptor = new Thread(() -> proxy.accept(target, from), "proxy " + peer);
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where clients reach Parley through this proxy, ending in a slash. */
    URL base() {
        try {
            return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void accept(InetSocketAddress target, InetAddress from) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.bind(new InetSocketAddress(from, 0));
                server.connect(target);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // closed, or this one connection failed: the client sees its connection drop
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (SocketException e) {
                // the other direction closed both
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                close(from);
                close(to);
            }
        }, "proxy pipe");
        copier.setDaemon(true);
        copier.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(LoopbackProxy::close);
    }
}
