package io.gsk4j.async;

import io.gsk4j.GskException;
import io.gsk4j.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Plumbing, not for applications: what an asynchronous operation needs from its session.
 * {@link Session} implements it; applications start operations with Session's methods.
 *
 * <p>The step methods never wait: they throw {@link io.gsk4j.internal.engine.NeedIo} when the
 * socket is not ready, and a {@link GskException} (already recorded by the session, with the
 * same stickiness as the synchronous calls) when the operation failed.
 */
public interface SessionIo {
    Session session();

    SocketChannel channel();

    /** Runs the handshake as far as the socket allows; returns once the session is secure. */
    void handshakeStep() throws IOException;

    /** Fails the handshake for a reason found outside the engine (its timeout); returns the status. */
    GskException abortHandshake(GskException reason);

    /** The asynchronous handshake operation has ended, whatever its result. */
    void handshakeEnded();

    /** Whether any handshake byte was sent or received (a handshake past this cannot be cancelled). */
    boolean negotiationBegun();

    /** Decrypted bytes into {@code dst}: the count, or -1 at end of stream. */
    int receiveStep(ByteBuffer dst) throws IOException;

    /** Returns once all of {@code src} is encrypted and on the wire. */
    void sendStep(ByteBuffer src) throws IOException;

    boolean hasPendingOutput();

    void flushPending() throws IOException;
}
