package io.gsk4j.cli;

import static io.gsk4j.cli.Pki.concat;
import static io.gsk4j.cli.Pki.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What bounds {@code gsk4j server} (issue 11 item 4): a client that never reads is cut off
 * after --write-timeout while others are served, connections over --connection-limit are
 * closed at once (hundreds of idle connections adding no threads: {@link ServerThreadsTest}).
 */
class ServerLimitsTest {
    @TempDir
    static Path dir;
    static Pki pki;

    @BeforeAll
    static void pki() {
        pki = new Pki(dir);
    }

    private static SSLContext jdkClient() throws Exception {
        return pki.jdkClient();
    }

    /** Polls {@code condition} until it holds, failing after {@code seconds}; also used by {@link ServerThreadsTest}. */
    static void await(String what, long seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10); // polling interval of a bounded wait, not a stand-in for the event
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aClientThatNeverReadsIsCutOffAndOthersAreStillServed() throws Exception {
        // one completion thread: in a thread-per-connection design the stuck client would hold it
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--threads", "1", "--write-timeout", "5"))) {
            SSLContext ctx = jdkClient();
            AtomicLong written = new AtomicLong();
            try (SSLSocket greedy = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.port)) {
                greedy.startHandshake();
                CompletableFuture<String> writer = CompletableFuture.supplyAsync(() -> {
                    byte[] chunk = new byte[64 * 1024];
                    try {
                        OutputStream out = greedy.getOutputStream();
                        for (int i = 0; i < 512; i++) { // 32 MiB, never reading the echo
                            out.write(chunk);
                            written.addAndGet(chunk.length);
                        }
                        return "wrote everything";
                    } catch (Exception e) {
                        return "cut off: " + e;
                    }
                });
                server.awaitOutput("[1] connection from");
                // a second client while the first is pinned against its full socket
                Cli.Run other = Cli.run(concat(new String[] {"client", server.target(), "--send", "hi"}, store(pki.trustStore)));
                assertEquals(0, other.exitCode(), other::all);
                server.awaitOutput("[2] closed: echoed 2 bytes");
                assertTrue(!server.out().contains("[1] closed"), "the greedy client was cut before the other was served: "
                        + server.out());
                server.awaitOutput("(--write-timeout): cut off");
                String out = server.out();
                assertTrue(out.contains("[1] closed: echoed "), out);
                assertTrue(out.indexOf("[2] closed") < out.indexOf("[1] closed"), out);
                // the writer ends: the server closed the socket under it
                String end = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> writer.get());
                assertTrue(end.startsWith("cut off") || written.get() == 32L << 20, end);
            }
            Cli.Run after = Cli.run(concat(new String[] {"client", server.target(), "--send", "again"}, store(pki.trustStore)));
            assertEquals(0, after.exitCode(), after::all);
        }
    }

    @Test
    void connectionsOverTheLimitAreClosedAtOnce() throws Exception {
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--connection-limit", "2",
                "--handshake-timeout", "0"))) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    idle.add(new Socket(InetAddress.getLoopbackAddress(), server.port));
                }
                await("two connections open", 20, () -> server.command().openConnections() == 2);
                try (Socket third = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
                    third.setSoTimeout(10_000); // a refusal is an immediate end of stream; a session would wait silently
                    assertEquals(-1, third.getInputStream().read());
                }
                server.awaitOutput("[refused #1] 127.0.0.1:");
                assertTrue(server.out().contains("2 connections are open (--connection-limit)"), server.out());
                assertEquals(2, server.command().openConnections());
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
            // the limit frees as connections end
            await("the idle connections ended", 20, () -> server.command().openConnections() == 0);
            Cli.Run r = Cli.run(concat(new String[] {"client", server.target(), "--send", "hi"}, store(pki.trustStore)));
            assertEquals(0, r.exitCode(), r::all);
        }
    }

}
