package io.gsk4j.cli;

import static io.gsk4j.cli.Pki.concat;
import static io.gsk4j.cli.Pki.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command against OpenSSL: {@code gsk4j client} against {@code openssl s_server},
 * {@code gsk4j server} against {@code openssl s_client}. Skipped, saying so, where the
 * openssl binary is absent (CI installs it).
 */
class OpenSslInteropTest {
    @TempDir
    static Path dir;
    static Pki pki;

    @BeforeAll
    static void setUp() {
        assumeTrue(openSslAvailable(), "openssl is not installed: skipping the OpenSSL interop tests of the gsk4j command");
        pki = new Pki(dir);
    }

    @Test
    void clientAgainstOpenSslServer() throws Exception {
        try (OpenSsl server = OpenSsl.server(pki.serverPem)) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + server.port}, store(pki.trustStore)));
            assertEquals(0, r.exitCode(), r::all);
            assertTrue(r.out().contains("gsk_secure_soc_init = 0 GSK_OK"), r.out());
            assertTrue(r.out().contains("subject   CN=localhost"), r.out());

            Cli.Run tls12 = Cli.run(concat(new String[] {"client", "localhost:" + server.port, "--tls13", "off", "--json"},
                    store(pki.trustStore)));
            assertEquals(0, tls12.exitCode(), tls12::all);
            assertEquals("TLS 1.2", MiniJson.get(MiniJson.object(tls12.out()), "negotiated", "protocol"));
        }
    }

    @Test
    void clientExplainsAnUntrustedRootAtAnOpenSslServer() throws Exception {
        try (OpenSsl server = OpenSsl.server(pki.serverPem)) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + server.port}, store(pki.otherTrustStore)));
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(r.out().contains("= 6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT"), r.out());
            assertTrue(r.out().contains("kept with the refusal"), r.out()); // no second connection to learn it
            // openssl sends the leaf alone: the issuer may be a missing intermediate or a private root
            String text = ClientCommandTest.oneLine(r.out());
            assertTrue(text.contains("without the certificate of its issuer \"CN=" + Pki.CA_NAME + "\""), text);
            assertTrue(text.contains("the fix belongs on the server"), text);
            assertTrue(text.contains("gsk4j store import --store " + pki.otherTrustStore + " --trusted"), text);

            Cli.Run json = Cli.run(concat(new String[] {"client", "localhost:" + server.port, "--json"}, store(pki.otherTrustStore)));
            var object = MiniJson.object(json.out());
            assertEquals("GSK_IBMI_ERROR_NOT_TRUSTED_ROOT", MiniJson.get(object, "status", "name"));
            assertEquals(6000L, MiniJson.get(object, "status", "number"));
            assertEquals(6000L, MiniJson.get(object, "validation", "number"));
            assertEquals("CN=localhost", MiniJson.get(object, "chain", 0, "subject"));
        }
    }

    @Test
    void aClientCertificateRefusedAfterATls13HandshakeFailsTheRunAndBlamesTheServersTrust() throws Exception {
        // the server trusts only the other CA, so it refuses the client certificate the test CA issued; with
        // TLS 1.3 it says so after the client's handshake is complete, on the first read
        try (OpenSsl server = OpenSsl.server(pki.serverPem, "-Verify", "1", "-verify_return_error",
                "-CAfile", pki.otherCaPem.toString(), "-no_tls1_2")) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + server.port, "--label", "client", "--json"},
                    store(pki.clientStore)));
            assertEquals(1, r.exitCode(), r::all);
            var json = MiniJson.object(r.out());
            assertEquals(Boolean.FALSE, json.get("ok"), r.out());
            assertEquals("data", json.get("stage"));
            assertEquals("peer", json.get("refusedBy"));
            String alert = (String) MiniJson.get(json, "alert", "received", "name");
            assertTrue(alert.equals("unknown_ca") || alert.equals("bad_certificate"), alert);
            assertEquals("gsk_secure_soc_read(session, buf, 16384, &amt)", MiniJson.get(json, "status", "call"));
            String what = (String) MiniJson.get(json, "explanation", "what");
            // the server refused our certificate: never "the server's chain is untrusted"
            assertTrue(what.startsWith("The server does not trust this client's certificate")
                    || what.startsWith("The server refused this client's certificate"), what);
            assertTrue(what.contains("alert " + alert), what);
            assertTrue(what.contains("first read"), what);
            // what the server said it accepts, as openssl s_client shows it
            assertEquals(List.of("CN=gsk4j Other CA"), MiniJson.get(json, "certificateRequest", "authorities"));
            assertTrue(what.contains("The server accepts certificates from CN=gsk4j Other CA."), what);
        }
    }

    @Test
    void aServerThatOmitsItsIntermediateIsToldToSendIt() throws Exception {
        io.gsk4j.testpki.TestPki.Ca intermediate = pki.ca.intermediate("gsk4j Test Issuing CA", io.gsk4j.testpki.TestPki.KeyType.EC_P256);
        io.gsk4j.testpki.TestPki.Credential full = intermediate.issueServer("localhost", io.gsk4j.testpki.TestPki.KeyType.EC_P256,
                "localhost");
        io.gsk4j.testpki.TestPki.Credential leafOnly = new io.gsk4j.testpki.TestPki.Credential(full.key(),
                new java.security.cert.X509Certificate[] {full.leaf()});
        Path pem = io.gsk4j.testpki.TestPki.pem().key("server", leafOnly).write(dir.resolve("leaf-only.pem"), null);
        try (OpenSsl server = OpenSsl.server(pem)) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + server.port}, store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(r.out().contains("= 6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT"), r.out());
            String text = ClientCommandTest.oneLine(r.out());
            assertTrue(text.contains("without the certificate of its issuer \"CN=gsk4j Test Issuing CA\""), text);
            assertTrue(text.contains("the fix belongs on the server"), text);
            assertTrue(!text.contains("Import the certificate of \"CN=gsk4j Test Issuing CA\""), "never trust an intermediate: " + text);
        }
    }

    @Test
    void clientExplainsAnExpiredCertificateAtAnOpenSslServer() throws Exception {
        try (OpenSsl server = OpenSsl.server(pki.expiredPem)) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + server.port}, store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(r.out().contains("= 107 GSK_KEYFILE_CERT_EXPIRED"), r.out());
            assertTrue(ClientCommandTest.oneLine(r.out()).contains("The server's certificate \"CN=localhost\" expired on "
                    + Explanations.day(pki.expired.leaf().getNotAfter().toInstant())), r.out());
        }
    }

    @Test
    void clientNamesTheSuiteAnOpenSslServerAccepts() throws Exception {
        try (OpenSsl server = OpenSsl.server(pki.serverPem, "-no_tls1_2", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256")) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + server.port, "--tls13-ciphers",
                "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384"}, store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(r.out().contains("= 402 GSK_ERROR_NO_CIPHERS"), r.out());
            String text = ClientCommandTest.oneLine(r.out());
            assertTrue(text.contains("the server accepts TLS 1.3: TLS_CHACHA20_POLY1305_SHA256."), text);
            assertTrue(text.contains("--tls13-ciphers TLS_CHACHA20_POLY1305_SHA256"), text);
        }
    }

    @Test
    void serverEchoesToOpenSslClient() throws Exception {
        Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--max-connections", "1", "--read-timeout", "1500"));
        String echoed = OpenSsl.client(server.port, "hello from openssl\n", "-CAfile", pki.caPem.toString(),
                "-verify_return_error", "-ign_eof");
        assertTrue(echoed.contains("hello from openssl"), echoed);
        assertEquals(0, server.await(), server.out());
        assertTrue(server.out().contains("gsk_secure_soc_init = 0 GSK_OK"), server.out());
        assertTrue(server.out().contains("echoed 19 bytes"), server.out());
    }

    @Test
    void serverShowsTheCertificateOfAnOpenSslClient() throws Exception {
        Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--max-connections", "1", "--client-auth",
                "required", "--read-timeout", "1000"));
        OpenSsl.client(server.port, "x\n", "-CAfile", pki.caPem.toString(), "-cert", pki.clientPem.toString(),
                "-key", pki.clientPem.toString(), "-ign_eof");
        assertEquals(0, server.await(), server.out());
        assertTrue(server.out().contains("subject   CN=gsk4j test client"), server.out());
        assertTrue(server.out().contains("as the client sent it"), server.out());
    }

    @Test
    void serverExplainsAnOpenSslClientThatDoesNotTrustIt() throws Exception {
        Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--max-connections", "1"));
        OpenSsl.client(server.port, "", "-CAfile", pki.otherCaPem.toString(), "-verify_return_error", "-tls1_2");
        assertEquals(1, server.await(), server.out());
        assertTrue(server.out().contains("= 6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT"), server.out());
        String text = ClientCommandTest.oneLine(server.out());
        assertTrue(text.contains("The client does not trust this server's certificate: it sent the alert unknown_ca"), text);
        assertTrue(text.contains("gsk4j store export --store " + pki.serverStore), text);
    }

    // ---- openssl processes ----

    static boolean openSslAvailable() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * An {@code openssl s_server} answering HTTP requests (-www) on a loopback port it chose
     * itself (-accept port 0), read back from the "ACCEPT host:port" line it prints once it
     * listens.
     */
    static final class OpenSsl implements AutoCloseable {
        final int port;
        private final Process process;

        private OpenSsl(int port, Process process) {
            this.port = port;
            this.process = process;
        }

        static OpenSsl server(Path keyAndChainPem, String... extra) throws Exception {
            return serverIn(dir, keyAndChainPem, extra);
        }

        /** The same, its output file in {@code workDir} (for test classes with their own directory). */
        static OpenSsl serverIn(Path workDir, Path keyAndChainPem, String... extra) throws Exception {
            List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0",
                    "-cert", keyAndChainPem.toString(), "-key", keyAndChainPem.toString(), "-www"));
            cmd.addAll(List.of(extra));
            Path out = Files.createTempFile(workDir, "s_server", ".out");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                return new OpenSsl(awaitAcceptLine(p, out), p);
            } catch (RuntimeException | Error e) {
                p.destroyForcibly();
                throw e;
            }
        }

        /** Runs {@code openssl s_client}, feeds it {@code input}, returns what it printed. */
        static String client(int port, String input, String... extra) throws Exception {
            List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-quiet"));
            cmd.addAll(List.of(extra));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().write(input.getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        /** Polls (bounded) the server's output for "ACCEPT 127.0.0.1:port", printed once it listens. */
        private static int awaitAcceptLine(Process process, Path out) throws IOException, InterruptedException {
            Pattern accept = Pattern.compile("^ACCEPT \\S+:(\\d+)$", Pattern.MULTILINE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                Matcher m = accept.matcher(Files.readString(out, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("openssl s_server ended at once, exit " + process.exitValue()
                            + ": " + Files.readString(out, StandardCharsets.ISO_8859_1));
                }
                Thread.sleep(20); // polling its output, bounded
            }
            throw new IllegalStateException("openssl s_server printed no ACCEPT line: " + Files.readString(out, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
