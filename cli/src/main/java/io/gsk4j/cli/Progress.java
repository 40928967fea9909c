package io.gsk4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A progress line on stderr for work that takes more than a second: nothing is printed for
 * quick work, "gsk4j: <what> ..." once a second has passed, and the time taken at the end.
 */
final class Progress implements AutoCloseable {
    private static final long DELAY_MILLIS = 1000;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gsk4j-progress");
        t.setDaemon(true);
        return t;
    });

    private final PrintWriter err;
    private final String what;
    private final long started = System.nanoTime();
    private final ScheduledFuture<?> pending;
    private volatile boolean shown;

    private Progress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
        this.pending = TIMER.schedule(this::show, DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static Progress start(PrintWriter err, String what) {
        return new Progress(err, what);
    }

    /** Work that may take a while and may fail. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T get() throws E;
    }

    /** Runs {@code work}, with the progress line if it takes more than a second. */
    static <T, E extends Exception> T run(PrintWriter err, String what, Work<T, E> work) throws E {
        Progress p = start(err, what);
        try {
            return work.get();
        } finally {
            p.close();
        }
    }

    private synchronized void show() {
        shown = true;
        err.println("gsk4j: " + what + " ...");
        err.flush();
    }

    @Override
    public synchronized void close() {
        pending.cancel(false);
        if (shown) {
            err.printf("gsk4j: %s: done in %.1f s%n", what, (System.nanoTime() - started) / 1e9);
            err.flush();
        }
    }
}
