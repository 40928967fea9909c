package io.gsk4j.interop;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Counts the interop cases of a test class and prints one summary line after it, e.g.
 * {@code [interop] InteropMatrixTest: 48 cases ran: 48 passed, 0 failed; 0 skipped (peers:
 * OpenSSL 3.0.19 ..., gnutls-cli 3.7.9) in 31.2 s}, plus the reason of every skip, so the
 * build log says how many third-party handshakes really ran.
 */
public final class InteropTally implements TestWatcher, BeforeAllCallback, AfterAllCallback {
    private static final Map<String, Counts> BY_CLASS = new ConcurrentHashMap<>();
    private static final AtomicInteger ALL_RAN = new AtomicInteger();
    private static final AtomicInteger ALL_SKIPPED = new AtomicInteger();

    private static final class Counts {
        final AtomicInteger passed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final Map<String, Integer> skipReasons = new TreeMap<>();
        volatile long startedNanos = System.nanoTime();
    }

    private static Counts counts(ExtensionContext context) {
        return BY_CLASS.computeIfAbsent(context.getRequiredTestClass().getSimpleName(), k -> new Counts());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        counts(context).startedNanos = System.nanoTime();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        counts(context).passed.incrementAndGet();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        counts(context).failed.incrementAndGet();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        Counts c = counts(context);
        c.skipped.incrementAndGet();
        String reason = cause == null ? "?" : String.valueOf(cause.getMessage()).replaceFirst("^Assumption failed: ", "");
        synchronized (c.skipReasons) {
            c.skipReasons.merge(reason, 1, Integer::sum);
        }
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        Counts c = counts(context);
        c.skipped.incrementAndGet();
        synchronized (c.skipReasons) {
            c.skipReasons.merge("disabled: " + reason.orElse("?"), 1, Integer::sum);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName();
        Counts c = counts(context);
        int ran = c.passed.get() + c.failed.get();
        double seconds = (System.nanoTime() - c.startedNanos) / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("[interop] %s: %d cases ran: %d passed, %d failed; %d skipped (peers: %s; %s; %s) in %.1f s",
                name, ran, c.passed.get(), c.failed.get(), c.skipped.get(),
                Peers.version(Peers.OPENSSL), Peers.version(Peers.GNUTLS_SERV), Peers.version(Peers.GNUTLS_CLI), seconds));
        synchronized (c.skipReasons) {
            c.skipReasons.forEach((reason, n) -> sb.append("\n[interop]   skipped ").append(n).append("x: ").append(reason));
        }
        int allRan = ALL_RAN.addAndGet(ran);
        int allSkipped = ALL_SKIPPED.addAndGet(c.skipped.get());
        sb.append(String.format("%n[interop] all interop classes so far in this run: %d cases ran, %d skipped", allRan, allSkipped));
        System.out.println(sb);
    }
}
