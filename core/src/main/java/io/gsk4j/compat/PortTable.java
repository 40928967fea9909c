package io.gsk4j.compat;

import io.gsk4j.async.CompletionPort;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The numbers QsoCreateIOCompletionPort hands out. Never reused, so a stale number finds
 * nothing instead of another program part's port.
 */
final class PortTable {
    private final AtomicInteger next = new AtomicInteger(1);
    private final Map<Integer, CompletionPort> open = new ConcurrentHashMap<>();

    int add(CompletionPort port) {
        int number = next.getAndIncrement();
        open.put(number, port);
        return number;
    }

    /** The live port behind {@code number}, or null. */
    CompletionPort get(int number) {
        CompletionPort p = open.get(number);
        return p == null || p.isDestroyed() ? null : p;
    }

    CompletionPort remove(int number) {
        return open.remove(number);
    }
}
