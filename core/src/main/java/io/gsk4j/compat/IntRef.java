package io.gsk4j.compat;

/** An {@code int *} output parameter: the function stores its result in {@link #value}. */
public final class IntRef {
    public int value;

    /** A holder for an {@code int} output parameter, holding 0. */
    public IntRef() {
    }

    /** A holder for an {@code int} output parameter, holding {@code value}. */
    public IntRef(int value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
