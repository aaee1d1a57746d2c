package org.parley.desktop.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network path to Parley that the test can cut and mend, like a Wi-Fi that drops: while cut,
 * open connections are broken and new ones refused; the port stays the same.
 */
final class CuttableLink implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    CuttableLink(URI parley) {
        target = new InetSocketAddress(parley.getHost(), parley.getPort());
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mend();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    void cut() {
        close();
    }

    void mend() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listener = socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> accept(listener), "cuttable link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket from) {
        while (!from.isClosed()) {
            try {
                Socket client = from.accept();
                Socket server = new Socket();
                server.connect(target);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // cut, or this one connection failed
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // cut
            } finally {
                quietly(from);
                quietly(to);
            }
        }, "cuttable pipe");
        copier.setDaemon(true);
        copier.start();
    }

    private static void quietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        quietly(listener);
        open.forEach(CuttableLink::quietly);
        open.clear();
    }
}
