package io.gsk4j.bench;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.Session;
import io.gsk4j.async.AsyncOptions;
import io.gsk4j.async.Completion;
import io.gsk4j.async.CompletionPort;
import io.gsk4j.async.PortDestroyedException;
import io.gsk4j.async.Started;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A completion-port server: one acceptor thread starts each handshake, one thread takes every
 * completion from one port and keeps each connection busy (receive, echo, receive ...). All
 * socket work runs on gsk4j's I/O threads.
 */
final class EchoServer implements AutoCloseable {
    final AtomicInteger handshakes = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger echoes = new AtomicInteger();
    final AtomicInteger cleanEnds = new AtomicInteger();

    private final Environment env;
    private final CompletionPort port;
    private final ServerSocketChannel listener;
    private final boolean closeAfterHandshake;
    private final Thread acceptor;
    private final Thread completer;

    /** One connection; its small buffer is the application's own, for the echo. */
    private static final class Conn {
        final SocketChannel channel;
        final Session session;
        final ByteBuffer buffer = ByteBuffer.allocate(64);

        Conn(SocketChannel channel, Session session) {
            this.channel = channel;
            this.session = session;
        }
    }

    EchoServer(Environment env, boolean closeAfterHandshake) throws IOException {
        this.env = env;
        this.port = CompletionPort.open();
        this.listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        this.closeAfterHandshake = closeAfterHandshake;
        this.acceptor = new Thread(this::acceptLoop, "bench-acceptor");
        this.completer = new Thread(this::completionLoop, "bench-completions");
        acceptor.setDaemon(true);
        completer.setDaemon(true);
        acceptor.start();
        completer.start();
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) listener.getLocalAddress();
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            SocketChannel ch;
            try {
                ch = listener.accept();
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                failures.incrementAndGet();
                continue;
            }
            try {
                Session s = env.openSession();
                s.attach(ch);
                s.startHandshake(port, AsyncOptions.attach(new Conn(ch, s)));
            } catch (GskException e) {
                failures.incrementAndGet();
                quietlyClose(ch);
            }
        }
    }

    private void completionLoop() {
        try {
            while (true) {
                Completion c = port.take();
                while (c != null) {
                    c = handle(c); // a start that finished at once hands its result straight back
                }
            }
        } catch (PortDestroyedException | InterruptedException e) {
            // the server is closing
        }
    }

    private Completion handle(Completion c) {
        Conn conn = (Conn) c.attachment();
        try {
            switch (c.kind()) {
                case HANDSHAKE:
                    if (!c.succeeded()) {
                        failures.incrementAndGet();
                        end(conn);
                        return null;
                    }
                    handshakes.incrementAndGet();
                    if (closeAfterHandshake) {
                        end(conn);
                        return null;
                    }
                    return receive(conn);
                case RECEIVE:
                    if (!c.succeeded()) {
                        failures.incrementAndGet();
                        end(conn);
                        return null;
                    }
                    if (c.bytes() == 0) {
                        cleanEnds.incrementAndGet(); // the client's close_notify
                        end(conn);
                        return null;
                    }
                    conn.buffer.flip();
                    Started sent = conn.session.startSend(port, conn.buffer, AsyncOptions.attach(conn));
                    return sent.pending() ? null : sent.completion();
                case SEND:
                    if (!c.succeeded()) {
                        failures.incrementAndGet();
                        end(conn);
                        return null;
                    }
                    echoes.incrementAndGet();
                    return receive(conn);
                default:
                    return null;
            }
        } catch (GskException e) {
            failures.incrementAndGet();
            end(conn);
            return null;
        }
    }

    private Completion receive(Conn conn) throws GskException {
        conn.buffer.clear();
        Started st = conn.session.startReceive(port, conn.buffer, AsyncOptions.attach(conn));
        return st.pending() ? null : st.completion();
    }

    private static void end(Conn conn) {
        conn.session.close();
        quietlyClose(conn.channel);
    }

    private static void quietlyClose(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to report in a measurement
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        port.destroy();
        try {
            acceptor.join(5000);
            completer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
