package io.gsk4j.async;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;

/** gsk_secure_soc_startInit: the handshake, driven by the I/O thread, bounded by GSK_HANDSHAKE_TIMEOUT. */
final class HandshakeOperation extends Operation {
    HandshakeOperation(AsyncChannel channel, CompletionPort port, AsyncOptions options) {
        super(channel, port, options);
    }

    @Override
    OperationKind kind() {
        return OperationKind.HANDSHAKE;
    }

    @Override
    void step() throws java.io.IOException {
        channel.io.handshakeStep();
        complete(null);
    }

    @Override
    int bytes() {
        return 0;
    }

    @Override
    void ended() {
        channel.io.handshakeEnded();
    }

    /** The timeout is as final as in gsk_secure_soc_init: the session fails with it (sticky). */
    @Override
    synchronized void timedOut() {
        if (isFinished()) {
            return;
        }
        GskException e = channel.io.abortHandshake(new GskException(GskStatus.GSK_IBMI_ERROR_TIMED_OUT,
                "the handshake did not complete within GSK_HANDSHAKE_TIMEOUT"));
        complete(e);
    }

    /** Out of memory mid-handshake: the session fails with it (sticky), as gsk_secure_soc_init would. */
    @Override
    synchronized void outOfMemory() {
        if (isFinished()) {
            return;
        }
        try {
            channel.io.abortHandshake(new GskException(GskStatus.GSK_INSUFFICIENT_STORAGE,
                    "memory ran out during the handshake"));
        } catch (OutOfMemoryError again) {
            // the completion below still tells the program
        }
        complete(OUT_OF_MEMORY);
    }

    /**
     * IBM: a startInit whose secure negotiation has begun cannot be cancelled. Before the first
     * byte (a server still waiting for its ClientHello) it can; the session is then left as
     * an interrupted handshake is, so a new start resumes it.
     */
    @Override
    synchronized boolean cancelled() {
        if (isFinished() || channel.io.negotiationBegun()) {
            return false;
        }
        return super.cancelled();
    }

    synchronized boolean interruptible() {
        return !channel.io.negotiationBegun();
    }

    /** The socket went away under the handshake: the session fails as it would on a read. */
    void socketClosed(GskException reason) {
        synchronized (this) {
            if (isFinished()) {
                return;
            }
            GskException e = channel.io.abortHandshake(reason);
            complete(e);
        }
    }
}
