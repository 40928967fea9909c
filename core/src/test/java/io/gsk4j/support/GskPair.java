package io.gsk4j.support;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.Session;
import io.gsk4j.attr.NumericAttribute;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A gsk4j server and a gsk4j client handshaking on a real loopback pair, for tests about the
 * client's verdict: the server's own outcome is not looked at (it fails whenever the client
 * refuses it). Every wait is bounded by a 10 s handshake timeout.
 */
public final class GskPair {
    private GskPair() {
    }

    /**
     * The client's side of one handshake. The client session stays open so its attributes can
     * be read; closing the outcome closes it.
     */
    public record Outcome(GskException failure, Session client, Duration took) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }

    public static Outcome connect(Environment serverEnv, Environment clientEnv) throws Exception {
        try (Loopback link = Loopback.open()) {
            return handshake(link.server, link.client, serverEnv, clientEnv);
        }
    }

    /**
     * One connection to {@code listener}: a client can resume a session only with the peer (host
     * and port) it made it with, so tests of resumption connect to one listener each time.
     */
    public static Outcome connect(ServerSocketChannel listener, Environment serverEnv, Environment clientEnv) throws Exception {
        try (SocketChannel client = SocketChannel.open(listener.getLocalAddress()); SocketChannel server = listener.accept()) {
            return handshake(server, client, serverEnv, clientEnv);
        }
    }

    private static Outcome handshake(SocketChannel serverChannel, SocketChannel clientChannel, Environment serverEnv,
            Environment clientEnv) throws Exception {
        {
            Session server = serverEnv.openSession();
            server.attach(serverChannel);
            server.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
                try {
                    server.handshake();
                } catch (GskException refusedByTheClient) {
                    // the client's verdict is what the tests look at
                }
                return null;
            });
            Session client = clientEnv.openSession();
            client.attach(clientChannel);
            client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            long started = System.nanoTime();
            GskException failure = null;
            try {
                client.handshake();
            } catch (GskException e) {
                failure = e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            serverSide.result();
            server.close();
            return new Outcome(failure, client, took);
        }
    }

    /**
     * Attaches both sessions to {@code link}'s channels and runs their handshakes to the end (the
     * server's on a thread of its own), 20 s each: [0] client, [1] server. Settings a test needs
     * are made on the sessions before.
     */
    public static Session[] handshaken(Loopback link, Session client, Session server) throws Exception {
        server.attach(link.server);
        client.attach(link.client);
        server.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
        client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
        JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
            server.handshake();
            return null;
        });
        client.handshake();
        serverSide.result();
        return new Session[] {client, server};
    }
}
