package io.gsk4j.cli;

import io.gsk4j.compat.CertDataElem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One demo connection on loopback: a GSKit server session in its own thread, a GSKit client
 * session in the caller's, both built from {@link GskPeer.Config}s. On success each side
 * sends one message. Nothing can hang: sessions carry handshake and read timeouts, and the
 * server thread is joined with a limit, after which its listener is closed under it.
 */
final class Connection {
    static final String CLIENT_MESSAGE = "hello from the gsk4j client";
    static final String SERVER_MESSAGE = "hello back from the gsk4j server";
    private static final long JOIN_MILLIS = 30_000;

    /** What the demo prints about a connection once both sides are done. */
    record Outcome(Transcript transcript, GskPeer client, GskPeer server, String cipherSpec, int protocolUsed,
                   List<CertDataElem> partnerCertificate, String serverReceived, String clientReceived, String problem) {
        /** Every call on both sides returned GSK_OK and both messages arrived intact. */
        boolean fullySuccessful() {
            return problem == null && client.rc() == 0 && server.rc() == 0
                    && CLIENT_MESSAGE.equals(serverReceived) && SERVER_MESSAGE.equals(clientReceived);
        }
    }

    private Connection() {
    }

    static Outcome run(GskPeer.Config serverConfig, GskPeer.Config clientConfig) throws IOException, InterruptedException {
        Transcript transcript = new Transcript();
        GskPeer server = new GskPeer(serverConfig, transcript);
        GskPeer client = new GskPeer(clientConfig, transcript);
        AtomicReference<String> serverReceived = new AtomicReference<>();
        String problem = null;
        String cipher = null;
        int protocol = -1;
        List<CertDataElem> partner = List.of();
        String clientReceived = null;

        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            // '&', not '&&': both environments are set up so the transcript shows both sides
            boolean ready = server.openEnvironment() & client.openEnvironment();
            if (ready) {
                Thread serverThread = new Thread(() -> serve(listener, server, serverReceived), "gsk4j-demo-server");
                serverThread.setDaemon(true);
                serverThread.start();
                try (SocketChannel channel = Connector.noDelay(SocketChannel.open(listener.getLocalAddress()))) {
                    if (client.openSession(channel) && client.handshake()) {
                        cipher = client.cipherSpec();
                        protocol = client.protocolUsed();
                        partner = client.partnerCertificate();
                        client.write(CLIENT_MESSAGE);
                        clientReceived = client.read();
                    }
                    client.close();
                }
                serverThread.join(JOIN_MILLIS);
                if (serverThread.isAlive()) {
                    listener.close(); // wakes a server still waiting in accept
                    serverThread.interrupt();
                    serverThread.join(JOIN_MILLIS);
                    problem = "the server thread did not finish within " + JOIN_MILLIS / 1000 + " s";
                }
            } else {
                client.close();
                server.close();
            }
        } finally {
            listener.close();
        }
        return new Outcome(transcript, client, server, cipher, protocol, partner, serverReceived.get(), clientReceived, problem);
    }

    /** The server thread: accept one connection, handshake, answer one message. */
    private static void serve(ServerSocketChannel listener, GskPeer server, AtomicReference<String> received) {
        SocketChannel channel = null;
        try {
            channel = Connector.noDelay(listener.accept());
            if (server.openSession(channel) && server.handshake()) {
                received.set(server.read());
                server.write(SERVER_MESSAGE);
            }
        } catch (IOException e) {
            // the listener was closed by the watchdog in run(): the transcript shows how far it got
        } finally {
            server.close(); // the session first: its close_notify needs the socket
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do with a socket that will not close
            }
        }
    }
}
