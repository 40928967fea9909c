package io.gsk4j.async;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.internal.AsyncSteps;
import io.gsk4j.internal.Sockets;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.util.Objects;
import java.util.Optional;

/**
 * Plumbing, not for applications: the entry points {@link io.gsk4j.Session}'s asynchronous
 * methods use, and the registry of sockets that have an I/O thread (QsoCancelOperation finds
 * operations by socket).
 */
public final class Operations {
    private Operations() {
    }

    /** Starts a session's handshake on its I/O thread (for {@link io.gsk4j.Session#startHandshake}). */
    public static Started startHandshake(AsyncSteps io, CompletionPort port, AsyncOptions options, long timeoutMillis)
            throws GskException {
        AsyncChannel channel = channelFor(io, port);
        return channel.startHandshake(new HandshakeOperation(channel, port, options), timeoutMillis);
    }

    /** Starts a receive on the session's I/O thread (for {@link io.gsk4j.Session#startReceive}). */
    public static Started startReceive(AsyncSteps io, CompletionPort port, ByteBuffer dst, AsyncOptions options)
            throws GskException {
        AsyncChannel channel = channelFor(io, port);
        return channel.startData(new ReceiveOperation(channel, port, dst, options), true);
    }

    /** Starts a send on the session's I/O thread (for {@link io.gsk4j.Session#startSend}). */
    public static Started startSend(AsyncSteps io, CompletionPort port, ByteBuffer src, AsyncOptions options)
            throws GskException {
        AsyncChannel channel = channelFor(io, port);
        return channel.startData(new SendOperation(channel, port, src, options), false);
    }

    /** Cancels pending operations on a socket; see {@link io.gsk4j.Session#cancelAsync}. */
    public static int cancel(Channel socket, long operationId) {
        return registered(socket).map(channel -> channel.cancel(operationId)).orElse(0);
    }

    /**
     * The session is closing: its pending operations complete with
     * {@code GSK_IBMI_ERROR_CLOSED} and its socket leaves the I/O thread.
     */
    public static void release(AsyncSteps io) {
        AsyncChannel channel = registered(io.channel()).orElse(null);
        if (channel == null || channel.io != io || !Sockets.removeAsync(io.channel(), channel)) {
            return;
        }
        channel.failAll(false);
        channel.detach();
    }

    private static AsyncChannel channelFor(AsyncSteps io, CompletionPort port) throws GskException {
        Objects.requireNonNull(io);
        if (port == null || port.isDestroyed()) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, "no such completion port");
        }
        AsyncChannel current = registered(io.channel()).orElse(null);
        if (current != null && current.io == io && current.loop.alive()) {
            return current;
        }
        synchronized (Operations.class) {
            current = registered(io.channel()).orElse(null);
            if (current != null && current.io == io && current.loop.alive()) {
                return current;
            }
            // first operation, or the I/O threads were stopped since: a (new) thread takes it
            AsyncChannel fresh = new AsyncChannel(io, IoThreads.assign());
            Sockets.putAsync(io.channel(), fresh);
            return fresh;
        }
    }

    /** The socket's I/O-thread record, kept in the one registry of sockets. */
    private static Optional<AsyncChannel> registered(Channel socket) {
        return Sockets.async(socket).map(AsyncChannel.class::cast);
    }
}
