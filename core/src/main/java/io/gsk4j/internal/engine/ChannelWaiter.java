package io.gsk4j.internal.engine;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Waits, with a deadline, until a non-blocking channel is ready for one direction.
 *
 * <p>The selector is opened on first use: a session that never has to wait holds no extra
 * descriptors. Waiting on a selector (rather than a blocking channel read) is what makes an
 * interrupt harmless: the thread wakes with EINTR and the caller's socket stays open,
 * where an interrupted blocking channel operation would close it.
 */
final class ChannelWaiter implements AutoCloseable {
    private final SelectableChannel channel;
    private final int operation;
    private Selector selector;
    private volatile boolean closed;

    ChannelWaiter(SelectableChannel channel, int operation) {
        this.channel = channel;
        this.operation = operation;
    }

    /** Returns true when ready, false when the deadline passed first. */
    boolean await(Deadline deadline) throws IOException {
        if (deadline.expired()) {
            return false;
        }
        Selector s = selector();
        long wait = deadline.remainingMillis();
        int ready = deadline.isNone() ? s.select() : s.select(wait);
        s.selectedKeys().clear();
        if (closed) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed by another thread");
        }
        if (Thread.interrupted()) {
            // consumed like an InterruptedException; the status tells the caller
            throw GskException.io(Errno.EINTR, "the waiting thread was interrupted", null);
        }
        return ready > 0 || !deadline.expired();
    }

    private synchronized Selector selector() throws IOException {
        if (closed) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed by another thread");
        }
        if (selector == null) {
            selector = Selector.open();
            channel.register(selector, operation);
        }
        return selector;
    }

    /** Wakes a thread blocked in {@link #await} so it sees the session closed. */
    void wakeUp() {
        closed = true;
        Selector s;
        synchronized (this) {
            s = selector;
        }
        if (s != null) {
            s.wakeup();
        }
    }

    /** Releases the selector; the channel is deregistered with it. */
    @Override
    public synchronized void close() {
        closed = true;
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing the caller could do: the descriptors are released either way
            }
            selector = null;
        }
    }
}
