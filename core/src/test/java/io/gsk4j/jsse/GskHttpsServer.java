package io.gsk4j.jsse;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.Session;
import io.gsk4j.attr.NumericAttribute;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What {@code gsk4j server} does in HTTP mode, reduced to the test's needs: gsk4j server
 * sessions on loopback answering every request with a fixed body, each connection's outcome
 * (null for success, else the session's failure) queued for the test to read.
 */
final class GskHttpsServer implements AutoCloseable {
    static final String BODY = "hello from a gsk4j session";

    private final Environment env;
    private final ServerSocketChannel listener;
    private final Thread acceptor;
    private final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();

    GskHttpsServer(Environment env) throws IOException {
        this.env = env;
        this.listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "gsk4j-https-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() throws IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    /** The next connection's outcome: "ok", or the GskException its session failed with. */
    Object nextOutcome() throws InterruptedException {
        Object o = outcomes.poll(20, TimeUnit.SECONDS);
        if (o == null) {
            throw new AssertionError("the gsk4j server saw no connection end within 20 s");
        }
        return o;
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            try (SocketChannel ch = listener.accept()) {
                outcomes.add(serve(ch));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private Object serve(SocketChannel ch) {
        Session s = null;
        try {
            s = env.openSession();
            s.attach(ch);
            s.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            s.handshake();
            readRequestHead(s);
            byte[] body = BODY.getBytes(StandardCharsets.US_ASCII);
            String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            s.write(ByteBuffer.wrap((head + BODY).getBytes(StandardCharsets.US_ASCII)));
            return "ok";
        } catch (GskException e) {
            return e;
        } finally {
            if (s != null) {
                s.close();
            }
        }
    }

    private static void readRequestHead(Session s) throws GskException {
        StringBuilder seen = new StringBuilder();
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (seen.indexOf("\r\n\r\n") < 0) {
            buf.clear();
            int n = s.read(buf);
            if (n <= 0) {
                return;
            }
            seen.append(new String(buf.array(), 0, n, StandardCharsets.ISO_8859_1));
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
