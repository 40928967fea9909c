package io.gsk4j.internal.engine;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Waits, with a deadline, until a non-blocking channel is ready for one direction.
 *
 * <p>The selector is opened on first use: a session that never has to wait holds no extra
 * descriptors. It is kept for the session rather than shared: opening one costs a handful of
 * system calls once per session (a client's first wait is for the ServerHello), nothing
 * beside a handshake, and a private selector is what lets a close wake exactly this wait.
 * A wait costs a failed transfer (the readiness test itself), registration and
 * deregistration (epoll_ctl twice) and the select; a call that finds its bytes ready never
 * waits. Waiting on a selector (rather than a blocking channel read) is what makes an
 * interrupt harmless: the thread wakes with EINTR and the caller's socket stays open,
 * where an interrupted blocking channel operation would close it.
 *
 * <p>The channel is registered only for the length of one wait: a registration that outlived
 * it would defer the program's own close of the socket (an abortive close with SO_LINGER 0
 * would not reset the connection until the session closed). A closed socket raises no
 * selector event, so a wait looks at the channel every {@link #CLOSE_CHECK_MILLIS}.
 *
 * <p>{@link #close()} never closes the selector under a waiting thread; the waiter leaves with
 * {@code GSK_IBMI_ERROR_CLOSED} and the selector is closed on its way out.
 */
final class ChannelWaiter implements AutoCloseable {
    /** How soon a wait notices that the program closed the socket under it (the asynchronous path: 1 s). */
    static final long CLOSE_CHECK_MILLIS = 250;

    private final SelectableChannel channel;
    private final int operation;
    private Selector selector; // guarded by this
    private int waiting; // guarded by this
    private volatile boolean closed;

    ChannelWaiter(SelectableChannel channel, int operation) {
        this.channel = channel;
        this.operation = operation;
    }

    /**
     * Returns true when ready, false when the deadline passed first. Throws
     * {@code GSK_IBMI_ERROR_CLOSED} once the session is closing, {@link ClosedChannelException}
     * when the program closed the socket, EINTR when the thread was interrupted.
     */
    boolean await(Deadline deadline) throws IOException {
        if (deadline.expired()) {
            return false;
        }
        Selector s = enter();
        try {
            return awaitOn(s, deadline);
        } catch (ClosedSelectorException e) {
            throw sessionClosed(); // cannot happen while we count as waiting; never let it escape
        } finally {
            leave();
        }
    }

    private boolean awaitOn(Selector s, Deadline deadline) throws IOException {
        SelectionKey key = channel.register(s, operation);
        try {
            while (true) {
                if (closed) {
                    throw sessionClosed();
                }
                if (!channel.isOpen()) {
                    throw new ClosedChannelException();
                }
                if (deadline.expired()) {
                    return false;
                }
                int ready = s.select(Math.min(deadline.remainingMillis(), CLOSE_CHECK_MILLIS));
                s.selectedKeys().clear();
                if (closed) {
                    throw sessionClosed();
                }
                if (Thread.interrupted()) {
                    // consumed like an InterruptedException; the status tells the caller
                    throw GskException.io(Errno.EINTR, "the waiting thread was interrupted", null);
                }
                if (ready > 0) {
                    return true;
                }
            }
        } finally {
            key.cancel();
            try {
                s.selectNow(); // the cancelled key is dropped now, not at some later select
            } catch (IOException | ClosedSelectorException ignored) {
                // the registration ends with the selector either way
            }
        }
    }

    private static GskException sessionClosed() {
        return new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed by another thread");
    }

    private synchronized Selector enter() throws IOException {
        if (closed) {
            throw sessionClosed();
        }
        if (selector == null) {
            selector = Selector.open();
        }
        waiting++;
        return selector;
    }

    private synchronized void leave() {
        waiting--;
        if (closed && waiting == 0) {
            closeSelector();
        }
    }

    /** Ends the wait in progress, and every later one, with {@code GSK_IBMI_ERROR_CLOSED}. */
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

    /** As {@link #wakeUp()}, and releases the selector (now, or when the waiting thread leaves). */
    @Override
    public synchronized void close() {
        closed = true;
        if (selector == null) {
            return;
        }
        if (waiting > 0) {
            selector.wakeup();
        } else {
            closeSelector();
        }
    }

    private void closeSelector() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing the caller could do: the descriptors are released either way
        }
        selector = null;
    }
}
