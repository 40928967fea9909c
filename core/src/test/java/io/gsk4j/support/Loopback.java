package io.gsk4j.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A connected pair of real TCP channels on loopback. */
public final class Loopback implements AutoCloseable {
    public final SocketChannel client;
    public final SocketChannel server;

    private Loopback(SocketChannel client, SocketChannel server) {
        this.client = client;
        this.server = server;
    }

    public static Loopback open() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open(listener.getLocalAddress());
            SocketChannel server = listener.accept();
            return new Loopback(client, server);
        }
    }

    /** A listener for peers that connect by themselves (the JDK's SSLSocket). */
    public static ServerSocketChannel listen() throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return listener;
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
    }
}
