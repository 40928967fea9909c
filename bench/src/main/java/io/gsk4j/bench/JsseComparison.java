package io.gsk4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * gsk4j against the JDK's own TLS (SSLSocket/SSLServerSocket) on the same certificates, in one
 * JVM on loopback: sequential full handshakes per second and one-way bulk throughput, for
 * TLS 1.3 (TLS_AES_128_GCM_SHA256) and TLS 1.2 (TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256).
 * gsk4j runs on the JDK's SSLEngine, so the ratio shows what its layer costs on top.
 *
 * <pre>java -cp bench/target/gsk4j-bench.jar io.gsk4j.bench.JsseComparison --seconds 5 --rounds 3 --bulk-mib 256</pre>
 */
public final class JsseComparison {
    private static final int CHUNK = 16 * 1024;

    private JsseComparison() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int seconds = args.integer("seconds", 5);
        int rounds = args.integer("rounds", 3);
        int warmup = args.integer("warmup", 2);
        int bulkMib = args.integer("bulk-mib", 256);
        boolean openssl = !"false".equals(args.text("openssl", "true"));
        Runtime rt = Runtime.getRuntime();
        System.out.printf("gsk4j vs JSSE: %d processors, Java %s (%s), max heap %d MiB%n", rt.availableProcessors(),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"), rt.maxMemory() >> 20);
        System.out.printf("handshakes: %d s warm-up, %d rounds of %d s; bulk: %d MiB in %d-byte writes and reads%n",
                warmup, rounds, seconds, bulkMib, CHUNK);
        BenchPki pki = BenchPki.create();
        for (Suite suite : List.of(Suite.TLS13, Suite.TLS12)) {
            System.out.printf("%n== %s, %s, EC P-256 server key ==%n", suite.label(), suite.cipher());
            try (GskStack gsk = new GskStack(pki, suite); JsseStack jsse = new JsseStack(pki, suite)) {
                compareHandshakes(gsk, jsse, warmup, seconds, rounds);
                compareBulk(gsk, jsse, (long) bulkMib << 20, rounds);
            }
            if (openssl && OpenSslReference.available()) {
                double rate = OpenSslReference.handshakes(pki, suite, seconds);
                if (rate > 0) {
                    System.out.printf("OpenSSL (native, for reference): s_server + s_time -new, %.0f handshakes/s%n", rate);
                }
            } else {
                System.out.println("OpenSSL (native, for reference): skipped, no openssl on PATH or --openssl false");
            }
        }
    }

    private static void compareHandshakes(LoopbackStack a, LoopbackStack b, int warmup, int seconds, int rounds)
            throws Exception {
        long warm = TimeUnit.SECONDS.toNanos(warmup);
        a.handshakes(warm, new Counts());
        b.handshakes(warm, new Counts());
        List<Double> ra = new ArrayList<>();
        List<Double> rb = new ArrayList<>();
        long span = TimeUnit.SECONDS.toNanos(seconds);
        for (int r = 0; r < rounds; r++) {
            // alternate who goes first: the JIT keeps improving and would favour the later one
            boolean aFirst = r % 2 == 0;
            Counts ca = new Counts();
            Counts cb = new Counts();
            if (aFirst) {
                ra.add(a.handshakes(span, ca));
                rb.add(b.handshakes(span, cb));
            } else {
                rb.add(b.handshakes(span, cb));
                ra.add(a.handshakes(span, ca));
            }
            System.out.printf("  handshakes round %d (%s first): %s %.0f/s, %s %.0f/s%n", r + 1,
                    aFirst ? a.name() : b.name(), a.name(), ra.get(r), b.name(), rb.get(r));
            warnUnlessClean(a, ca);
            warnUnlessClean(b, cb);
        }
        double ma = median(ra);
        double mb = median(rb);
        System.out.printf("full handshakes/s, median: %s %.0f, %s %.0f, ratio %s/%s %.2f%n",
                a.name(), ma, b.name(), mb, a.name(), b.name(), ma / mb);
    }

    private static void warnUnlessClean(LoopbackStack s, Counts c) {
        if (!c.clean()) {
            System.out.printf("    %s: %s%n", s.name(), c);
        }
    }

    private static void compareBulk(LoopbackStack a, LoopbackStack b, long bytes, int rounds) throws Exception {
        a.bulk(bytes / 4, CHUNK); // warm-up transfers, not counted
        b.bulk(bytes / 4, CHUNK);
        List<Double> ra = new ArrayList<>();
        List<Double> rb = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                ra.add(a.bulk(bytes, CHUNK));
                rb.add(b.bulk(bytes, CHUNK));
            } else {
                rb.add(b.bulk(bytes, CHUNK));
                ra.add(a.bulk(bytes, CHUNK));
            }
            System.out.printf("  bulk round %d: %s %.0f MB/s, %s %.0f MB/s%n", r + 1, a.name(), ra.get(r), b.name(), rb.get(r));
        }
        double ma = median(ra);
        double mb = median(rb);
        System.out.printf("bulk MB/s, median: %s %.0f, %s %.0f, ratio %s/%s %.2f%n",
                a.name(), ma, b.name(), mb, a.name(), b.name(), ma / mb);
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
