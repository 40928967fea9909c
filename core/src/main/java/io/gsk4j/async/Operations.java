package io.gsk4j.async;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.internal.AsyncEngine;
import io.gsk4j.internal.AsyncSteps;
import io.gsk4j.internal.Sockets;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry points {@link io.gsk4j.Session}'s asynchronous methods use, installed as the
 * {@link AsyncEngine} when {@link CompletionPort} is loaded; each socket's I/O-thread record
 * is kept in {@link Sockets} (QsoCancelOperation finds operations by socket).
 */
final class Operations implements AsyncEngine {
    static final Operations INSTANCE = new Operations();

    private Operations() {
    }

    @Override
    public Started startHandshake(AsyncSteps io, CompletionPort port, AsyncOptions options, long timeoutMillis)
            throws GskException {
        AsyncChannel channel = channelFor(io, port);
        return channel.startHandshake(new HandshakeOperation(channel, port, options), timeoutMillis);
    }

    @Override
    public Started startReceive(AsyncSteps io, CompletionPort port, ByteBuffer dst, AsyncOptions options)
            throws GskException {
        AsyncChannel channel = channelFor(io, port);
        return channel.startData(new ReceiveOperation(channel, port, dst, options), true);
    }

    @Override
    public Started startSend(AsyncSteps io, CompletionPort port, ByteBuffer src, AsyncOptions options)
            throws GskException {
        AsyncChannel channel = channelFor(io, port);
        return channel.startData(new SendOperation(channel, port, src, options), false);
    }

    @Override
    public int cancel(Channel socket, long operationId) {
        return registered(socket).map(channel -> channel.cancel(operationId)).orElse(0);
    }

    /** Pending operations complete with {@code GSK_IBMI_ERROR_CLOSED}. */
    @Override
    public void release(AsyncSteps io) {
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
