package io.gsk4j.internal.engine;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Where the driver's TLS buffers come from. One place, so that a test can make allocation
 * fail for real and see {@code GSK_INSUFFICIENT_STORAGE} (or, for any other failure,
 * {@code GSK_INTERNAL_ERROR}) come out of a handshake.
 *
 * <p>Drivers give their buffers back whenever they are empty (an idle session holds none), so
 * a small pool keeps the next session from allocating again. The pool is bounded: it only
 * needs to cover the sessions that are busy at the same moment, not the idle ones.
 */
public final class Buffers {
    private static final IntFunction<ByteBuffer> HEAP = ByteBuffer::allocate;
    /** Per buffer size; a TLS buffer is ~16 KiB, so this keeps at most ~1 MiB per size. */
    private static final int POOL_LIMIT = 64;

    private static volatile IntFunction<ByteBuffer> allocator = HEAP;
    private static final Map<Integer, Pool> POOLS = new ConcurrentHashMap<>();

    private Buffers() {
    }

    /** A fresh allocation through the (replaceable) allocator; never pooled. */
    static ByteBuffer allocate(int size) {
        return allocator.apply(size);
    }

    /** A cleared buffer of exactly {@code size} bytes, from the pool when it has one. */
    static ByteBuffer take(int size) {
        Pool pool = POOLS.get(size);
        ByteBuffer b = pool == null ? null : pool.poll();
        return b != null ? b.clear() : allocate(size);
    }

    /** Returns an empty buffer; the caller must not touch it again. */
    static void give(ByteBuffer buffer) {
        if (buffer == null || allocator != HEAP || !buffer.hasArray() || buffer.isReadOnly()) {
            return; // a test allocator's buffers stay out of the pool
        }
        POOLS.computeIfAbsent(buffer.capacity(), c -> new Pool()).offer(buffer);
    }

    /** Test seam: replaces the allocator until {@link #reset()}. Not for production use. */
    public static void replaceForTest(IntFunction<ByteBuffer> testAllocator) {
        allocator = testAllocator;
        POOLS.clear(); // every buffer must now come from the test's allocator
    }

    public static void reset() {
        allocator = HEAP;
    }

    private static final class Pool {
        private final Queue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();

        ByteBuffer poll() {
            ByteBuffer b = free.poll();
            if (b != null) {
                size.decrementAndGet();
            }
            return b;
        }

        void offer(ByteBuffer b) {
            if (size.incrementAndGet() <= POOL_LIMIT) {
                free.offer(b);
            } else {
                size.decrementAndGet();
            }
        }
    }
}
