package io.gsk4j.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * A peer server (openssl s_server, gnutls-serv) listening on a loopback port chosen at run
 * time. The port is found free by binding port 0; if the peer loses the race for it and
 * exits, it is started again on another port (three tries). Readiness is read from
 * {@code /proc/net/tcp[6]} (a LISTEN socket on the port) so that no probe connection is
 * spent on the peer's accept count; elsewhere the first real connect simply retries.
 */
final class PeerServer implements AutoCloseable {
    private static final Duration READY_WAIT = Duration.ofSeconds(15);

    final PeerProcess process;
    final int port;

    private PeerServer(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static PeerServer start(String name, Path dir, IntFunction<List<String>> commandForPort) throws IOException, InterruptedException {
        String lastFailure = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = GskSide.freePort();
            PeerProcess p = PeerProcess.start(name, dir, commandForPort.apply(port));
            if (awaitListening(p, port)) {
                return new PeerServer(p, port);
            }
            lastFailure = p.describe();
            p.close();
            String lower = lastFailure.toLowerCase(Locale.ROOT);
            if (!(lower.contains("in use") || lower.contains("bind"))) {
                break; // not a port race: starting again will not help
            }
        }
        throw new AssertionError("the peer server did not start listening: " + lastFailure);
    }

    private static boolean awaitListening(PeerProcess p, int port) throws InterruptedException {
        Path tcp = Path.of("/proc/net/tcp");
        long end = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                return false;
            }
            if (!Files.isReadable(tcp)) {
                Thread.sleep(200); // no /proc: let the connect loop find out
                return p.isAlive();
            }
            if (listening(tcp, port) || listening(Path.of("/proc/net/tcp6"), port)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Whether {@code table} (a /proc/net/tcp file) has a socket in state 0A (LISTEN) on {@code port}. */
    static boolean listening(Path table, int port) {
        String hexPort = String.format(":%04X", port);
        try {
            for (String line : Files.readAllLines(table)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /**
     * Waits (bounded) until bytes we sent on the connection from {@code clientPort} sit unread
     * in the peer's socket on {@code serverPort} (rx_queue in /proc/net/tcp): proof that our
     * ClientHello arrived at a peer that is not reading. Without /proc it waits a second.
     */
    static boolean awaitUnreadAtPeer(int serverPort, int clientPort, Duration max) throws InterruptedException {
        Path tcp = Path.of("/proc/net/tcp");
        if (!Files.isReadable(tcp)) {
            Thread.sleep(1000);
            return true;
        }
        String local = String.format(":%04X", serverPort);
        String remote = String.format(":%04X", clientPort);
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            try {
                for (String line : Files.readAllLines(tcp)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 4 && f[1].endsWith(local) && f[2].endsWith(remote)) {
                        long rx = Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16);
                        if (rx > 0) {
                            return true;
                        }
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return false;
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
