package io.gsk4j.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one timed loop did besides its rate: a resumed or failed handshake would make the two
 * stacks do different work, so they are counted and printed rather than silently averaged in.
 */
final class Counts {
    final AtomicInteger resumed = new AtomicInteger();
    final AtomicInteger clientFailures = new AtomicInteger();
    final AtomicInteger serverFailures = new AtomicInteger();
    volatile Throwable firstError;

    void fail(AtomicInteger side, Throwable t) {
        side.incrementAndGet();
        if (firstError == null) {
            firstError = t;
        }
    }

    boolean clean() {
        return resumed.get() == 0 && clientFailures.get() == 0 && serverFailures.get() == 0;
    }

    @Override
    public String toString() {
        return String.format("resumed %d, client failures %d, server failures %d%s", resumed.get(), clientFailures.get(),
                serverFailures.get(), firstError == null ? "" : " (first: " + firstError + ")");
    }
}
