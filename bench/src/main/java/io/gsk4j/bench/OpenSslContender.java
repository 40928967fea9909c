package io.gsk4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenSSL's own programs as separate processes on the same loopback, key, certificate,
 * protocol and suite: {@code s_server -WWW} against {@code s_time} for handshakes (each
 * connection fetches a one-byte file, as the Java stacks read one byte), s_time fetching a
 * large file for download, {@code s_client} sending a file to {@code s_server} for upload. CPU
 * is both processes' user and system time from /proc; {@link PythonMemory} gives the
 * in-memory figure through Python's ssl module, which is the same OpenSSL library.
 */
final class OpenSslContender implements Contender {
    private static final Pattern CONNECTIONS = Pattern.compile("(\\d+) connections in [0-9.]+s");
    private static final Pattern BYTES_READ = Pattern.compile("bytes read (\\d+)");
    private static final long START_MILLIS = 10_000;

    private final BenchPki pki;
    private final Path dir;
    private final Map<CertKind, Path[]> pems = new EnumMap<>(CertKind.class);
    private final PythonMemory memory;

    private OpenSslContender(BenchPki pki, PythonMemory memory) throws IOException {
        this.pki = pki;
        this.dir = Files.createTempDirectory("gsk4j-bench-openssl");
        dir.toFile().deleteOnExit();
        Path page = Files.write(dir.resolve("b"), new byte[] {42});
        page.toFile().deleteOnExit();
        this.memory = memory;
    }

    /** The OpenSSL contender, or null after saying why there is none. */
    static OpenSslContender create(BenchPki pki, StringBuilder why) {
        try {
            String version = run(List.of("openssl", "version")).trim();
            OpenSslContender c = new OpenSslContender(pki, PythonMemory.find(version, why));
            c.version = version;
            return c;
        } catch (IOException | InterruptedException e) {
            why.append("openssl: skipped, no usable openssl on PATH (").append(e.getMessage()).append(")");
            return null;
        }
    }

    String version;

    @Override
    public String stack() {
        return "openssl";
    }

    @Override
    public String unsupported(Scenario sc) {
        switch (sc.kind()) {
            case HANDSHAKE:
            case BULK:
                return null;
            case MEMORY:
                return memory == null ? "no python3 for the in-memory harness" : null;
            default:
                return "no OpenSSL program measures this";
        }
    }

    @Override
    public Sample run(Scenario sc, long nanos, Budget budget) throws Exception {
        Path[] pem = pem(sc.suite().cert());
        switch (sc.kind()) {
            case HANDSHAKE:
                return handshakes(sc, pem, nanos);
            case BULK:
                return bulk(sc, pem, budget.bulkBytes(), nanos);
            case MEMORY:
                return memory.run(sc, pem, nanos);
            default:
                throw new IllegalArgumentException(sc.name());
        }
    }

    private Sample handshakes(Scenario sc, Path[] pem, long nanos) throws Exception {
        int port = freePort();
        List<String> server = new ArrayList<>(List.of("openssl", "s_server", "-quiet", "-WWW", "-accept",
                Integer.toString(port), "-cert", pem[0].toString(), "-key", pem[1].toString()));
        server.addAll(pin(sc.suite()));
        Process s = new ProcessBuilder(server).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            waitForPort(port, s);
            long seconds = Math.max(1, Math.round(nanos / 1e9));
            String client = String.join(" ", "openssl s_time -connect 127.0.0.1:" + port, "-www /b", "-CAfile " + pem[2], "-verify 2",
                    sc.resumed() ? "-reuse" : "-new", "-time " + seconds, String.join(" ", pin(sc.suite())));
            long serverCpu0 = ProcCpu.of(s.pid());
            long start = System.nanoTime();
            // the shell reports its waited-for child's CPU (cutime, cstime) after s_time has ended
            String out = run(List.of("sh", "-c", client + " && cat /proc/$$/stat"));
            long wall = System.nanoTime() - start;
            long serverCpu = ProcCpu.of(s.pid()) - serverCpu0;
            Matcher m = CONNECTIONS.matcher(out);
            if (!m.find()) {
                throw new IOException("no result from s_time: " + out);
            }
            long ops = Long.parseLong(m.group(1));
            String stat = out.substring(out.lastIndexOf('\n', out.length() - 2) + 1);
            long clientCpu = ProcCpu.fromStat(stat, true);
            Sample sample = Sample.of(ops / (wall / 1e9), (serverCpu + clientCpu) / 1e3 / ops);
            long reused = countReused(out);
            long unexpected = sc.resumed() ? ops - reused : reused;
            return unexpected <= 0 ? sample
                    : sample.withAnomaly(unexpected + " of " + ops + " handshakes " + (sc.resumed() ? "not resumed" : "resumed"));
        } finally {
            stop(s);
        }
    }

    /** s_time prints one mark per connection: 'r' when it was resumed. */
    private static long countReused(String out) {
        long r = 0;
        for (String line : out.split("\n")) {
            if (!line.isEmpty() && line.chars().allMatch(ch -> ch == 'r' || ch == '*' || ch == '.' || ch == 't' || ch == '3')) {
                r += line.chars().filter(ch -> ch == 'r').count();
            }
        }
        return r;
    }

    /**
     * Download: {@code s_time -www /bulk} fetching a file of {@code bytes} from {@code s_server
     * -WWW} again and again for the round's time (a full handshake per fetch, small beside the
     * transfer), the rate from the bytes s_time read. Upload: one {@code s_client} sending the
     * file as its standard input, {@code s_server} writing what it receives to its standard output,
     * where it is counted; the clock and CPU start at the first byte received.
     */
    private Sample bulk(Scenario sc, Path[] pem, long bytes, long nanos) throws Exception {
        Path file = bulkFile(bytes);
        return sc.upload() ? upload(sc, pem, file, bytes) : download(sc, pem, file, nanos);
    }

    private Sample download(Scenario sc, Path[] pem, Path file, long nanos) throws Exception {
        int port = freePort();
        List<String> server = new ArrayList<>(List.of("openssl", "s_server", "-quiet", "-WWW", "-accept",
                Integer.toString(port), "-cert", pem[0].toString(), "-key", pem[1].toString()));
        server.addAll(pin(sc.suite()));
        Process s = new ProcessBuilder(server).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            waitForPort(port, s);
            long seconds = Math.max(1, Math.round(nanos / 1e9));
            String client = String.join(" ", "openssl s_time -connect 127.0.0.1:" + port, "-www /" + file.getFileName(),
                    "-new", "-time " + seconds, String.join(" ", pin(sc.suite())));
            long serverCpu0 = ProcCpu.of(s.pid());
            long start = System.nanoTime();
            String out = run(List.of("sh", "-c", client + " && cat /proc/$$/stat"));
            long wall = System.nanoTime() - start;
            long serverCpu = ProcCpu.of(s.pid()) - serverCpu0;
            Matcher m = BYTES_READ.matcher(out);
            if (!m.find()) {
                throw new IOException("no result from s_time: " + out);
            }
            long got = Long.parseLong(m.group(1));
            String stat = out.substring(out.lastIndexOf('\n', out.length() - 2) + 1);
            long cpu = serverCpu + ProcCpu.fromStat(stat, true);
            return Sample.of(got / (wall / 1e9) / 1e6, perMib(cpu, got));
        } finally {
            stop(s);
        }
    }

    private Sample upload(Scenario sc, Path[] pem, Path file, long bytes) throws Exception {
        int port = freePort();
        List<String> server = new ArrayList<>(List.of("openssl", "s_server", "-quiet", "-accept", Integer.toString(port),
                "-cert", pem[0].toString(), "-key", pem[1].toString()));
        server.addAll(pin(sc.suite()));
        Process s = new ProcessBuilder(server).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process c = null;
        try {
            waitForPort(port, s);
            List<String> client = new ArrayList<>(List.of("openssl", "s_client", "-quiet", "-connect", "127.0.0.1:" + port));
            client.addAll(pin(sc.suite()));
            // -quiet keeps the connection open at the end of the input: the server must read all of it
            c = new ProcessBuilder(client).redirectInput(file.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread watchdog = watchdog(bytes, s, c);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64 * 1024];
            int first = in.read(buf);
            if (first < 0) {
                throw new IOException("openssl s_server received nothing");
            }
            long start = System.nanoTime();
            long cpu0 = ProcCpu.of(s.pid()) + ProcCpu.of(c.pid());
            long got = first;
            while (got < bytes) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("openssl's output ended after " + got + " of " + bytes + " bytes");
                }
                got += n;
            }
            long wall = System.nanoTime() - start;
            long cpu = ProcCpu.of(s.pid()) + ProcCpu.of(c.pid()) - cpu0;
            watchdog.interrupt();
            long counted = bytes - first;
            return Sample.of(counted / (wall / 1e9) / 1e6, perMib(cpu, counted));
        } finally {
            if (c != null) {
                stop(c);
            }
            stop(s);
        }
    }

    /** Microseconds of CPU per MiB; NaN when the transfer was too short for the 10 ms clock of /proc to see. */
    private static double perMib(long cpuNanos, long bytes) {
        return cpuNanos == 0 ? Double.NaN : cpuNanos / 1e3 / (bytes / (double) (1 << 20));
    }

    /** A file of {@code bytes} zero bytes (sparse: reading it costs no disk). */
    private synchronized Path bulkFile(long bytes) throws IOException {
        Path f = dir.resolve("bulk-" + bytes);
        if (!Files.exists(f)) {
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
                raf.setLength(bytes);
            }
            f.toFile().deleteOnExit();
        }
        return f;
    }

    /** Ends both processes if the transfer has not finished in time (at 1 MB/s), so a stalled pipe cannot hang the run. */
    private static Thread watchdog(long bytes, Process a, Process b) {
        long millis = 30_000 + bytes / 1_000;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
                a.destroyForcibly();
                b.destroyForcibly();
            } catch (InterruptedException e) {
                // the transfer finished
            }
        }, "bench-openssl-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The server's certificate, unencrypted key and root as PEM files, taken from its PKCS#12 file once. */
    private synchronized Path[] pem(CertKind cert) throws IOException, InterruptedException {
        Path[] p = pems.get(cert);
        if (p == null) {
            Path store = pki.serverStore(cert);
            Path crt = dir.resolve("server-" + cert.tag + "-cert.pem");
            Path key = dir.resolve("server-" + cert.tag + "-key.pem");
            String pass = "pass:" + BenchPki.PASSWORD;
            run(List.of("openssl", "pkcs12", "-in", store.toString(), "-passin", pass, "-clcerts", "-nokeys", "-out",
                    crt.toString()));
            run(List.of("openssl", "pkcs12", "-in", store.toString(), "-passin", pass, "-nocerts", "-nodes", "-out",
                    key.toString()));
            Path ca = dir.resolve("server-" + cert.tag + "-root.pem");
            run(List.of("openssl", "pkcs12", "-in", store.toString(), "-passin", pass, "-cacerts", "-nokeys", "-out",
                    ca.toString()));
            crt.toFile().deleteOnExit();
            key.toFile().deleteOnExit();
            ca.toFile().deleteOnExit();
            p = new Path[] {crt, key, ca};
            pems.put(cert, p);
        }
        return p;
    }

    static List<String> pin(Suite suite) {
        return suite.tls13() ? List.of("-tls1_3", "-ciphersuites", suite.opensslCipher())
                : List.of("-tls1_2", "-cipher", suite.opensslCipher());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /**
     * Polls the kernel's socket tables until the server listens on {@code port}. It never
     * connects: s_server would take a probe connection as its client, and in bulk mode send the
     * first data to it. (A bench, not a test: a short sleep between looks is fine.)
     */
    private static void waitForPort(int port, Process server) throws IOException, InterruptedException {
        String hexPort = String.format(":%04X ", port);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
        while (System.nanoTime() < end) {
            if (!server.isAlive()) {
                throw new IOException("openssl s_server ended at start (exit " + server.exitValue() + ")");
            }
            for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
                Path t = Path.of(table);
                if (Files.exists(t)) {
                    for (String line : Files.readAllLines(t)) {
                        String[] f = line.trim().split("\\s+");
                        if (f.length > 3 && (f[1] + " ").endsWith(hexPort) && f[3].equals("0A")) { // 0A: LISTEN
                            return;
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new IOException("s_server did not listen on " + port + " within " + START_MILLIS + " ms");
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }
}
