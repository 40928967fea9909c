package io.gsk4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSL's in-memory handshake figure: client and server in one thread of one process, through
 * Python's ssl module (memory BIOs) on the same libssl as the openssl command. Python's own
 * work per handshake is counted too, so the figure is a little below what C would reach.
 * TLS 1.3's suite is pinned through an OpenSSL configuration file, since Python cannot set it.
 */
final class PythonMemory {
    private final Path script;
    private final Path config;
    private final String opensslVersion;

    private PythonMemory(Path script, Path config, String opensslVersion) {
        this.script = script;
        this.config = config;
        this.opensslVersion = opensslVersion;
    }

    /**
     * The harness, or null (with the reason in {@code why}) when there is no python3. Whether
     * its ssl module uses the same OpenSSL as the command is checked on each run (the script
     * prints its version), which saves starting Python once more here.
     */
    static PythonMemory find(String opensslVersion, StringBuilder why) {
        try {
            Path dir = Files.createTempDirectory("gsk4j-bench-python");
            dir.toFile().deleteOnExit();
            Path script = dir.resolve("openssl_memory.py");
            try (InputStream in = PythonMemory.class.getResourceAsStream("openssl_memory.py")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            Path config = Files.writeString(dir.resolve("openssl.cnf"), String.join("\n",
                    "openssl_conf = bench_conf", "[bench_conf]", "ssl_conf = bench_ssl", "[bench_ssl]",
                    "system_default = bench_defaults", "[bench_defaults]", "Ciphersuites = TLS_AES_128_GCM_SHA256", ""));
            script.toFile().deleteOnExit();
            config.toFile().deleteOnExit();
            if (!onPath("python3")) {
                why.append("openssl in memory: skipped, no python3 on PATH");
                return null;
            }
            return new PythonMemory(script, config, opensslVersion);
        } catch (IOException | RuntimeException e) {
            why.append("openssl in memory: skipped (").append(e.getMessage()).append(")");
            return null;
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** @param pem the server's certificate, key and root (PEM) */
    Sample run(Scenario sc, Path[] pem, long nanos) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), pem[0].toString(), pem[1].toString(),
                pem[2].toString(), sc.suite().tls13() ? "1.3" : "1.2", Boolean.toString(sc.resumed()),
                Double.toString(nanos / 1e9)));
        if (!sc.suite().tls13()) {
            cmd.add(sc.suite().opensslCipher());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OPENSSL_CONF", config.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("the python harness failed: " + out);
        }
        String[] lines = out.split("\n");
        if (lines.length < 2) {
            throw new IOException("the python harness printed no result: " + out);
        }
        String version = lines[lines.length - 1].trim();
        if (!opensslVersion.startsWith(version)) {
            throw new IOException("python3's ssl uses " + version + ", the openssl command is " + opensslVersion);
        }
        String[] f = lines[lines.length - 2].trim().split(" ");
        long ops = Long.parseLong(f[0]);
        double cpu = Double.parseDouble(f[1]);
        long unexpected = Long.parseLong(f[3]);
        Sample s = Sample.of(ops / cpu, cpu * 1e6 / ops);
        if (!f[4].equals(sc.suite().tls13() ? sc.suite().cipher() : sc.suite().opensslCipher())) {
            s = s.withAnomaly("negotiated " + f[4]);
        }
        return unexpected == 0 ? s
                : s.withAnomaly(unexpected + " of " + ops + " handshakes " + (sc.resumed() ? "not resumed" : "resumed"));
    }
}
