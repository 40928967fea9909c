package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.Errno;
import io.gsk4j.compat.Qso_OverlappedIO_t;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's threads: each waits on the one completion port (QsoWaitForIOCompletion) and
 * runs the next step of the connection the completion belongs to. A new connection arrives
 * as a posted completion (QSOPOSTIOCOMPLETION), as in the ASYNC.md loop. The threads end
 * when the port is destroyed.
 */
final class CompletionTakers {
    private CompletionTakers() {
    }

    static List<Thread> start(int port, int count, PrintWriter err) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Thread t = new Thread(() -> take(port, err), "gsk4j-server-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    /** Hands a new connection to the threads; false when the port would not take it. */
    static boolean hand(int port, ServerConnection connection) {
        Qso_OverlappedIO_t area = new Qso_OverlappedIO_t();
        area.descriptorHandle = connection;
        return QsoPostIOCompletion(port, area) == 0;
    }

    static void join(List<Thread> threads, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void take(int port, PrintWriter err) {
        while (true) {
            Qso_OverlappedIO_t done = new Qso_OverlappedIO_t();
            int rc = QsoWaitForIOCompletion(port, done, null);
            if (rc != 1) {
                if (errno() == Errno.EINTR.code()) {
                    continue;
                }
                return; // EDESTROYED: the server is stopping
            }
            ServerConnection connection = (ServerConnection) done.descriptorHandle;
            try {
                if (done.operationCompleted == QSOPOSTIOCOMPLETION) {
                    connection.begin(port);
                } else {
                    connection.completed(done);
                }
            } catch (RuntimeException e) {
                // a bug in one connection's step must not take a server thread with it
                synchronized (err) {
                    err.println("gsk4j: connection step failed: " + e);
                    err.flush();
                }
                connection.abandon("the server failed: " + e);
            }
        }
    }
}
