package io.gsk4j.support;

import io.gsk4j.GskException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A gsk4j call run on a thread of its own, for tests that act on it while it is blocked: the
 * status it ends with (0 for success), and a bounded wait until the thread is really waiting
 * on the socket (its stack shows gsk4j's waiter) rather than a sleep that guesses.
 */
public final class Blocking {
    /** A gsk4j call; its int result is ignored, only its status matters. */
    public interface Call {
        void run() throws GskException;
    }

    private final Thread thread;
    private final CompletableFuture<Integer> status = new CompletableFuture<>();

    private Blocking(Call call, String name) {
        thread = new Thread(() -> {
            try {
                call.run();
                status.complete(0);
            } catch (GskException e) {
                status.complete(e.code());
            } catch (Throwable t) {
                status.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
    }

    public static Blocking start(String name, Call call) {
        Blocking b = new Blocking(call, name);
        b.thread.start();
        return b;
    }

    /** Polls the thread's stack until it waits in gsk4j's socket waiter; false if it never did. */
    public boolean awaitWaitingOnSocket(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (status.isDone()) {
                return false;
            }
            for (StackTraceElement e : thread.getStackTrace()) {
                if (e.getClassName().endsWith("ChannelWaiter") && e.getMethodName().startsWith("await")) {
                    return true;
                }
            }
            Thread.sleep(2); // polling a state with a deadline, not standing in for an event
        }
        return false;
    }

    /** The status the call ended with (0 = success); fails (TimeoutException) after {@code max}. */
    public int status(Duration max) throws Exception {
        try {
            return status.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the call was still blocked after " + max + ": a hang", e);
        }
    }

    public Thread thread() {
        return thread;
    }
}
