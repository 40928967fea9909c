package io.gsk4j.internal;

import io.gsk4j.GskException;
import io.gsk4j.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * What an asynchronous operation needs from its session: the session's own steps, with the
 * same code and failure mapping as the synchronous calls. A {@link Connection} provides it;
 * the I/O threads ({@code io.gsk4j.async}) drive it, and applications never see it.
 *
 * <p>The step methods never wait: they throw {@link io.gsk4j.internal.engine.NeedIo} when the
 * socket is not ready, and a {@link GskException} (already recorded by the session, with the
 * same stickiness as the synchronous calls) when the operation failed.
 */
public interface AsyncSteps {
    /** The session a completion names. */
    Session session();

    /** The socket the operations wait on. */
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

    /** Whether encrypted bytes wait to be written. */
    boolean hasPendingOutput();

    /** Writes what waits, as far as the socket takes it. */
    void flushPending() throws IOException;
}
