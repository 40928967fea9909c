package io.gsk4j.bench;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.Session;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

/** gsk4j on both ends, through the blocking Session API. */
final class GskStack implements LoopbackStack {
    private final Environment serverEnv;
    private final Environment clientEnv;

    GskStack(BenchPki pki, Suite suite) throws GskException {
        serverEnv = suite.environment(EnumValue.GSK_SERVER_SESSION, pki.serverStore);
        clientEnv = suite.environment(EnumValue.GSK_CLIENT_SESSION, pki.clientStore);
    }

    @Override
    public String name() {
        return "gsk4j";
    }

    @Override
    public double handshakes(long nanos, Counts counts) throws Exception {
        try (ServerSocketChannel listener = listen()) {
            Thread server = new Thread(() -> serveHandshakes(listener, counts), "gsk-hs-server");
            server.start();
            InetSocketAddress address = (InetSocketAddress) listener.getLocalAddress();
            int done = 0;
            long start = System.nanoTime();
            long end = start + nanos;
            while (System.nanoTime() < end) {
                try (SocketChannel ch = connect(address)) {
                    Session s = clientEnv.openSession();
                    try {
                        s.attach(ch);
                        s.handshake();
                        if (s.getEnum(EnumAttribute.GSK_SID_FIRST) != EnumValue.GSK_SID_IS_FIRST) {
                            counts.resumed.incrementAndGet();
                        }
                        s.misc(MiscId.GSK_RESET_SESSION); // no later connection may resume this one
                        done++;
                    } finally {
                        s.close();
                    }
                } catch (IOException e) {
                    counts.fail(counts.clientFailures, e);
                }
            }
            double rate = done / ((System.nanoTime() - start) / 1e9);
            listener.close();
            server.join(10_000);
            return rate;
        }
    }

    private void serveHandshakes(ServerSocketChannel listener, Counts counts) {
        while (listener.isOpen()) {
            SocketChannel ch;
            try {
                ch = listener.accept();
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException e) {
                return; // the listener was closed: the round is over
            }
            try (ch) {
                Session s = serverEnv.openSession();
                try {
                    s.attach(ch);
                    s.handshake();
                    s.misc(MiscId.GSK_RESET_SESSION);
                } finally {
                    s.close();
                }
            } catch (IOException e) {
                counts.fail(counts.serverFailures, e);
            }
        }
    }

    @Override
    public double bulk(long bytes, int chunk) throws Exception {
        AtomicLong receivedAt = new AtomicLong();
        Throwable[] serverError = new Throwable[1];
        try (ServerSocketChannel listener = listen()) {
            Thread receiver = new Thread(() -> {
                try (SocketChannel ch = listener.accept()) {
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    Session s = serverEnv.openSession();
                    try {
                        s.attach(ch);
                        s.handshake();
                        ByteBuffer buf = ByteBuffer.allocate(chunk);
                        long got = 0;
                        while (got < bytes) {
                            buf.clear();
                            int n = s.read(buf);
                            if (n <= 0) {
                                throw new IOException("stream ended after " + got + " bytes");
                            }
                            got += n;
                        }
                        receivedAt.set(System.nanoTime());
                    } finally {
                        s.close();
                    }
                } catch (Exception e) {
                    serverError[0] = e;
                }
            }, "gsk-bulk-receiver");
            receiver.start();
            long start;
            try (SocketChannel ch = connect((InetSocketAddress) listener.getLocalAddress())) {
                Session s = clientEnv.openSession();
                try {
                    s.attach(ch);
                    s.handshake();
                    ByteBuffer buf = ByteBuffer.allocate(chunk);
                    start = System.nanoTime();
                    for (long sent = 0; sent < bytes; sent += chunk) {
                        buf.clear();
                        while (buf.hasRemaining()) {
                            s.write(buf);
                        }
                    }
                    receiver.join(); // the time ends when the last byte is read, not when it is queued
                } finally {
                    s.close();
                }
            }
            if (serverError[0] != null) {
                throw new IllegalStateException("gsk4j bulk receiver failed", serverError[0]);
            }
            return bytes / ((receivedAt.get() - start) / 1e3);
        }
    }

    private static ServerSocketChannel listen() throws IOException {
        return ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    }

    private static SocketChannel connect(InetSocketAddress address) throws IOException {
        SocketChannel ch = SocketChannel.open(address);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return ch;
    }

    @Override
    public void close() throws Exception {
        serverEnv.close();
        clientEnv.close();
    }
}
