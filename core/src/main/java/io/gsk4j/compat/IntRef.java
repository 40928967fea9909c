package io.gsk4j.compat;

/** An {@code int *} output parameter: the function stores its result in {@link #value}. */
public final class IntRef {
    public int value;

    public IntRef() {
    }

    public IntRef(int value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
