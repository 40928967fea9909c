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
import java.util.ArrayList;
import java.util.List;

/**
 * Waits, with a deadline, until a non-blocking channel is ready for one direction.
 *
 * <p>Each wait borrows a selector from the {@link SelectorPool} and gives it back when it
 * ends: a session holds no extra descriptors between waits, and opening a selector (five
 * system calls) is no longer paid once per session. A wait costs a failed transfer (the
 * readiness test itself), registration and deregistration (epoll_ctl twice) and the select;
 * a call that finds its bytes ready never waits. Waiting on a selector (rather than a blocking
 * channel read) is what makes an interrupt harmless: the thread wakes with EINTR and the
 * caller's socket stays open, where an interrupted blocking channel operation would close it.
 *
 * <p>The channel is registered only for the length of one wait: a registration that outlived
 * it would defer the program's own close of the socket (an abortive close with SO_LINGER 0
 * would not reset the connection until the session closed). A closed socket raises no
 * selector event, so a wait looks at the channel every {@link #CLOSE_CHECK_MILLIS}.
 *
 * <p>{@link #close()} wakes the waits in progress; each leaves with
 * {@code GSK_IBMI_ERROR_CLOSED} and gives its selector back on its way out, so no selector is
 * ever closed under a waiting thread.
 */
final class ChannelWaiter implements AutoCloseable {
    /** How soon a wait notices that the program closed the socket under it (the asynchronous path: 1 s). */
    static final long CLOSE_CHECK_MILLIS = 250;

    private final SelectableChannel channel;
    private final int operation;
    /** The selectors of the waits in progress (a reader and a writer may wait at once). */
    private final List<Selector> inUse = new ArrayList<>(1); // guarded by this
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
            throw sessionClosed(); // cannot happen while we hold the selector; never let it escape
        } finally {
            leave(s);
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

    private Selector enter() throws IOException {
        if (closed) {
            throw sessionClosed();
        }
        Selector s = SelectorPool.SHARED.borrow();
        synchronized (this) {
            inUse.add(s); // a close from now on wakes it; one before this is seen by the wait's first look at closed
        }
        return s;
    }

    private void leave(Selector s) {
        synchronized (this) {
            inUse.remove(s);
        }
        SelectorPool.SHARED.giveBack(s);
    }

    /** Ends the wait in progress, and every later one, with {@code GSK_IBMI_ERROR_CLOSED}. */
    void wakeUp() {
        closed = true;
        List<Selector> now;
        synchronized (this) {
            now = List.copyOf(inUse);
        }
        for (Selector s : now) {
            s.wakeup();
        }
    }

    /** As {@link #wakeUp()}: a waiter holds no selector of its own between waits. */
    @Override
    public void close() {
        wakeUp();
    }
}
