package io.gsk4j.internal.engine;

/**
 * A point in time after which a wait gives up, or none (GSKit's timeout value 0).
 * Based on {@link System#nanoTime()} so clock changes cannot stretch or cut a timeout.
 */
public final class Deadline {
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, true);

    private final long atNanos;
    private final boolean none;

    private Deadline(long atNanos, boolean none) {
        this.atNanos = atNanos;
        this.none = none;
    }

    /** A deadline {@code millis} from now; 0 means none. */
    public static Deadline afterMillis(long millis) {
        if (millis <= 0) {
            return NONE;
        }
        return new Deadline(System.nanoTime() + millis * 1_000_000L, false);
    }

    public boolean isNone() {
        return none;
    }

    public boolean expired() {
        return !none && System.nanoTime() - atNanos >= 0;
    }

    /** Milliseconds left, at least 1 while not expired; 0 once expired; Long.MAX_VALUE for none. */
    public long remainingMillis() {
        if (none) {
            return Long.MAX_VALUE;
        }
        long left = atNanos - System.nanoTime();
        return left <= 0 ? 0 : Math.max(1, left / 1_000_000L);
    }

    /** The earlier of the two. */
    public Deadline min(Deadline other) {
        if (none) {
            return other;
        }
        if (other.none) {
            return this;
        }
        return atNanos - other.atNanos <= 0 ? this : other;
    }

    @Override
    public String toString() {
        return none ? "no deadline" : remainingMillis() + " ms left";
    }
}
