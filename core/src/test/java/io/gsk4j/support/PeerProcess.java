package io.gsk4j.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A third-party TLS peer (openssl, gnutls) run as a real process by a test: started with
 * bounded waits, output captured to a file, always destroyed by its own handle.
 */
public final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private PeerProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Whether the command is on this machine (tests that need it skip otherwise). */
    public static boolean available(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    public static PeerProcess start(Path workDir, List<String> command) throws IOException {
        Path output = Files.createTempFile(workDir, "peer", ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new PeerProcess(p, output);
    }

    /** A port free right now on loopback (the peer binds it next; a clash is retried by the caller). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits until the peer accepts TCP connections on {@code port}, at most 10 s. */
    public void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the peer exited early: " + output());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("the peer did not listen on " + port + " within 10 s: " + output());
    }

    public Process process() {
        return process;
    }

    /** Waits for the process to end, at most {@code seconds}; true when it ended. */
    public boolean awaitExit(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
