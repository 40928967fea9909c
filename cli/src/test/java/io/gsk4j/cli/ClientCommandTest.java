package io.gsk4j.cli;

import static io.gsk4j.cli.Pki.concat;
import static io.gsk4j.cli.Pki.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.support.RefusedPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code gsk4j client} against the project's own server (in this JVM) and against hand-made peers. */
class ClientCommandTest {
    @TempDir
    static Path dir;
    static Pki pki;

    @BeforeAll
    static void pki() {
        pki = new Pki(dir);
    }

    @Test
    void aGoodHandshakePrintsProtocolCipherAndChain() {
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--max-connections", "1"))) {
            Cli.Run r = Cli.run(concat(new String[] {"client", server.target()}, store(pki.trustStore)));
            assertEquals(0, r.exitCode(), r::all);
            assertTrue(r.out().contains("gsk_secure_soc_init = 0 GSK_OK"), r.out());
            assertTrue(r.out().contains("TLS 1.3   (GSK_PROTOCOL_USED = GSK_PROTOCOL_USED_TLSV13)"), r.out());
            assertTrue(r.out().contains("(GSK_CONNECT_CIPHER_SPEC_EX)"), r.out());
            assertTrue(r.out().contains("subject   CN=localhost"), r.out());
            assertTrue(r.out().contains("issuer    CN=" + Pki.CA_NAME), r.out());
            assertTrue(r.out().contains("SANs      DNS:localhost, IP:127.0.0.1"), r.out());
            assertTrue(r.out().contains("SHA-256"), r.out());
            assertTrue(r.out().contains("result: OK"), r.out());
            assertEquals(0, server.await());
        }
    }

    @Test
    void jsonCarriesTheSameAsOneObject() {
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--max-connections", "1"))) {
            Cli.Run r = Cli.run(concat(new String[] {"client", server.target(), "--json", "--tls13", "off"}, store(pki.trustStore)));
            assertEquals(0, r.exitCode(), r::all);
            Map<String, Object> json = MiniJson.object(r.out());
            assertEquals(Boolean.TRUE, json.get("ok"));
            assertEquals("GSK_OK", MiniJson.get(json, "status", "name"));
            assertEquals(0L, MiniJson.get(json, "status", "number"));
            assertEquals("TLS 1.2", MiniJson.get(json, "negotiated", "protocol"));
            assertEquals("GSK_PROTOCOL_USED_TLSV12", MiniJson.get(json, "negotiated", "protocolUsed", "name"));
            assertEquals("CN=localhost", MiniJson.get(json, "chain", 0, "subject"));
            assertEquals(0L, MiniJson.get(json, "validation", "number"));
        }
    }

    @Test
    void sendPrintsTheReply() {
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--max-connections", "1"))) {
            Cli.Run r = Cli.run(concat(new String[] {"client", server.target(), "--send", "ping\\n"}, store(pki.trustStore)));
            assertEquals(0, r.exitCode(), r::all);
            assertTrue(r.out().contains("sent          5 bytes"), r.out());
            assertTrue(r.out().contains("| ping"), r.out());
            server.await();
            assertTrue(server.out().contains("echoed 5 bytes"), server.out());
        }
    }

    @Test
    void anUntrustedRootIsExplainedWithTheChainKeptWithTheRefusal() {
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--max-connections", "1"))) {
            Cli.Run r = Cli.run(concat(new String[] {"client", server.target()}, store(pki.otherTrustStore)));
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(r.out().contains("gsk_secure_soc_init(session) = 6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT"), r.out());
            assertTrue(r.out().contains("gsk_strerror  The certificate chain does not end"), r.out());
            assertTrue(r.out().contains("as the server sent it (kept with the refusal)"), r.out());
            assertFalse(r.out().contains("second connection"), "the failure carries the chain: " + r.out());
            String why = oneLine(r.out());
            assertTrue(why.contains("ends at \"CN=" + Pki.CA_NAME + "\", a CA that the store " + pki.otherTrustStore + " does not trust"), why);
            assertTrue(why.contains("gsk4j store import --store " + pki.otherTrustStore + " --trusted"), why);
            assertTrue(r.out().contains("result: FAILED, 6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT"), r.out());
            server.await();
        }
    }

    @Test
    void anExpiredCertificateIsExplainedWithItsDate() {
        try (Cli.Server server = Cli.Server.start(concat(store(pki.expiredStore), "--max-connections", "1"))) {
            Cli.Run r = Cli.run(concat(new String[] {"client", server.target(), "--json"}, store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            Map<String, Object> json = MiniJson.object(r.out());
            assertEquals("GSK_KEYFILE_CERT_EXPIRED", MiniJson.get(json, "status", "name"));
            assertEquals(107L, MiniJson.get(json, "status", "number"));
            String what = (String) MiniJson.get(json, "explanation", "what");
            String day = Explanations.day(pki.expired.leaf().getNotAfter().toInstant());
            assertTrue(what.contains("The server's certificate \"CN=localhost\" expired on " + day), what);
            assertTrue(((String) MiniJson.get(json, "explanation", "fix")).startsWith("Renew it"), r.out());
            assertEquals("CN=localhost", MiniJson.get(json, "chain", 0, "subject"));
        }
    }

    @Test
    void aValidationRuleIsNamedWithItsNumber() {
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--max-connections", "2"))) {
            Cli.Run r = Cli.run(concat(new String[] {"client", server.target(), "--expected-hostname", "other.example"},
                    store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(r.out().contains("= 8 GSK_ERROR_CERT_VALIDATION"), r.out());
            assertTrue(r.out().contains("rule          576026 HOSTNAME_MISMATCH   (GSK_LAST_VALIDATION_ERROR)"), r.out());
            String text = oneLine(r.out());
            assertTrue(text.contains("does not carry the host name \"other.example\" (--expected-hostname); it names"
                    + " DNS:localhost, IP:127.0.0.1."), text);
        }
    }

    @Test
    void switchingOnTls10WhereTheJdkForbidsItWarnsAndStillConnects() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                io.gsk4j.TlsProtocol.enabledInThisRuntime().contains(io.gsk4j.TlsProtocol.TLSV10), "this JDK allows TLS 1.0");
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--max-connections", "1"))) {
            Cli.Run r = Cli.run(concat(new String[] {"client", server.target(), "--tls10", "on"}, store(pki.trustStore)));
            assertEquals(0, r.exitCode(), r::all);
            assertTrue(r.err().contains("warning: --tls10 on: this Java runtime disables TLSv1 "), r.err());
            assertTrue(r.out().contains("result: OK"), r.out());
            assertEquals(0, server.await());
        }
    }

    @Test
    void noCommonCipherNamesWhatEachSideAllows() {
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--tls12", "off",
                "--tls13-ciphers", "TLS_AES_256_GCM_SHA384"))) {
            Cli.Run r = Cli.run(concat(new String[] {"client", server.target(), "--tls12", "off",
                "--tls13-ciphers", "TLS_AES_128_GCM_SHA256"}, store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(r.out().contains("= 402 GSK_ERROR_NO_CIPHERS"), r.out());
            String text = oneLine(r.out());
            assertTrue(text.contains("you offered TLS 1.3: TLS_AES_128_GCM_SHA256"), text);
            assertTrue(text.contains("the server accepts TLS 1.3: TLS_AES_256_GCM_SHA384"), text);
            assertTrue(text.contains("--tls13-ciphers TLS_AES_256_GCM_SHA384 (GSK_TLSV13_CIPHER_SPECS_EX)"), text);
            assertTrue(text.contains("probed the server with"), text);
        }
    }

    @Test
    void aPlaintextPeerIsExplainedWithWhatItSaid() throws Exception {
        try (PlainPeer peer = PlainPeer.answering("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + peer.port()}, store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(r.out().contains("= 410 GSK_ERROR_BAD_MESSAGE"), r.out());
            String text = oneLine(r.out());
            assertTrue(text.contains("this port speaks plain text"), text);
            assertTrue(text.contains("\"HTTP/1.1 400 Bad Request\""), text);
        }
    }

    @Test
    void aSilentPeerTimesOut() throws Exception {
        try (PlainPeer peer = PlainPeer.silent()) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + peer.port(), "--handshake-timeout", "1"},
                    store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(r.out().contains("= 6011 GSK_IBMI_ERROR_TIMED_OUT"), r.out());
            assertTrue(oneLine(r.out()).contains("did not answer the ClientHello within 1 s"), r.out());
            assertTrue(r.err().contains("gsk4j: waiting for the server's handshake"), "progress line: " + r.err());
        }
    }

    @Test
    void aRefusedConnectionHasAnErrnoButNoStatus() throws Exception {
        try (RefusedPort closed = RefusedPort.open()) {
            int port = closed.port();
            Cli.Run r = Cli.run(concat(new String[] {"client", "127.0.0.1:" + port, "--json"}, store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            Map<String, Object> json = MiniJson.object(r.out());
            assertEquals("connect", json.get("stage"));
            assertNull(MiniJson.get(json, "status", "name"));
            assertEquals("ECONNREFUSED", MiniJson.get(json, "status", "errno", "name"));
            assertEquals(3425L, MiniJson.get(json, "status", "errno", "number"));
            assertTrue(((String) MiniJson.get(json, "explanation", "what")).contains("connection was refused"), r.out());

            Cli.Run text = Cli.run(concat(new String[] {"client", "127.0.0.1:" + port}, store(pki.trustStore)));
            assertTrue(text.out().contains("result: FAILED, no TCP connection (no GSKit call was made)"), text.out());
        }
    }

    @Test
    void storeProblemsAreExplainedBeforeAnyConnection() {
        Cli.Run missing = Cli.run("client", "localhost:1", "--keyring", dir.resolve("nope.p12").toString(), "--password", "x");
        assertEquals(1, missing.exitCode(), missing::all);
        assertTrue(missing.out().contains("environment   gsk_environment_init(env) = 202 GSK_KEYRING_OPEN_ERROR"), missing.out());
        assertTrue(oneLine(missing.out()).contains("The store " + dir.resolve("nope.p12") + " does not exist."), missing.out());

        Cli.Run wrong = Cli.run("client", "localhost:1", "--keyring", pki.trustStore.toString(), "--password", "wrong");
        assertEquals(1, wrong.exitCode(), wrong::all);
        assertTrue(wrong.out().contains("= 408 GSK_ERROR_BAD_KEYFILE_PASSWORD"), wrong.out());

        Cli.Run badList = Cli.run(concat(new String[] {"client", "localhost:1", "--tls13-ciphers", "TLS_NOPE"}, store(pki.trustStore)));
        assertTrue(badList.out().contains("= 422 GSK_ERROR_BAD_V3_CIPHER"), badList.out());
        assertTrue(oneLine(badList.out()).contains("TLS_AES_128_GCM_SHA256"), "lists the valid names: " + badList.out());
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES) // sets gsk4j.home; no other command test depends on it
    void withoutAKeyringGskitUsesTheSystemStore() {
        String before = System.getProperty("gsk4j.home");
        System.setProperty("gsk4j.home", dir.resolve("empty-home").toString());
        try {
            Cli.Run r = Cli.run("client", "localhost:1", "--keyring", "*SYSTEM");
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(r.out().contains("= 202 GSK_KEYRING_OPEN_ERROR"), r.out());
            String text = oneLine(r.out());
            assertTrue(text.contains("GSKit's *SYSTEM store was asked for, which gsk4j reads from "
                    + dir.resolve("empty-home").resolve("system.p12")), text);
            assertFalse(text.contains("store create"), "never advise an empty store: " + text);
        } finally {
            if (before == null) {
                System.clearProperty("gsk4j.home");
            } else {
                System.setProperty("gsk4j.home", before);
            }
        }
    }

    @Test
    void usageErrorsExitTwoInOneLine() {
        for (String[] args : new String[][] {
            {"client"},
            {"client", "localhost"},
            {"client", "localhost:99999"},
            {"client", "::1:443"},
            {"client", "localhost:443", "--server-auth", "sometimes"},
            {"client", "localhost:443", "--tls13", "maybe"},
            {"client", "localhost:443", "--handshake-timeout", "-1"},
            {"client", "localhost:443", "--no-such-option"},
        }) {
            Cli.Run r = Cli.run(args);
            assertEquals(2, r.exitCode(), () -> String.join(" ", args) + ": " + r.all());
            r.assertOneLineError();
            assertEquals("", r.out());
        }
        Cli.Run r = Cli.run("client", "localhost:443", "--server-auth", "sometimes");
        assertTrue(r.err().contains("'sometimes' is not one of: full, passthru"), r.err());
    }

    @Test
    void helpNamesTheAttributesAndTheExitCodes() {
        Cli.Run r = Cli.run("client", "--help");
        assertEquals(0, r.exitCode());
        for (String attribute : new String[] {"GSK_KEYRING_FILE", "GSK_KEYRING_LABEL", "GSK_KEYRING_PW", "GSK_KEYRING_STASH_FILE",
            "GSK_SESSION_TYPE", "GSK_PROTOCOL_TLSV13", "GSK_PROTOCOL_TLSV12", "GSK_TLSV13_CIPHER_SPECS_EX",
            "GSK_TLSV12_CIPHER_SPECS_EX", "GSK_SSL_EXTN_SERVERNAME_REQUEST", "GSK_SERVER_AUTH_TYPE", "GSK_HANDSHAKE_TIMEOUT",
            "GSK_IBMI_READ_TIMEOUT", "GSK_OCSP_ENABLE", "GSK_OCSP_URL"}) {
            assertTrue(r.out().contains(attribute), attribute + " in " + r.out());
        }
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("usage error"), r.out());
    }

    /** The report's text with its wrapping undone, so sentences can be matched whole. */
    static String oneLine(String text) {
        return text.replaceAll("\n {2,}", " ").replaceAll(" +", " ");
    }

    /** A TCP peer that is not TLS: it answers every connection with fixed text, or says nothing. */
    static final class PlainPeer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;
        /** The silent peer's connections, held so that no garbage collection closes (resets) one. */
        private final List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();

        private PlainPeer(String answer) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> serve(answer), "plain-peer");
            thread.setDaemon(true);
            thread.start();
        }

        static PlainPeer answering(String answer) throws IOException {
            return new PlainPeer(answer);
        }

        static PlainPeer silent() throws IOException {
            return new PlainPeer(null);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(String answer) {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    if (answer == null) {
                        held.add(s); // keep it open and say nothing, until close()
                        continue;
                    }
                    try (s) {
                        s.setSoTimeout(2000);
                        InputStream in = s.getInputStream();
                        in.read(new byte[4096]);
                        OutputStream out = s.getOutputStream();
                        out.write(answer.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (IOException e) {
                    // closed, or a client that went away: next one
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
