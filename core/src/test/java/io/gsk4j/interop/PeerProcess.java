package io.gsk4j.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One third-party peer (openssl, gnutls-serv, gnutls-cli) started by a test: its stdin is a
 * pipe the test writes to, stdout and stderr are drained by daemon threads into memory, and
 * every wait on it is bounded. {@link #close()} stops it by its own process handle (TERM,
 * then KILL) and is meant for a finally block; a JVM shutdown hook kills whatever a crashed
 * test left behind, so a hung peer can never outlive the build.
 */
final class PeerProcess implements AutoCloseable {
    /** Output beyond this is counted but not kept (gnutls-serv echoes every line to stderr). */
    private static final int KEEP_LIMIT = 16 << 20;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "interop-peer-reaper"));
    }

    private final String name;
    private final List<String> command;
    private final Process process;
    private final Drain stdout;
    private final Drain stderr;
    private final OutputStream stdin;
    private volatile Thread feeder;
    private volatile Throwable feedFailure;
    private volatile boolean frozen;

    private PeerProcess(String name, List<String> command, Process process) {
        this.name = name;
        this.command = List.copyOf(command);
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stdout = new Drain(process.getInputStream(), name + "-stdout");
        this.stderr = new Drain(process.getErrorStream(), name + "-stderr");
    }

    /** Starts {@code command} in {@code dir}; the first element is the program. */
    static PeerProcess start(String name, Path dir, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("LC_ALL", "C"); // stable, English messages to parse
        Process p = pb.start();
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return new PeerProcess(name, command, p);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    // ---- stdin ----

    /** Writes {@code data} to the peer's stdin on a daemon thread, then closes stdin if asked. */
    void feed(byte[] data, boolean closeAfter) {
        Thread t = new Thread(() -> {
            try {
                stdin.write(data);
                stdin.flush();
                if (closeAfter) {
                    stdin.close();
                }
            } catch (IOException e) {
                feedFailure = e; // the peer went away; the test's own checks say why
            }
        }, name + "-stdin");
        t.setDaemon(true);
        feeder = t;
        t.start();
    }

    /** Waits (bounded) until everything given to {@link #feed} has been taken by the peer. */
    boolean awaitFed(Duration max) throws InterruptedException {
        Thread t = feeder;
        if (t == null) {
            return true;
        }
        t.join(max.toMillis());
        return !t.isAlive();
    }

    Throwable feedFailure() {
        return feedFailure;
    }

    void closeStdin() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    // ---- output ----

    byte[] stdout() {
        return stdout.bytes();
    }

    String stdoutText() {
        return new String(stdout.bytes(), StandardCharsets.ISO_8859_1);
    }

    String stderrText() {
        return new String(stderr.bytes(), StandardCharsets.ISO_8859_1);
    }

    long stdoutCount() {
        return stdout.count();
    }

    /** Polls (bounded) until {@code test} accepts stdout + stderr; true when it did. */
    boolean awaitOutput(Predicate<String> test, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (true) {
            if (test.test(stdoutText() + "\n" + stderrText())) {
                return true;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            if (!process.isAlive()) {
                stdout.join(1000);
                stderr.join(1000);
                return test.test(stdoutText() + "\n" + stderrText());
            }
            Thread.sleep(50); // the outputs can be megabytes (gnutls-serv -d 5): do not rebuild them too often
        }
    }

    /** Polls (bounded) until at least {@code count} bytes arrived on stdout. */
    boolean awaitStdoutBytes(long count, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (stdout.count() < count) {
            if (System.nanoTime() > end || (!process.isAlive() && !stdout.isRunning())) {
                return stdout.count() >= count;
            }
            Thread.sleep(5);
        }
        return true;
    }

    // ---- life cycle ----

    /** Waits at most {@code max} for the peer to exit by itself; its exit code, or null if it did not. */
    Integer awaitExit(Duration max) throws InterruptedException {
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        stdout.join(2000);
        stderr.join(2000);
        return process.exitValue();
    }

    /** SIGSTOP: the peer stays connected but never answers (a hung peer). */
    void freeze() throws IOException, InterruptedException {
        frozen = true;
        signal("-STOP");
    }

    private void signal(String sig) throws IOException, InterruptedException {
        // through sh: its built-in kill is there even where the kill binary (procps) is not
        Process kill = new ProcessBuilder("sh", "-c", "kill " + sig + " " + process.pid()).redirectErrorStream(true).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS)) {
            kill.destroyForcibly();
        }
    }

    /** Kills the peer at once (SIGKILL) and waits, bounded, until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** Stops the peer if it still runs (TERM, then KILL) and collects its output; never blocks long. */
    @Override
    public void close() {
        closeStdin();
        try {
            if (process.isAlive() && frozen) {
                kill(); // a stopped process holds SIGTERM until it runs again: do not wait for it
            } else if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
            stdout.join(2000);
            stderr.join(2000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** For assertion messages: the command, exit status and the ends of both outputs. */
    String describe() {
        String exit = process.isAlive() ? "running" : "exit " + process.exitValue();
        return name + " (" + exit + "): " + String.join(" ", command)
                + "\n--- stderr (end) ---\n" + tail(stderrText(), 3000)
                + "\n--- stdout (end) ---\n" + tail(printable(stdoutText()), 1500);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f) ? c : '.');
        }
        return sb.toString();
    }

    static String tail(String s, int max) {
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }

    @Override
    public String toString() {
        return name + " pid " + process.pid();
    }

    /** Reads a stream to its end into memory (up to KEEP_LIMIT), on a daemon thread. */
    private static final class Drain {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;
        private long count;

        Drain(InputStream in, String threadName) {
            thread = new Thread(() -> {
                byte[] buf = new byte[65536];
                try (in) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        synchronized (this) {
                            int keep = Math.max(0, Math.min(n, KEEP_LIMIT - kept.size()));
                            kept.write(buf, 0, keep);
                            count += n;
                        }
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
            }, threadName);
            thread.setDaemon(true);
            thread.start();
        }

        synchronized byte[] bytes() {
            return kept.toByteArray();
        }

        synchronized long count() {
            return count;
        }

        boolean isRunning() {
            return thread.isAlive();
        }

        void join(long millis) throws InterruptedException {
            thread.join(millis);
        }
    }

    static List<String> args(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof List<?> list) {
                list.forEach(x -> out.add(String.valueOf(x)));
            } else if (p != null) {
                out.add(String.valueOf(p));
            }
        }
        return out;
    }
}
