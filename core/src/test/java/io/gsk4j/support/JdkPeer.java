package io.gsk4j.support;

import io.gsk4j.testpki.TestPki.Credential;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The JDK's own TLS stack as the independent peer, and a bounded way to run it. */
public final class JdkPeer {
    private static final char[] PW = "peer".toCharArray();

    private JdkPeer() {
    }

    /** An SSLContext presenting {@code key} (may be null) and trusting {@code trusted}. */
    public static SSLContext context(Credential key, X509Certificate... trusted) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        if (key != null) {
            ks.setKeyEntry("key", key.key(), PW, key.chain());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, PW);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
            ts.setCertificateEntry("ca" + i, trusted[i]);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Runs the peer's side on its own thread; {@link Running#result()} waits at most 30 s. */
    public static <T> Running<T> start(Callable<T> side) {
        Thread[] runner = new Thread[1];
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jdk-peer");
            t.setDaemon(true);
            runner[0] = t;
            return t;
        });
        Future<T> future = pool.submit(side); // the pool made its one thread before this returns
        pool.shutdown();
        return new Running<>(future, runner[0]);
    }

    public static final class Running<T> {
        private final Future<T> future;
        private final Thread thread;

        Running(Future<T> future, Thread thread) {
            this.future = future;
            this.thread = thread;
        }

        /**
         * Waits (bounded, 10 s) until the side is blocked inside {@code frame} (a class name
         * and method, e.g. {@code "io.gsk4j.Session.read"}): parked or waiting there, or in a
         * selector's native wait under it. What a test needs before it acts on a blocked call,
         * in place of sleeping and hoping the call got there.
         */
        public void awaitBlockedIn(String frame) throws InterruptedException {
            BlockedThreads.await(thread, frame, java.time.Duration.ofSeconds(10));
        }

        public T result() throws Exception {
            try {
                return future.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                dumpThreads();
                throw e;
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Exception) {
                    throw (Exception) e.getCause();
                }
                throw e;
            }
        }

        /** A hang is a bug to find: show where every thread stood. */
        private static void dumpThreads() {
            Thread.getAllStackTraces().forEach((t, stack) -> {
                System.err.println("thread " + t.getName() + " " + t.getState());
                for (StackTraceElement e : stack) {
                    System.err.println("    at " + e);
                }
            });
        }

        /** The peer's failure, for tests that expect the peer to fail too. */
        public Throwable failure() throws Exception {
            try {
                future.get(30, TimeUnit.SECONDS);
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            }
        }
    }
}
