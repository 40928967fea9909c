package io.gsk4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A native reference point: openssl s_server against openssl s_time -new (one connection at a
 * time, every handshake full) with the same server key and certificate, extracted from the
 * bench's PKCS#12 file. Separate processes, so not the same measurement as the in-JVM pairs.
 */
final class OpenSslReference {
    private static final Pattern REAL = Pattern.compile("(\\d+) connections in (\\d+) real seconds");

    private OpenSslReference() {
    }

    /** Handshakes per second, or a negative value after printing why there is none. */
    static double handshakes(BenchPki pki, Suite suite, int seconds) {
        try {
            Path dir = pki.serverStore.getParent();
            Path cert = dir.resolve("server-cert.pem");
            Path key = dir.resolve("server-key.pem");
            String pass = "pass:" + BenchPki.PASSWORD;
            run(List.of("openssl", "pkcs12", "-in", pki.serverStore.toString(), "-passin", pass, "-clcerts", "-nokeys",
                    "-out", cert.toString()));
            run(List.of("openssl", "pkcs12", "-in", pki.serverStore.toString(), "-passin", pass, "-nocerts", "-nodes",
                    "-out", key.toString()));
            cert.toFile().deleteOnExit();
            key.toFile().deleteOnExit();
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            List<String> server = new ArrayList<>(List.of("openssl", "s_server", "-quiet", "-no_cache", "-no_ticket",
                    "-accept", Integer.toString(port), "-cert", cert.toString(), "-key", key.toString()));
            List<String> client = new ArrayList<>(List.of("openssl", "s_time", "-new", "-time", Integer.toString(seconds),
                    "-connect", "127.0.0.1:" + port));
            List<String> pin = suite.tls13() ? List.of("-tls1_3", "-ciphersuites", suite.opensslCipher())
                    : List.of("-tls1_2", "-cipher", suite.opensslCipher());
            server.addAll(pin);
            client.addAll(pin);
            Process s = new ProcessBuilder(server).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                waitForPort(port);
                String out = run(client);
                Matcher m = REAL.matcher(out);
                if (!m.find()) {
                    System.out.println("  OpenSSL: no result from s_time:\n" + out);
                    return -1;
                }
                return Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2));
            } finally {
                s.destroy();
                s.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.out.println("  OpenSSL: skipped (" + e + ")");
            return -1;
        }
    }

    private static void waitForPort(int port) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("s_server did not listen on " + port + " within 5 s");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.append(line).append('\n');
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 2)) + " failed: " + out);
        }
        return out.toString();
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
