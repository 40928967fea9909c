package io.gsk4j.compat;

/** C's errno: one value per thread, 0 until a call first fails with an I/O cause. */
final class ThreadErrno {
    private static final ThreadLocal<int[]> VALUE = ThreadLocal.withInitial(() -> new int[1]);

    private ThreadErrno() {
    }

    static int get() {
        return VALUE.get()[0];
    }

    static void set(int errno) {
        VALUE.get()[0] = errno;
    }
}
