package io.gsk4j.internal;

import io.gsk4j.GskException;
import io.gsk4j.async.AsyncOptions;
import io.gsk4j.async.CompletionPort;
import io.gsk4j.async.Started;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;

/**
 * The I/O threads' entry points, as {@link io.gsk4j.Session} and the compat layer call them.
 * Their implementation is package-private in {@code io.gsk4j.async}, which installs it when
 * {@link CompletionPort} is first loaded: no operation can start before a port exists, and
 * without one there is nothing to cancel or release.
 */
public interface AsyncEngine {
    /** Starts a session's handshake on its socket's I/O thread. */
    Started startHandshake(AsyncSteps io, CompletionPort port, AsyncOptions options, long timeoutMillis) throws GskException;

    /** Starts a receive on the session's I/O thread. */
    Started startReceive(AsyncSteps io, CompletionPort port, ByteBuffer dst, AsyncOptions options) throws GskException;

    /** Starts a send on the session's I/O thread. */
    Started startSend(AsyncSteps io, CompletionPort port, ByteBuffer src, AsyncOptions options) throws GskException;

    /** Cancels pending operations on a socket (0 = all); returns how many. */
    int cancel(Channel socket, long operationId);

    /** The session is closing: its pending operations complete and its socket leaves the I/O thread. */
    void release(AsyncSteps io);

    /** Called once, by {@code io.gsk4j.async}. */
    static void install(AsyncEngine engine) {
        Installed.engine = engine;
    }

    /** The engine; only called once a {@link CompletionPort} exists. */
    static AsyncEngine get() {
        return Installed.engine;
    }

    /** Cancels on a socket; 0 when no port was ever opened (then no operation exists). */
    static int cancelOn(Channel socket, long operationId) {
        AsyncEngine e = Installed.engine;
        return e == null ? 0 : e.cancel(socket, operationId);
    }

    /** Releases a session's operations; nothing to do when no port was ever opened. */
    static void releaseOf(AsyncSteps io) {
        AsyncEngine e = Installed.engine;
        if (e != null) {
            e.release(io);
        }
    }

    /** Where the installed engine is kept. */
    final class Installed {
        private static volatile AsyncEngine engine;

        private Installed() {
        }
    }
}
