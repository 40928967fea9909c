package io.gsk4j.async;

import io.gsk4j.Errno;

import io.gsk4j.GskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fixed pool of I/O threads behind every {@link CompletionPort}: at most {@link #MAX}
 * daemon threads named {@code gsk4j-io-N}, each with one selector. Sessions are spread over
 * them when they start their first operation and stay on theirs.
 *
 * <p>The threads start when an operation first needs one and stop when the last port is
 * destroyed, or on {@link #shutdown()}. The count is {@code min(4, available processors)}
 * unless set with {@link #configure} or the system property {@code gsk4j.io.threads}; a new
 * count applies the next time the threads start.
 */
public final class IoThreads {
    public static final int MAX = 4;
    private static final long STOP_WAIT_MILLIS = 2000;

    private static int configured = defaultCount();
    private static IoLoop[] loops; // null while stopped
    private static int next;

    private IoThreads() {
    }

    private static int defaultCount() {
        int cores = Runtime.getRuntime().availableProcessors();
        int wanted = Integer.getInteger("gsk4j.io.threads", Math.min(MAX, cores));
        return Math.max(1, Math.min(MAX, wanted));
    }

    /** Sets how many I/O threads to run (1 to {@value #MAX}); applies at the next start. */
    public static synchronized void configure(int threads) {
        if (threads < 1 || threads > MAX) {
            throw new IllegalArgumentException("between 1 and " + MAX + " I/O threads, not " + threads);
        }
        configured = threads;
    }

    public static synchronized int configured() {
        return configured;
    }

    /** I/O threads running now (0 while stopped). */
    public static synchronized int running() {
        return loops == null ? 0 : loops.length;
    }

    /**
     * Stops the threads now. Every operation still pending completes with
     * {@code GSK_ERROR_IO} and errno {@link Errno#ECANCELED} on its port first. The
     * next operation started starts them again.
     */
    public static void shutdown() {
        for (CompletionPort port : CompletionPort.livePorts()) {
            for (Operation op : port.pendingOperations()) {
                op.complete(Operation.cancellation());
            }
        }
        stop();
    }

    /** The loop for a session starting its first operation. */
    static synchronized IoLoop assign() {
        if (loops == null) {
            start();
        }
        IoLoop loop = loops[Math.floorMod(next++, loops.length)];
        return loop;
    }

    private static void start() {
        IoLoop[] fresh = new IoLoop[configured];
        try {
            for (int i = 0; i < fresh.length; i++) {
                fresh[i] = new IoLoop("gsk4j-io-" + (i + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no selector for an I/O thread (" + GskStatus.GSK_INTERNAL_ERROR + ")", e);
        }
        for (IoLoop loop : fresh) {
            loop.start();
        }
        loops = fresh;
    }

    /** Called when a port is destroyed: the threads stop with the last one. */
    static void stopIfNoPorts() {
        synchronized (IoThreads.class) {
            if (CompletionPort.liveCount() > 0) {
                return;
            }
        }
        stop();
    }

    private static void stop() {
        IoLoop[] old;
        synchronized (IoThreads.class) {
            old = loops;
            loops = null;
        }
        if (old == null) {
            return;
        }
        for (IoLoop loop : old) {
            loop.stop();
        }
        try {
            for (IoLoop loop : old) {
                loop.awaitStopped(STOP_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
