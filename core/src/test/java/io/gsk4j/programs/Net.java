package io.gsk4j.programs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ConnectException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/** The socket calls the C programs make around GSKit: connect, poll(), and non-blocking mode. */
final class Net {
    private Net() {
    }

    /** A connected socket, set non-blocking as curl, HTTPAPI and ILEvator set theirs (O_NONBLOCK). */
    static SocketChannel connectNonBlocking(int port) throws IOException, InterruptedException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                SocketChannel ch = SocketChannel.open(address);
                ch.configureBlocking(false);
                return ch;
            } catch (ConnectException refused) {
                if (System.nanoTime() > end) {
                    throw refused;
                }
                Thread.sleep(20); // the listener is coming up; bounded
            }
        }
    }

    /**
     * poll() on one socket: 1 when it is ready for {@code ops} within {@code timeoutMillis}
     * (negative waits forever, 0 only looks), else 0. The kernel's view only: bytes a
     * library took off the socket are invisible here, as they are to poll().
     */
    static int poll(SocketChannel ch, int ops, long timeoutMillis) throws IOException {
        boolean wasBlocking = ch.isBlocking();
        if (wasBlocking) {
            ch.configureBlocking(false);
        }
        try (Selector selector = Selector.open()) {
            SelectionKey key = ch.register(selector, ops);
            int n = timeoutMillis < 0 ? selector.select() : timeoutMillis == 0 ? selector.selectNow() : selector.select(timeoutMillis);
            key.cancel();
            selector.selectNow(); // deregistered before the library touches the socket again
            return n > 0 ? 1 : 0;
        } finally {
            if (wasBlocking) {
                ch.configureBlocking(true);
            }
        }
    }

    static int pollIn(SocketChannel ch, long timeoutMillis) throws IOException {
        return poll(ch, SelectionKey.OP_READ, timeoutMillis);
    }

    /** A TCP server that accepts and never says a word: a peer whose handshake never comes. */
    static ServerSocketChannel silentListener() throws IOException {
        return ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    static int port(ServerSocketChannel listener) throws IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }
}
