package io.gsk4j.programs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code openssl s_server} on a loopback port it binds itself (a free port is chosen and the
 * start retried if another process took it first), its stdout and stderr collected, its stdin
 * open for the test to feed the response. Readiness is read from /proc/net/tcp so no probe
 * connection is spent on {@code -naccept 1}.
 */
final class OpenSslServer implements AutoCloseable {
    private static final Duration READY_WAIT = Duration.ofSeconds(15);

    final int port;
    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final OutputStream stdin;
    private volatile boolean frozen;

    private OpenSslServer(Process process, int port) {
        this.process = process;
        this.port = port;
        this.stdin = process.getOutputStream();
        Thread drain = new Thread(() -> drain(process.getInputStream()), "s_server-output");
        drain.setDaemon(true);
        drain.start();
    }

    static void assumeInstalled() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "openssl"));
        }
        assumeTrue(found, "openssl is not on PATH: install the Debian package openssl (.ci/run does)");
    }

    /** Starts {@code openssl s_server -accept 127.0.0.1:PORT} followed by {@code args}. */
    static OpenSslServer start(Path dir, String... args) throws IOException, InterruptedException {
        assumeInstalled();
        String last = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("LC_ALL", "C");
            OpenSslServer server = new OpenSslServer(pb.start(), port);
            if (server.awaitListening()) {
                return server;
            }
            last = server.output();
            server.close();
            if (!last.contains("in use")) {
                break;
            }
        }
        throw new AssertionError("openssl s_server did not start: " + last);
    }

    private boolean awaitListening() throws InterruptedException {
        String hexPort = String.format(":%04X", port);
        long end = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
                try {
                    for (String line : Files.readAllLines(Path.of(table))) {
                        String[] f = line.trim().split("\\s+");
                        if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                            return true;
                        }
                    }
                } catch (IOException e) {
                    // no such table here: try the other
                }
            }
            Thread.sleep(10); // polling the kernel's table, bounded by READY_WAIT
        }
        return false;
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0;) {
                synchronized (output) {
                    output.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Polls (bounded) until s_server has printed {@code text}. */
    boolean awaitOutput(String text, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!output().contains(text)) {
            if (System.nanoTime() > end || !process.isAlive()) {
                return output().contains(text);
            }
            Thread.sleep(10); // polling s_server's output, bounded by max
        }
        return true;
    }

    /** What s_server sends to its client: its stdin. */
    void feed(byte[] data) throws IOException {
        stdin.write(data);
        stdin.flush();
    }

    /** SIGSTOP: s_server stays connected but reads nothing more (a peer that stopped reading). */
    void freeze() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("sh", "-c", "kill -STOP " + process.pid()).redirectErrorStream(true).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("could not stop s_server");
        }
        frozen = true;
    }

    @Override
    public void close() {
        if (frozen) {
            process.destroyForcibly(); // a stopped process never handles SIGTERM
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "s_server on " + port + ": " + output();
    }
}
