package io.gsk4j.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A peer server (openssl s_server, gnutls-serv) started on port 0, so that it binds a port of
 * its own choosing: no port is guessed free and handed over, so no other program can take it
 * first. The port is read back from the kernel's socket table (the process's LISTEN socket),
 * which is also the readiness signal, without spending a probe connection on the peer's
 * accept count.
 */
final class PeerServer implements AutoCloseable {
    private static final Duration READY_WAIT = Duration.ofSeconds(15);

    final PeerProcess process;
    final int port;

    private PeerServer(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * The same, for a command written for a port number: it is given port 0, so that the peer
     * chooses (kept for callers written when the test picked the port).
     */
    static PeerServer start(String name, Path dir, IntFunction<List<String>> commandForPort) throws IOException, InterruptedException {
        return start(name, dir, commandForPort.apply(0));
    }

    /** Starts {@code command}, which must tell the peer to listen on loopback port 0, and waits (bounded) until it listens. */
    static PeerServer start(String name, Path dir, List<String> command) throws IOException, InterruptedException {
        ProcNetTcp.assumeAvailable();
        PeerProcess p = PeerProcess.start(name, dir, command);
        long end = System.nanoTime() + READY_WAIT.toNanos();
        while (p.isAlive() && System.nanoTime() < end) {
            List<Integer> ports = ProcNetTcp.listeningPorts(p.pid());
            if (!ports.isEmpty()) {
                return new PeerServer(p, ports.get(0));
            }
            Thread.sleep(10); // polling the kernel's table, bounded by READY_WAIT
        }
        String why = p.isAlive() ? "no listening socket after " + READY_WAIT : "it exited first";
        p.close();
        throw new AssertionError("the peer server did not start listening (" + why + "): " + p.describe());
    }

    /**
     * Waits (bounded) until bytes we sent on the connection from {@code clientPort} sit unread
     * in the peer's socket on {@code serverPort} (rx_queue in /proc/net/tcp): proof that our
     * ClientHello arrived at a peer that is not reading.
     */
    static boolean awaitUnreadAtPeer(int serverPort, int clientPort, Duration max) throws InterruptedException {
        ProcNetTcp.assumeAvailable();
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (ProcNetTcp.unreadAt(serverPort, clientPort)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public void close() {
        process.close();
    }
}
