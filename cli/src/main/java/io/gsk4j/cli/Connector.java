package io.gsk4j.cli;

import io.gsk4j.Errno;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;

/**
 * Opens the TCP connection a GSKit session runs on, as a C program's connect() would. A
 * failure here has no GSKit status; it is described by errno where there is one.
 */
final class Connector {
    /** Why the TCP connection failed. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final Errno errno;
        final boolean unknownHost;

        Failure(String message, Errno errno, boolean unknownHost) {
            super(message);
            this.errno = errno;
            this.unknownHost = unknownHost;
        }
    }

    private Connector() {
    }

    static SocketChannel connect(HostPort target, int timeoutSeconds) throws Failure {
        InetAddress address;
        try {
            address = InetAddress.getByName(target.host());
        } catch (UnknownHostException e) {
            throw new Failure("unknown host " + target.host(), null, true);
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.socket().connect(new InetSocketAddress(address, target.port()), timeoutSeconds * 1000);
            return noDelay(channel);
        } catch (SocketTimeoutException e) {
            close(channel);
            throw new Failure("no answer within " + timeoutSeconds + " s", Errno.ETIMEDOUT, false);
        } catch (ConnectException e) {
            close(channel);
            Errno errno = Errno.of(e);
            throw new Failure(String.valueOf(e.getMessage()), errno == Errno.EIO ? null : errno, false);
        } catch (IOException e) {
            close(channel);
            throw new Failure(e.getClass().getSimpleName() + ": " + e.getMessage(), null, false);
        }
    }

    /**
     * TCP_NODELAY on a connection of the command's own: a TLS record is written whole, and Nagle's
     * algorithm would hold a small one back until the peer's delayed ACK (tens of milliseconds).
     */
    static SocketChannel noDelay(SocketChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return channel;
    }

    static void close(java.nio.channels.Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to do with a socket that will not close
            }
        }
    }
}
