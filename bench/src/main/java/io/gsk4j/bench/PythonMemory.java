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

    private PythonMemory(Path script, Path config) {
        this.script = script;
        this.config = config;
    }

    /** The harness, or null (with the reason in {@code why}) when python3 with ssl on the same libssl is missing. */
    static PythonMemory find(StringBuilder why) {
        try {
            String py = OpenSslContender.run(List.of("python3", "-c", "import ssl; print(ssl.OPENSSL_VERSION)")).trim();
            String cmd = OpenSslContender.run(List.of("openssl", "version")).trim();
            if (!cmd.startsWith(py)) {
                why.append("openssl in memory: skipped, python3's ssl uses ").append(py).append(", the command is ").append(cmd);
                return null;
            }
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
            return new PythonMemory(script, config);
        } catch (IOException | InterruptedException | RuntimeException e) {
            why.append("openssl in memory: skipped, no python3 with the ssl module (").append(e.getMessage()).append(")");
            return null;
        }
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
        String[] f = out.substring(out.lastIndexOf('\n') + 1).split(" ");
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
