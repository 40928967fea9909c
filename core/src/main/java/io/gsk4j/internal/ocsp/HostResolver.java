package io.gsk4j.internal.ocsp;

import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.util.IPAddress;

/**
 * Name lookup that respects the time budget. The JDK's resolver cannot be given a timeout, so a
 * limited lookup runs on a small daemon pool and the caller stops waiting when time is up.
 */
final class HostResolver {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadPoolExecutor LOOKUPS = lookupPool();

    private HostResolver() {
    }

    static InetAddress resolve(String host, TimeBudget budget) throws OcspFailure, SocketTimeoutException {
        try {
            if (IPAddress.isValid(host) || !budget.limited()) {
                return InetAddress.getByName(host); // a literal needs no lookup
            }
            Future<InetAddress> lookup = LOOKUPS.submit(() -> InetAddress.getByName(host));
            try {
                return lookup.get(budget.socketTimeoutMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                lookup.cancel(true);
                throw new SocketTimeoutException("name lookup of " + host + " took too long");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownHostException) {
                    throw (UnknownHostException) e.getCause();
                }
                throw new OcspFailure("name lookup of " + host + " failed", e.getCause());
            } catch (InterruptedException e) {
                lookup.cancel(true);
                Thread.currentThread().interrupt();
                throw new OcspFailure("interrupted while looking up " + host);
            }
        } catch (UnknownHostException e) {
            throw new OcspFailure("unknown host " + host);
        }
    }

    private static ThreadPoolExecutor lookupPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "gsk4j-ocsp-lookup-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
