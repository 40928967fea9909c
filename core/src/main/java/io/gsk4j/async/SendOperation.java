package io.gsk4j.async;

import io.gsk4j.GskStatus;
import java.io.IOException;
import java.nio.ByteBuffer;

/** gsk_secure_soc_startSend: completes when every byte of the caller's buffer is on the wire. */
final class SendOperation extends Operation {
    private final ByteBuffer src;
    private final int start;

    SendOperation(AsyncChannel channel, CompletionPort port, ByteBuffer src, AsyncOptions options) {
        super(channel, port, options);
        this.src = src;
        this.start = src.position();
    }

    @Override
    OperationKind kind() {
        return OperationKind.SEND;
    }

    @Override
    void step() throws IOException {
        channel.io.sendStep(src);
        complete(null);
    }

    @Override
    int bytes() {
        return src.position() - start;
    }
}
