package io.gsk4j.internal.engine;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Where the driver's TLS buffers come from. One place, so that a test can make allocation
 * fail for real and see {@code GSK_INSUFFICIENT_STORAGE} (or, for any other failure,
 * {@code GSK_INTERNAL_ERROR}) come out of a handshake.
 *
 * <p>Drivers give their buffers back whenever they are empty (an idle session holds none), so
 * a small pool keeps the next session from allocating again. The pool is bounded: it only
 * needs to cover the sessions that are busy at the same moment, not the idle ones.
 *
 * <p>A blocking reader gives its buffer back before each wait and takes one again after it,
 * so take and give run on every call: each thread first uses a slot of its own (chosen by its
 * id, on a cache line of its own), which costs one uncontended atomic operation, and only
 * then the shared queue, whose head every thread of the process contends for.
 */
public final class Buffers {
    private static final IntFunction<ByteBuffer> HEAP = ByteBuffer::allocate;
    /** Per buffer size, slots and queue together; a TLS buffer is ~16 KiB, so this keeps at most ~1 MiB per size. */
    private static final int POOL_LIMIT = 64;
    /** Threads' own slots per size (a power of two); the queue holds the rest of the limit. */
    private static final int HOME_SLOTS = 32;
    /** Array elements between two slots: 16 references span at least one 64-byte cache line. */
    private static final int SPREAD = 16;

    private static volatile IntFunction<ByteBuffer> allocator = HEAP;
    /**
     * One pool per buffer size, copied on write: an engine uses two or three sizes, and a scan
     * of them costs less than a map keyed by a boxed size (an Integer allocated per call).
     */
    private static volatile Pool[] pools = new Pool[0];

    private Buffers() {
    }

    /** A fresh allocation through the (replaceable) allocator; never pooled. */
    static ByteBuffer allocate(int size) {
        return allocator.apply(size);
    }

    /** A cleared buffer of exactly {@code size} bytes, from the pool when it has one. */
    static ByteBuffer take(int size) {
        Pool pool = pool(size, false);
        ByteBuffer b = pool == null ? null : pool.poll();
        return b != null ? b.clear() : allocate(size);
    }

    /** Returns an empty buffer; the caller must not touch it again. */
    static void give(ByteBuffer buffer) {
        if (buffer == null || allocator != HEAP || !buffer.hasArray() || buffer.isReadOnly()) {
            return; // a test allocator's buffers stay out of the pool
        }
        pool(buffer.capacity(), true).offer(buffer);
    }

    private static Pool pool(int size, boolean create) {
        for (Pool p : pools) {
            if (p.bufferSize == size) {
                return p;
            }
        }
        return create ? addPool(size) : null;
    }

    private static synchronized Pool addPool(int size) {
        Pool[] now = pools;
        for (Pool p : now) {
            if (p.bufferSize == size) {
                return p;
            }
        }
        Pool[] more = Arrays.copyOf(now, now.length + 1);
        more[now.length] = new Pool(size);
        pools = more;
        return more[now.length];
    }

    /** Test seam: replaces the allocator until {@link #reset()}. Not for production use. */
    public static void replaceForTest(IntFunction<ByteBuffer> testAllocator) {
        allocator = testAllocator;
        pools = new Pool[0]; // every buffer must now come from the test's allocator
    }

    public static void reset() {
        allocator = HEAP;
    }

    private static final class Pool {
        private final int bufferSize;
        private final AtomicReferenceArray<ByteBuffer> homes = new AtomicReferenceArray<>(HOME_SLOTS * SPREAD);
        private final Queue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();

        Pool(int bufferSize) {
            this.bufferSize = bufferSize;
        }

        ByteBuffer poll() {
            int home = home();
            if (homes.get(home) != null) {
                ByteBuffer mine = homes.getAndSet(home, null);
                if (mine != null) {
                    return mine;
                }
            }
            if (size.get() == 0) {
                return null; // nothing queued: no contended poll
            }
            ByteBuffer b = free.poll();
            if (b != null) {
                size.decrementAndGet();
            }
            return b;
        }

        void offer(ByteBuffer b) {
            int home = home();
            if (homes.get(home) == null && homes.compareAndSet(home, null, b)) {
                return;
            }
            if (size.incrementAndGet() <= POOL_LIMIT - HOME_SLOTS) {
                free.offer(b);
            } else {
                size.decrementAndGet();
            }
        }

        @SuppressWarnings("deprecation") // Thread.threadId() is Java 19; getId() is the same number
        private static int home() {
            return (int) (Thread.currentThread().getId() & (HOME_SLOTS - 1)) * SPREAD;
        }
    }
}
