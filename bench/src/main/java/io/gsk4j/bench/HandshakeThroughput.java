package io.gsk4j.bench;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.Session;
import io.gsk4j.async.IoThreads;
import io.gsk4j.attr.EnumValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Handshakes per second of a server, with both ends in this JVM on the same cores, the same
 * certificates and the same client load (blocking gsk4j clients on a thread pool, a fixed
 * number of handshakes in flight): the asynchronous server (startHandshake, completions on a
 * port, at most 4 I/O threads) against a blocking server (handshake() on a thread pool).
 * Rounds alternate (ABBA) so neither gains from the JIT warming up during the run; medians are compared.
 */
final class HandshakeThroughput {
    private HandshakeThroughput() {
    }

    static void run(BenchPki pki, int seconds, int concurrency, int rounds) throws Exception {
        Environment serverEnv = BenchPki.environment(EnumValue.GSK_SERVER_SESSION, pki.serverStore);
        Environment clientEnv = BenchPki.environment(EnumValue.GSK_CLIENT_SESSION, pki.clientStore);
        System.out.printf("handshake throughput: %d in flight, %d s per round, %d rounds each, I/O threads %d, %d processors%n",
                concurrency, seconds, rounds, IoThreads.configured(), Runtime.getRuntime().availableProcessors());
        asyncRound(serverEnv, clientEnv, concurrency, seconds); // warm-up, not counted
        blockingRound(serverEnv, clientEnv, concurrency, seconds);
        List<Double> async = new ArrayList<>();
        List<Double> blocking = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            // the order alternates: the JIT still improves during the run, which favours whoever goes second
            if (r % 2 == 0) {
                async.add(asyncRound(serverEnv, clientEnv, concurrency, seconds));
                blocking.add(blockingRound(serverEnv, clientEnv, concurrency, seconds));
            } else {
                blocking.add(blockingRound(serverEnv, clientEnv, concurrency, seconds));
                async.add(asyncRound(serverEnv, clientEnv, concurrency, seconds));
            }
            System.out.printf("  round %d: async %.0f/s, blocking %.0f/s%n", r + 1, async.get(r), blocking.get(r));
        }
        double a = median(async);
        double b = median(blocking);
        System.out.printf("handshakes/s (median): async %.0f, blocking thread pool %.0f, ratio async/blocking %.2f%n", a, b, a / b);
        serverEnv.close();
        clientEnv.close();
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The server under test is asynchronous: EchoServer, one completion thread, the I/O threads. */
    private static double asyncRound(Environment serverEnv, Environment clientEnv, int concurrency, int seconds) throws Exception {
        try (EchoServer server = new EchoServer(serverEnv, true)) {
            double rate = clientLoad(clientEnv, server.address(), concurrency, seconds);
            report("async server", server.handshakes.get(), server.failures.get());
            return rate;
        }
    }

    /** The server under test is blocking: an acceptor hands each connection to a pool thread that runs handshake(). */
    private static double blockingRound(Environment serverEnv, Environment clientEnv, int concurrency, int seconds) throws Exception {
        AtomicInteger failed = new AtomicInteger();
        ExecutorService servers = Executors.newFixedThreadPool(concurrency);
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096)) {
            Thread acceptor = new Thread(() -> {
                while (listener.isOpen()) {
                    try {
                        SocketChannel ch = listener.accept();
                        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        servers.execute(() -> {
                            if (!handshakeAndClose(serverEnv, ch)) {
                                failed.incrementAndGet();
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "bench-blocking-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            double rate = clientLoad(clientEnv, (InetSocketAddress) listener.getLocalAddress(), concurrency, seconds);
            report("blocking server", -1, failed.get());
            return rate;
        } finally {
            servers.shutdown();
            servers.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The same load for both servers: {@code concurrency} client threads, each connecting and
     * handshaking (synchronously) again and again. Returns the handshakes per second completed.
     */
    private static double clientLoad(Environment clientEnv, InetSocketAddress address, int concurrency, int seconds)
            throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            clients.execute(() -> {
                while (System.nanoTime() < end) {
                    try {
                        SocketChannel ch = SocketChannel.open(address);
                        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        (handshakeAndClose(clientEnv, ch) ? done : failed).incrementAndGet();
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double rate = done.get() / ((System.nanoTime() - started) / 1e9);
        if (failed.get() > 0) {
            System.out.printf("    (clients: %d handshakes, %d failed)%n", done.get(), failed.get());
        }
        return rate;
    }

    private static boolean handshakeAndClose(Environment env, SocketChannel ch) {
        Session s = null;
        try {
            s = env.openSession();
            s.attach(ch);
            s.handshake();
            return true;
        } catch (GskException e) {
            return false;
        } finally {
            if (s != null) {
                s.close();
            }
            try {
                ch.close();
            } catch (IOException ignored) {
                // measurement only
            }
        }
    }

    private static void report(String mode, int done, int failed) {
        if (failed > 0) {
            System.out.printf("    (%s: %s handshakes, %d failed)%n", mode, done < 0 ? "?" : Integer.toString(done), failed);
        }
    }
}
