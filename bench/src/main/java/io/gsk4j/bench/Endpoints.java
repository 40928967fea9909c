package io.gsk4j.bench;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Both ends of one Java stack on loopback, reduced to what the scenarios do, so that gsk4j
 * and plain JSSE are driven by the same code ({@link LoopbackRounds}).
 */
interface Endpoints extends AutoCloseable {
    /** A listening server on loopback (port chosen by the system). */
    Listener listen() throws IOException;

    /** A client connection to {@code listener}, not yet handshaken. */
    Conn connect(Listener listener) throws IOException;

    @Override
    void close();

    interface Listener extends AutoCloseable {
        /** The next connection, not yet handshaken; null once the listener is closed. */
        Conn accept();

        InetSocketAddress address();

        @Override
        void close();
    }

    /** One end of one TLS connection. */
    interface Conn extends AutoCloseable {
        void handshake() throws IOException;

        /** Bytes read into {@code b}, -1 at the end of the stream. */
        int read(byte[] b, int off, int len) throws IOException;

        /** Writes all {@code len} bytes. */
        void write(byte[] b, int off, int len) throws IOException;

        /** Whether the handshake resumed an earlier session. */
        boolean resumed() throws IOException;

        /** Removes this connection's session from the cache, so no later connection resumes it. */
        void forget() throws IOException;

        @Override
        void close();

        default void readFully(byte[] b, int len) throws IOException {
            for (int got = 0; got < len; ) {
                int n = read(b, got, len - got);
                if (n < 0) {
                    throw new IOException("stream ended after " + got + " of " + len + " bytes");
                }
                got += n;
            }
        }
    }
}
