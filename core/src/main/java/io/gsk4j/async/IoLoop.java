package io.gsk4j.async;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One I/O thread: a selector for the sessions assigned to it, a queue of tasks other threads
 * hand it, and a heap of timers it checks between selects (no thread per operation, no
 * thread per timer). Every step of every asynchronous operation of its sessions runs here.
 */
final class IoLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger("io.gsk4j.async");
    /** How often pending operations are checked for a socket the application closed under them. */
    private static final long SWEEP_MILLIS = 1000;
    /** A timer whose action ran out of memory fires again after this long: its completion is still owed. */
    private static final long OUT_OF_MEMORY_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int TASKS_PER_ROUND = 4096;

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final PriorityQueue<Timeout> timers = new PriorityQueue<>(); // loop thread only
    private final Set<AsyncChannel> busy = new HashSet<>(); // loop thread only: channels with pending operations
    private volatile boolean stopping;

    IoLoop(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
        schedule(SWEEP_MILLIS, this::sweep);
    }

    Selector selector() {
        return selector;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    boolean alive() {
        return !stopping;
    }

    /** Runs {@code task} on this thread soon; callable from any thread. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Runs {@code action} on this thread after {@code delayMillis}, unless cancelled first. */
    Timeout schedule(long delayMillis, Runnable action) {
        Timeout t = new Timeout(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis), action);
        if (inLoop()) {
            timers.add(t);
        } else {
            execute(() -> timers.add(t));
        }
        return t;
    }

    /** Loop thread: whether a channel has operations pending (for the closed-socket sweep). */
    void busy(AsyncChannel channel, boolean pending) {
        if (pending) {
            busy.add(channel);
        } else {
            busy.remove(channel);
        }
    }

    void stop() {
        stopping = true;
        selector.wakeup();
    }

    /** Waits for the thread to end, unless called on it. */
    void awaitStopped(long millis) throws InterruptedException {
        if (!inLoop()) {
            thread.join(millis);
        }
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                try {
                    round();
                } catch (OutOfMemoryError e) {
                    // every session of this thread needs it: it goes on, and what failed is tried again
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "an I/O thread stopped on an unexpected failure", e);
        } finally {
            try {
                selector.close(); // deregisters every channel it still had
            } catch (IOException ignored) {
                // the descriptors are released either way
            }
        }
    }

    private void round() throws IOException {
        // reset before looking at the queue: a task added after the look wakes the select
        // below, even if a task's own selectNow() swallowed an earlier wakeup
        wakeupPending.set(false);
        long wait = millisToNextTimer();
        if (!tasks.isEmpty() || wait == 0) {
            selector.selectNow();
        } else if (wait < 0) {
            selector.select();
        } else {
            selector.select(wait);
        }
        handleReadyKeys();
        runTasks();
        runDueTimers();
    }

    private void handleReadyKeys() {
        Set<SelectionKey> ready = selector.selectedKeys();
        for (Iterator<SelectionKey> it = ready.iterator(); it.hasNext();) {
            SelectionKey key = it.next();
            it.remove();
            if (key.attachment() instanceof AsyncChannel) {
                safely(((AsyncChannel) key.attachment())::pump);
            }
        }
    }

    private void runTasks() {
        Runnable task;
        for (int i = 0; i < TASKS_PER_ROUND && (task = tasks.poll()) != null; i++) {
            safely(task);
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        Timeout t;
        while ((t = timers.peek()) != null && t.dueNanos - now <= 0) {
            timers.poll();
            if (!fireSafely(t) && !t.cancelled()) {
                // out of memory: a handshake timeout or wait time still owes its completion
                t.postpone(System.nanoTime() + OUT_OF_MEMORY_RETRY_NANOS);
                timers.add(t); // just taken out, so the heap has room without allocating
            }
        }
    }

    /** -1 when no timer is set, else the milliseconds until the first (0 when due). */
    private long millisToNextTimer() {
        Timeout t;
        while ((t = timers.peek()) != null && t.cancelled()) {
            timers.poll();
        }
        if (t == null) {
            return -1;
        }
        long nanos = t.dueNanos - System.nanoTime();
        return nanos <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
    }

    /**
     * A closed socket raises no selector event: look at it instead. Also drops cancelled
     * timers (a handshake timeout is cancelled long before it is due).
     */
    private void sweep() {
        timers.removeIf(Timeout::cancelled);
        for (AsyncChannel channel : new ArrayList<>(busy)) {
            if (!channel.socketOpen()) {
                safely(channel::pump);
            }
        }
        schedule(SWEEP_MILLIS, this::sweep);
    }

    /** As {@link #safely}, for a timer (no method reference to allocate); false when memory ran out. */
    private static boolean fireSafely(Timeout t) {
        try {
            t.fire();
            return true;
        } catch (OutOfMemoryError e) {
            return false;
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "an asynchronous step failed unexpectedly", e);
            if (e instanceof VirtualMachineError) {
                throw (Error) e;
            }
            return true;
        }
    }

    /** One session's failure (or a bug) must never stop the thread every other session needs. */
    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (OutOfMemoryError e) {
            // usually passing (another thread frees memory): the thread every session needs goes on
            try {
                LOG.log(System.Logger.Level.WARNING, "an asynchronous step ran out of memory", e);
            } catch (Throwable ignored) {
                // no memory to log with either
            }
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "an asynchronous step failed unexpectedly", e);
            if (e instanceof VirtualMachineError) {
                throw (Error) e;
            }
        }
    }

    @Override
    public String toString() {
        return thread.getName();
    }
}
