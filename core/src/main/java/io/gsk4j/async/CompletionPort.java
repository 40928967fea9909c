package io.gsk4j.async;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.internal.AsyncEngine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A completion queue: asynchronous operations started on sessions post their results here,
 * and any number of threads take them (IBM i's I/O completion port).
 *
 * <p>The I/O work itself runs on a small fixed pool of selector threads ({@link IoThreads}),
 * started when the first operation needs one and stopped when the last port is destroyed.
 * At most {@link #LIMIT} ports exist at once, as on IBM i.
 *
 * <p>{@link #destroy()} wakes every waiting thread with {@link PortDestroyedException},
 * drops the completions not yet taken, and abandons the operations still pending: their
 * buffers are the caller's again as soon as destroy returns, and nothing is ever posted for
 * them.
 */
public final class CompletionPort implements AutoCloseable {
    /** IBM i's limit of I/O completion ports per process. */
    public static final int LIMIT = 256;

    private static final Set<CompletionPort> LIVE = new HashSet<>(); // guarded by CompletionPort.class

    static {
        // sessions start operations only with a port, so the engine is there before they need it
        AsyncEngine.install(Operations.INSTANCE);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Completion> queue = new ArrayDeque<>();
    private final Set<Operation> pending = ConcurrentHashMap.newKeySet();
    private boolean destroyed; // guarded by lock

    private CompletionPort() {
    }

    /**
     * QsoCreateIOCompletionPort. Fails with {@code GSK_ERROR_IO} and errno ENOBUFS when
     * {@link #LIMIT} ports exist.
     */
    public static CompletionPort open() throws GskException {
        synchronized (CompletionPort.class) {
            if (LIVE.size() >= LIMIT) {
                throw GskException.io(Errno.ENOBUFS, "the limit of " + LIMIT + " completion ports is reached", null);
            }
            CompletionPort port = new CompletionPort();
            LIVE.add(port);
            return port;
        }
    }

    /** How many ports exist now. */
    public static synchronized int liveCount() {
        return LIVE.size();
    }

    static synchronized Set<CompletionPort> livePorts() {
        return new HashSet<>(LIVE);
    }

    /** QsoPostIOCompletion: the application's own completion, kind {@link OperationKind#POSTED}. */
    public void post(Object attachment) throws PortDestroyedException {
        if (!deliver(new Completion(OperationKind.POSTED, null, null, 0, 0, attachment))) {
            throw new PortDestroyedException();
        }
    }

    /** Takes a completion if one is there, without waiting; null when there is none. */
    public Completion poll() throws PortDestroyedException {
        lock.lock();
        try {
            checkAlive();
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code timeout} for a completion; null when none came. Zero does not wait. */
    public Completion poll(Duration timeout) throws InterruptedException, PortDestroyedException {
        long nanos = timeout.isNegative() ? 0 : saturatedNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (true) {
                checkAlive();
                Completion c = queue.poll();
                if (c != null) {
                    return c;
                }
                if (nanos <= 0) {
                    return null;
                }
                nanos = arrived.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits as long as it takes for a completion. */
    public Completion take() throws InterruptedException, PortDestroyedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                checkAlive();
                Completion c = queue.poll();
                if (c != null) {
                    return c;
                }
                arrived.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Completions waiting to be taken. */
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #destroy()} was called. */
    public boolean isDestroyed() {
        lock.lock();
        try {
            return destroyed;
        } finally {
            lock.unlock();
        }
    }

    /** QsoDestroyIOCompletionPort. Harmless when already destroyed. */
    public void destroy() {
        lock.lock();
        try {
            if (destroyed) {
                return;
            }
            destroyed = true;
            queue.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        for (Operation op : pending.toArray(new Operation[0])) {
            op.abandon();
        }
        boolean last;
        synchronized (CompletionPort.class) {
            LIVE.remove(this);
            last = LIVE.isEmpty();
        }
        if (last) {
            IoThreads.stopIfNoPorts();
        }
    }

    @Override
    public void close() {
        destroy();
    }

    // ---- for operations ----

    /** Registers a pending operation; false when the port is destroyed. */
    boolean track(Operation op) {
        lock.lock();
        try {
            if (destroyed) {
                return false;
            }
            pending.add(op);
            return true;
        } finally {
            lock.unlock();
        }
    }

    void untrack(Operation op) {
        pending.remove(op);
    }

    Operation[] pendingOperations() {
        return pending.toArray(new Operation[0]);
    }

    /** Queues a completion; false when the port is destroyed (the completion is dropped). */
    boolean deliver(Completion completion) {
        lock.lock();
        try {
            if (destroyed) {
                return false;
            }
            queue.add(completion);
            arrived.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void checkAlive() throws PortDestroyedException {
        if (destroyed) {
            throw new PortDestroyedException();
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "completion port (" + (isDestroyed() ? "destroyed" : size() + " waiting, " + pending.size() + " pending") + ")";
    }
}
