package io.gsk4j.bench;

import io.gsk4j.bench.Endpoints.Conn;
import io.gsk4j.bench.Endpoints.Listener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loopback scenarios, written once for any Java stack's {@link Endpoints}: the client runs
 * on the calling thread, the server on one thread of its own, one connection at a time. CPU
 * per operation is the sum of both threads' CPU time over the measured part.
 */
final class LoopbackRounds {
    private static final long JOIN_MILLIS = 30_000;

    private LoopbackRounds() {
    }

    /** One round of a loopback scenario on {@code ep}, whichever stack it is. */
    static Sample run(Scenario sc, Endpoints ep, long nanos, Contender.Budget budget) throws Exception {
        switch (sc.kind()) {
            case HANDSHAKE:
                return handshakes(ep, sc.resumed(), nanos);
            case BULK:
                return bulk(ep, sc.upload(), budget.bulkBytes());
            case ECHO:
                return echo(ep, nanos);
            case HEAP:
                return heap(ep, budget.sessions(), budget.heapReadings());
            default:
                throw new IllegalArgumentException(sc.name() + " is not a loopback scenario");
        }
    }

    /** The server's side of a round, on its own thread; its CPU counts only while {@code counting}. */
    private abstract static class Server extends Thread {
        final AtomicLong cpu = new AtomicLong();
        final AtomicInteger failures = new AtomicInteger();
        volatile boolean counting = true;
        volatile Throwable firstError;

        Server(String name) {
            super(name);
            setDaemon(true);
        }

        void fail(Throwable t) {
            if (failures.getAndIncrement() == 0) {
                firstError = t;
            }
        }

        String anomaly() {
            return failures.get() == 0 ? null : "server failures " + failures.get() + " (first: " + firstError + ")";
        }

        void finish() throws InterruptedException {
            join(JOIN_MILLIS);
            if (isAlive()) {
                throw new IllegalStateException(getName() + " did not finish within " + JOIN_MILLIS + " ms");
            }
        }
    }

    /**
     * Sequential connections: connect, handshake, one byte from the server (which also lets a
     * TLS 1.3 client take the session ticket that precedes it), close. For resumed handshakes
     * one uncounted connection first leaves a session to resume.
     */
    static Sample handshakes(Endpoints ep, boolean resumed, long nanos) throws Exception {
        Listener l = ep.listen();
        try {
            Server server = new Server("bench-hs-server") {
                @Override
                public void run() {
                    byte[] one = {42};
                    for (Conn c; (c = l.accept()) != null; ) {
                        long t0 = Cpu.thread();
                        try {
                            c.handshake();
                            c.write(one, 0, 1);
                            if (!resumed) {
                                c.forget();
                            }
                        } catch (Exception e) {
                            fail(e);
                        } finally {
                            c.close();
                        }
                        if (counting) {
                            cpu.addAndGet(Cpu.thread() - t0);
                        }
                    }
                }
            };
            if (resumed) {
                server.counting = false;
            }
            server.start();
            byte[] buf = new byte[1];
            int unexpected = 0;
            int failures = 0;
            Exception firstError = null;
            if (resumed) {
                try (Conn c = ep.connect(l)) {
                    c.handshake();
                    c.readFully(buf, 1);
                }
                server.counting = true; // the ticket or ID is cached: every later handshake may resume
            }
            long ops = 0;
            long cpu0 = Cpu.thread();
            long start = System.nanoTime();
            long end = start + nanos;
            do {
                try (Conn c = ep.connect(l)) {
                    c.handshake();
                    c.readFully(buf, 1);
                    if (c.resumed() != resumed) {
                        unexpected++;
                    }
                    if (!resumed) {
                        c.forget();
                    }
                    ops++;
                } catch (Exception e) {
                    if (failures++ == 0) {
                        firstError = e;
                    }
                }
            } while (System.nanoTime() < end);
            long wall = System.nanoTime() - start;
            long clientCpu = Cpu.thread() - cpu0;
            l.close();
            server.finish();
            Sample s = Sample.of(ops / (wall / 1e9), (clientCpu + server.cpu.get()) / 1e3 / Math.max(ops, 1));
            if (unexpected > 0) {
                s = s.withAnomaly(unexpected + " of " + ops + " handshakes " + (resumed ? "not resumed" : "resumed"));
            }
            if (failures > 0) {
                s = s.withAnomaly("client failures " + failures + " (first: " + firstError + ")");
            }
            return s.withAnomaly(server.anomaly());
        } finally {
            l.close(); // idempotent: the round has closed it already unless it failed
        }
    }

    /** One connection, {@code bytes} one way in 16 KiB writes and 16 KiB reads; MB/s (10^6 bytes) and CPU per MiB. */
    static Sample bulk(Endpoints ep, boolean upload, long bytes) throws Exception {
        AtomicLong startedAt = new AtomicLong();
        AtomicLong endedAt = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        CountDownLatch received = new CountDownLatch(1);
        try (Listener l = ep.listen()) {
            Server server = new Server("bench-bulk-server") {
                @Override
                public void run() {
                    Conn c = l.accept();
                    if (c == null) {
                        return;
                    }
                    try (c) {
                        c.handshake();
                        transfer(c, !upload, bytes, startedAt, endedAt, cpu, received);
                    } catch (Exception e) {
                        fail(e);
                        received.countDown();
                    }
                }
            };
            server.start();
            try (Conn c = ep.connect(l)) {
                c.handshake();
                transfer(c, upload, bytes, startedAt, endedAt, cpu, received);
            }
            server.finish();
            if (server.failures.get() > 0) {
                throw new IllegalStateException("bulk server failed", server.firstError);
            }
            double seconds = (endedAt.get() - startedAt.get()) / 1e9;
            return Sample.of(bytes / seconds / 1e6, cpu.get() / 1e3 / (bytes / (double) (1 << 20)));
        }
    }

    /**
     * The sender starts the clock before its first write and then waits for the receiver,
     * so that it never closes with data in flight; the receiver stops the clock at the last byte.
     */
    private static void transfer(Conn c, boolean send, long bytes, AtomicLong startedAt, AtomicLong endedAt, AtomicLong cpu,
            CountDownLatch received) throws Exception {
        byte[] buf = new byte[Scenario.BULK_CHUNK];
        long t0 = Cpu.thread();
        if (send) {
            startedAt.set(System.nanoTime());
            for (long sent = 0; sent < bytes; sent += buf.length) {
                c.write(buf, 0, (int) Math.min(buf.length, bytes - sent));
            }
            cpu.addAndGet(Cpu.thread() - t0);
            if (!received.await(JOIN_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the receiver did not finish");
            }
        } else {
            try {
                for (long got = 0; got < bytes; ) {
                    int n = c.read(buf, 0, buf.length);
                    if (n < 0) {
                        throw new IllegalStateException("stream ended after " + got + " of " + bytes + " bytes");
                    }
                    got += n;
                }
                endedAt.set(System.nanoTime());
                cpu.addAndGet(Cpu.thread() - t0);
            } finally {
                received.countDown();
            }
        }
    }

    /** 1 KiB written, echoed by the server, read back, again and again; p50 and p99 round trip in microseconds. */
    static Sample echo(Endpoints ep, long nanos) throws Exception {
        int size = Scenario.ECHO_SIZE;
        try (Listener l = ep.listen()) {
            Server server = new Server("bench-echo-server") {
                @Override
                public void run() {
                    Conn c = l.accept();
                    if (c == null) {
                        return;
                    }
                    try (c) {
                        c.handshake();
                        byte[] buf = new byte[size];
                        long t0 = Cpu.thread();
                        while (true) {
                            int got = 0;
                            while (got < size) {
                                int n = c.read(buf, got, size - got);
                                if (n < 0) {
                                    cpu.addAndGet(Cpu.thread() - t0);
                                    return; // the client's close_notify
                                }
                                got += n;
                            }
                            c.write(buf, 0, size);
                        }
                    } catch (Exception e) {
                        fail(e);
                    }
                }
            };
            server.start();
            long[] times = new long[1 << 16];
            int n = 0;
            long clientCpu;
            try (Conn c = ep.connect(l)) {
                c.handshake();
                byte[] buf = new byte[size];
                long cpu0 = Cpu.thread();
                long end = System.nanoTime() + nanos;
                long now;
                do {
                    long t = System.nanoTime();
                    c.write(buf, 0, size);
                    c.readFully(buf, size);
                    now = System.nanoTime();
                    if (n == times.length) {
                        times = Arrays.copyOf(times, n * 2);
                    }
                    times[n++] = now - t;
                } while (now < end);
                clientCpu = Cpu.thread() - cpu0;
            }
            server.finish();
            if (server.failures.get() > 0) {
                throw new IllegalStateException("echo server failed", server.firstError);
            }
            Arrays.sort(times, 0, n);
            double p50 = times[percentileIndex(n, 50)] / 1e3;
            double p99 = times[percentileIndex(n, 99)] / 1e3;
            return new Sample(List.of(p50, p99), (clientCpu + server.cpu.get()) / 1e3 / n, null);
        }
    }

    private static int percentileIndex(int n, int p) {
        return Math.min(n - 1, (int) Math.ceil(n * p / 100.0) - 1);
    }

    /**
     * Heap per established idle session: {@code sessions} connections handshaken on both ends
     * and left idle; the heap after full collections, less the heap before, over both ends.
     */
    static Sample heap(Endpoints ep, int sessions, int readings) throws Exception {
        try (Listener l = ep.listen()) {
            openIdle(ep, l, Math.min(sessions, 20)).forEach(Conn::close); // class loading and pools, not counted
            long before = Heap.settledUsedBytes(readings);
            List<Conn> open = openIdle(ep, l, sessions);
            long after = Heap.settledUsedBytes(readings);
            open.forEach(Conn::close);
            return Sample.of((after - before) / (2.0 * sessions) / 1024, Double.NaN);
        }
    }

    private static List<Conn> openIdle(Endpoints ep, Listener l, int sessions) throws Exception {
        List<Conn> servers = new ArrayList<>();
        Server server = new Server("bench-heap-server") {
            @Override
            public void run() {
                for (int i = 0; i < sessions; i++) {
                    Conn c = l.accept();
                    if (c == null) {
                        return;
                    }
                    try {
                        c.handshake();
                        synchronized (servers) {
                            servers.add(c);
                        }
                    } catch (Exception e) {
                        fail(e);
                        c.close();
                    }
                }
            }
        };
        server.start();
        List<Conn> all = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            Conn c = ep.connect(l);
            c.handshake();
            all.add(c);
        }
        server.finish();
        if (server.failures.get() > 0) {
            throw new IllegalStateException("heap server failed", server.firstError);
        }
        synchronized (servers) {
            all.addAll(servers);
        }
        return all;
    }
}
