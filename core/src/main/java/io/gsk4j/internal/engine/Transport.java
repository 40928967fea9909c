package io.gsk4j.internal.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The bytes the driver moves, as a non-blocking channel moves them: a read or write returns
 * what it could do now, 0 for nothing ("would block"), -1 at end of stream. Waiting for
 * readiness, the blocking mode and closing stay with the socket channel; only the transfers
 * go through here, so a test can hand the driver its records split at every byte, in odd
 * pieces, with "would block" between them (see the driver's transport tests).
 */
interface Transport {
    int read(ByteBuffer dst) throws IOException;

    int write(ByteBuffer src) throws IOException;

    /** The socket itself: what production uses. */
    static Transport of(SocketChannel channel) {
        return new Transport() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                return channel.read(dst);
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return channel.write(src);
            }
        };
    }
}
