package io.gsk4j.bench;

import io.gsk4j.Environment;
import io.gsk4j.async.IoThreads;
import io.gsk4j.attr.EnumValue;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The scale run: this JVM is the measured server (gsk4j's asynchronous path, one completion
 * thread, at most 4 I/O threads); a second JVM ({@link ScaleClients}) opens the sessions,
 * because one process may hold only so many descriptors and 10,000 sessions need 20,000
 * sockets on loopback. Reports heap per idle established session and thread counts, then
 * handshake throughput of the asynchronous path against blocking sessions on a thread pool.
 *
 * <pre>
 * java -jar bench/target/gsk4j-bench.jar --sessions 10000 --io-threads 4 --throughput-seconds 10
 * </pre>
 */
public final class ScaleRun {
    private static final long PHASE_MINUTES = 10;
    private static int histogramLines;

    private ScaleRun() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int sessions = args.integer("sessions", 10_000);
        int ioThreads = args.integer("io-threads", IoThreads.MAX);
        int warmup = args.integer("warmup", 500);
        int throughputSeconds = args.integer("throughput-seconds", 10);
        histogramLines = args.integer("histogram", 0);
        IoThreads.configure(ioThreads);
        BenchPki pki = BenchPki.create();
        machine();
        if (sessions > 0) {
            scale(pki, sessions, ioThreads, warmup);
        }
        if (throughputSeconds > 0) {
            HandshakeThroughput.run(pki, throughputSeconds, args.integer("concurrency", 16), args.integer("rounds", 3));
        }
    }

    private static void machine() {
        Runtime rt = Runtime.getRuntime();
        SSLEngine engine;
        try {
            engine = SSLContext.getDefault().createSSLEngine();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        System.out.printf("machine: %d processors, max heap %d MiB, %s %s (%s), %s%n", rt.availableProcessors(),
                rt.maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        System.out.printf("JDK TLS buffer sizes: packet %d B, application %d B%n",
                engine.getSession().getPacketBufferSize(), engine.getSession().getApplicationBufferSize());
        System.out.println("keep idle buffers: " + Boolean.getBoolean("gsk4j.keepIdleBuffers"));
    }

    private static void scale(BenchPki pki, int sessions, int ioThreads, int warmup) throws Exception {
        Environment env = BenchPki.environment(EnumValue.GSK_SERVER_SESSION, pki.serverStore);
        int threadsBefore = Heap.liveThreads();
        try (EchoServer server = new EchoServer(env, false)) {
            Process child = new ProcessBuilder(javaCommand(ScaleClients.class.getName(),
                    "--host", "127.0.0.1", "--port", Integer.toString(server.address().getPort()),
                    "--store", pki.clientStore.toString(), "--sessions", Integer.toString(sessions),
                    "--warmup", Integer.toString(warmup), "--io-threads", Integer.toString(ioThreads)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BlockingQueue<String> lines = lines(child);
            String warmed = await(lines, "WARMED");
            waitFor(() -> server.cleanEnds.get(), warmup);
            long baseline = Heap.settledUsedBytes();
            int threadsIdle = Heap.liveThreads();
            System.out.printf("warm-up: %d sessions opened, echoed and closed (%s ms on the client)%n", warmup, field(warmed, 1));

            child.getOutputStream().write("CONNECT\n".getBytes(StandardCharsets.US_ASCII));
            child.getOutputStream().flush();
            String established = await(lines, "ESTABLISHED");
            waitFor(() -> server.echoes.get(), warmup + sessions);
            Thread.sleep(500); // the last receives are registered with their selectors
            long loaded = Heap.settledUsedBytes();
            int threadsLoaded = Heap.liveThreads();
            long perSession = (loaded - baseline) / sessions;
            System.out.printf("established: %d sessions, handshakes %d, echoed %d (client: echoed %s, failed %s, %s ms, "
                    + "%s I/O threads), server failures %d%n", sessions, server.handshakes.get() - warmup,
                    server.echoes.get() - warmup, field(established, 1), field(established, 2), field(established, 3),
                    field(established, 4), server.failures.get());
            System.out.printf("heap: baseline %.1f MiB, with %d idle sessions %.1f MiB: %d B = %.1f KiB per idle established session%n",
                    baseline / 1048576.0, sessions, loaded / 1048576.0, perSession, perSession / 1024.0);
            System.out.printf("threads: %d before the server, %d with it idle, %d with %d sessions (I/O threads: %d)%n",
                    threadsBefore, threadsIdle, threadsLoaded, sessions, IoThreads.running());
            if (histogramLines > 0) {
                System.out.print("class histogram with the sessions idle:\n" + Heap.histogram(histogramLines));
            }

            child.getOutputStream().write("CLOSE\n".getBytes(StandardCharsets.US_ASCII));
            child.getOutputStream().flush();
            String closed = await(lines, "CLOSED");
            waitFor(() -> server.cleanEnds.get(), warmup + sessions);
            await(lines, "DONE");
            child.waitFor(1, TimeUnit.MINUTES);
            System.out.printf("closed: client closed %s sessions in %s ms; server saw %d close_notify, %d failures%n",
                    field(closed, 1), field(closed, 2), server.cleanEnds.get() - warmup, server.failures.get());
            long after = Heap.settledUsedBytes();
            System.out.printf("heap after every session closed: %.1f MiB (baseline %.1f MiB)%n", after / 1048576.0,
                    baseline / 1048576.0);
            if (histogramLines > 0) {
                System.out.print("class histogram after close:\n" + Heap.histogram(histogramLines));
            }
        }
        env.close();
        Thread.sleep(200);
        System.out.printf("after the port is destroyed: I/O threads %d, live threads %d (before the server: %d)%n",
                IoThreads.running(), Heap.liveThreads(), threadsBefore);
    }

    static List<String> javaCommand(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        for (String jvmArg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (jvmArg.startsWith("-Xmx") || jvmArg.startsWith("-XX:ActiveProcessorCount")) {
                cmd.add(jvmArg);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static BlockingQueue<String> lines(Process child) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = r.readLine()) != null) {
                    q.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the child ended
            }
            q.add("EOF");
        }, "bench-child-output");
        t.setDaemon(true);
        t.start();
        return q;
    }

    private static String await(BlockingQueue<String> lines, String word) throws InterruptedException {
        String line = lines.poll(PHASE_MINUTES, TimeUnit.MINUTES);
        if (line == null || !line.startsWith(word)) {
            throw new IllegalStateException("the client process said " + line + " instead of " + word);
        }
        return line;
    }

    private static void waitFor(IntSupplier counter, int target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(PHASE_MINUTES);
        while (counter.getAsInt() < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static String field(String line, int index) {
        String[] parts = line.split(" ");
        return index < parts.length ? parts[index] : "?";
    }
}
