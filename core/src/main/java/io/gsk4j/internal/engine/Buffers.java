package io.gsk4j.internal.engine;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;

/**
 * Where the driver's TLS buffers come from. One place, so that a test can make allocation
 * fail for real and see {@code GSK_INSUFFICIENT_STORAGE} (or, for any other failure,
 * {@code GSK_INTERNAL_ERROR}) come out of a handshake.
 */
public final class Buffers {
    private static final IntFunction<ByteBuffer> HEAP = ByteBuffer::allocate;
    private static volatile IntFunction<ByteBuffer> allocator = HEAP;

    private Buffers() {
    }

    static ByteBuffer allocate(int size) {
        return allocator.apply(size);
    }

    /** Test seam: replaces the allocator until {@link #reset()}. Not for production use. */
    public static void replaceForTest(IntFunction<ByteBuffer> testAllocator) {
        allocator = testAllocator;
    }

    public static void reset() {
        allocator = HEAP;
    }
}
