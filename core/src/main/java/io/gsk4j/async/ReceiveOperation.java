package io.gsk4j.async;

import io.gsk4j.GskStatus;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * gsk_secure_soc_startRecv: decrypted bytes into the caller's buffer, which advances as they
 * arrive. Completes on the first data, or (fillBuffer) when the buffer is full; at end of
 * stream with what it has (0 bytes = end of stream).
 */
final class ReceiveOperation extends Operation {
    private final ByteBuffer dst;
    private final int start;

    ReceiveOperation(AsyncChannel channel, CompletionPort port, ByteBuffer dst, AsyncOptions options) {
        super(channel, port, options);
        this.dst = dst;
        this.start = dst.position();
    }

    @Override
    OperationKind kind() {
        return OperationKind.RECEIVE;
    }

    @Override
    void step() throws IOException {
        while (true) {
            int n = channel.io.receiveStep(dst);
            if (n < 0 || !options.fillBuffer() || !dst.hasRemaining()) {
                complete(null);
                return;
            }
        }
    }

    @Override
    int bytes() {
        return dst.position() - start;
    }
}
