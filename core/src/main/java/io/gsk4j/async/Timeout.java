package io.gsk4j.async;

/**
 * One timer on an I/O thread: an operation's wait time or handshake timeout, or the periodic
 * sweep. Cancelling only marks it; the loop drops it when it comes due (no removal from the
 * middle of the heap, and no lock between the cancelling thread and the loop).
 */
final class Timeout implements Comparable<Timeout> {
    final long dueNanos;
    /** Null once cancelled: a cancelled timer waiting in the heap must not keep its session alive. */
    private volatile Runnable action;

    Timeout(long dueNanos, Runnable action) {
        this.dueNanos = dueNanos;
        this.action = action;
    }

    void cancel() {
        action = null;
    }

    boolean cancelled() {
        return action == null;
    }

    /** Runs the action unless cancelled. */
    void fire() {
        Runnable a = action;
        if (a != null) {
            a.run();
        }
    }

    @Override
    public int compareTo(Timeout other) {
        return Long.compare(dueNanos - other.dueNanos, 0);
    }
}
