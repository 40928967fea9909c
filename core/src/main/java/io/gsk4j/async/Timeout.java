package io.gsk4j.async;

/**
 * One timer on an I/O thread: an operation's wait time or handshake timeout, or the periodic
 * sweep. Cancelling only marks it; the loop drops it when it comes due (no removal from the
 * middle of the heap, and no lock between the cancelling thread and the loop).
 */
final class Timeout implements Comparable<Timeout> {
    /** Changed only while the timer is out of the loop's heap ({@link #postpone}). */
    long dueNanos;
    /** Null once cancelled: a cancelled timer waiting in the heap must not keep its session alive. */
    private volatile Runnable action;

    Timeout(long dueNanos, Runnable action) {
        this.dueNanos = dueNanos;
        this.action = action;
    }

    /** A new due time; only for a timer the loop has just taken out of its heap. */
    void postpone(long newDueNanos) {
        dueNanos = newDueNanos;
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
