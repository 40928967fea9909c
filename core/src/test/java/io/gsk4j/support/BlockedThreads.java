package io.gsk4j.support;

import java.time.Duration;

/**
 * Whether a thread is blocked in a given call: the event a test waits for before it wakes,
 * closes or destroys what the thread waits on. Polls the thread's state and stack with a
 * deadline; a thread that never gets there fails the test with its stack.
 */
public final class BlockedThreads {
    private BlockedThreads() {
    }

    /** Waits (at most {@code max}) until {@code t} is blocked with {@code frame} ("class.method") on its stack. */
    public static void await(Thread t, String frame, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!isBlockedIn(t, frame)) {
            if (!t.isAlive()) {
                throw new AssertionError(t.getName() + " ended before it blocked in " + frame);
            }
            if (System.nanoTime() > end) {
                StringBuilder sb = new StringBuilder(t.getName() + " did not block in " + frame + " within " + max + "; it is "
                        + t.getState() + " at:");
                for (StackTraceElement e : t.getStackTrace()) {
                    sb.append("\n    at ").append(e);
                }
                throw new AssertionError(sb.toString());
            }
            Thread.sleep(5); // polling the thread's state, bounded by max
        }
    }

    /**
     * Parked, waiting or blocked on a monitor, or RUNNABLE in the native wait of a selector
     * (how the JDK shows a thread blocked in select), with {@code frame} on the stack.
     */
    static boolean isBlockedIn(Thread t, String frame) {
        Thread.State state = t.getState();
        StackTraceElement[] stack = t.getStackTrace();
        boolean inFrame = false;
        boolean inSelector = false;
        for (StackTraceElement e : stack) {
            String where = e.getClassName() + "." + e.getMethodName();
            inFrame |= where.startsWith(frame);
            inSelector |= e.getClassName().startsWith("sun.nio.ch.") && e.getClassName().contains("Selector");
        }
        if (!inFrame) {
            return false;
        }
        return switch (state) {
            case WAITING, TIMED_WAITING, BLOCKED -> true;
            case RUNNABLE -> inSelector && stack.length > 0 && stack[0].isNativeMethod();
            default -> false;
        };
    }
}
