package io.gsk4j.internal.engine;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The selectors that blocking calls wait on, lent for one wait at a time. Opening and closing
 * a selector costs about as much as a resumed TLS 1.2 handshake's own work on a small machine
 * (an epoll instance and an eventfd, five system calls, 17–19 µs measured here), and a blocking
 * session used to pay it once per session; now a wait borrows an idle one.
 *
 * <p>A selector comes back with no channel registered (the waiter cancels its key and flushes
 * it before returning), so a pooled selector never defers a program's close of its socket.
 * At most {@link #IDLE_LIMIT} idle selectors are kept by the shared pool (two descriptors each); more waits at
 * once open more, and those beyond the limit are closed when they come back. A wake-up meant
 * for a wait that has already ended may reach the selector's next borrower: its select returns
 * early with nothing ready, which every wait loop treats as "look again".
 */
final class SelectorPool {
    static final int IDLE_LIMIT = 64;

    /** The pool every synchronous wait of the process uses. */
    static final SelectorPool SHARED = new SelectorPool(IDLE_LIMIT);

    private final BlockingQueue<Selector> idle;

    SelectorPool(int idleLimit) {
        this.idle = new ArrayBlockingQueue<>(idleLimit);
    }

    Selector borrow() throws IOException {
        Selector s = idle.poll();
        while (s != null && !s.isOpen()) {
            s = idle.poll();
        }
        return s != null ? s : Selector.open();
    }

    /** Takes back a selector with no registered channel; one that still has keys is closed. */
    void giveBack(Selector s) {
        if (!s.isOpen()) {
            return;
        }
        if (s.keys().isEmpty() && idle.offer(s)) {
            return;
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // its descriptors are released either way
        }
    }

    /** Idle selectors now. */
    int idle() {
        return idle.size();
    }
}
