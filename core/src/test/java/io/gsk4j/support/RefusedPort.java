package io.gsk4j.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * A loopback port where every connection is refused, for as long as the test holds it: a
 * socket bound to it that never listens. Unlike a port that was free a moment ago, nothing
 * else (another test class running beside this one, say) can start listening there meanwhile.
 */
public final class RefusedPort implements AutoCloseable {
    private final SocketChannel bound;
    private final int port;

    private RefusedPort(SocketChannel bound, int port) {
        this.bound = bound;
        this.port = port;
    }

    public static RefusedPort open() throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)); // no SO_REUSEADDR: nobody binds it beside us
        return new RefusedPort(ch, ((InetSocketAddress) ch.getLocalAddress()).getPort());
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        bound.close();
    }
}
