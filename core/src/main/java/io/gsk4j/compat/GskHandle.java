package io.gsk4j.compat;

/**
 * A C {@code gsk_handle} variable. The open functions store a handle number in it, the close
 * functions reset it to NULL (0); every other function only reads it. {@link #of} and
 * {@link #copy} stand for assigning the value to a second variable, which keeps the old
 * number after a close and then gets {@code GSK_INVALID_HANDLE}.
 */
public final class GskHandle {
    private volatile long value;

    /** A NULL handle, as {@code gsk_handle h = NULL;}. */
    public GskHandle() {
    }

    private GskHandle(long value) {
        this.value = value;
    }

    /** A variable holding {@code value}, as in {@code gsk_handle h2 = h;}. */
    public static GskHandle of(long value) {
        return new GskHandle(value);
    }

    /** Another variable holding the same handle. */
    public GskHandle copy() {
        return new GskHandle(value);
    }

    /** The handle number (0 = none). */
    public long value() {
        return value;
    }

    /** Whether the variable holds no handle (0). */
    public boolean isNull() {
        return value == 0;
    }

    void set(long newValue) {
        value = newValue;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
