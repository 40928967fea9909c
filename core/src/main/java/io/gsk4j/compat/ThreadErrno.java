package io.gsk4j.compat;

import io.gsk4j.GskException;

/**
 * C's errno: one value per thread, 0 until a call first fails with an I/O cause; beside it the
 * last failure's facts (the exception the core threw), which C has no place for.
 */
final class ThreadErrno {
    private static final ThreadLocal<int[]> VALUE = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<GskException> LAST_FAILURE = new ThreadLocal<>();

    private ThreadErrno() {
    }

    static int get() {
        return VALUE.get()[0];
    }

    static void set(int errno) {
        VALUE.get()[0] = errno;
    }

    static GskException lastFailure() {
        return LAST_FAILURE.get();
    }

    static void setLastFailure(GskException failure) {
        LAST_FAILURE.set(failure);
    }
}
