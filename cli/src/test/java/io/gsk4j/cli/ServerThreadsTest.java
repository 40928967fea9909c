package io.gsk4j.cli;

import static io.gsk4j.cli.Pki.concat;
import static io.gsk4j.cli.Pki.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Hundreds of idle connections add no threads to {@code gsk4j server} (issue 11 item 4).
 * It counts the JVM's gsk4j threads, so it runs alone: a server started by a test class
 * running beside it has threads of the same names (CI saw four takers once).
 */
@Isolated
class ServerThreadsTest {
    @TempDir
    static Path dir;
    static Pki pki;

    @BeforeAll
    static void pki() {
        pki = new Pki(dir);
    }

    @Test
    void threeHundredIdleConnectionsAddNoThreads() throws Exception {
        int before = gsk4jThreads().size();
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--threads", "2", "--connection-limit", "400",
                "--handshake-timeout", "0"))) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    idle.add(new Socket(InetAddress.getLoopbackAddress(), server.port));
                }
                ServerLimitsTest.await("300 connections open", 30, () -> server.command().openConnections() == 300);
                List<String> threads = gsk4jThreads();
                // 2 completion threads, at most 4 gsk4j I/O threads; none per connection
                long takers = threads.stream().filter(n -> n.startsWith("gsk4j-server-")).count();
                long io = threads.stream().filter(n -> n.startsWith("gsk4j-io-")).count();
                assertEquals(2, takers, threads::toString);
                assertTrue(io <= 4, threads::toString);
                assertTrue(threads.size() <= Math.max(before, 4) + 2 + 1, "before " + before + ", now " + threads);
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
        }
    }

    private static List<String> gsk4jThreads() {
        List<String> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("gsk4j-")) {
                out.add(t.getName());
            }
        }
        return out;
    }
}
