package io.gsk4j.cli;

import static io.gsk4j.cli.Pki.concat;
import static io.gsk4j.cli.Pki.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gsk4j.cli.OpenSslInteropTest.OpenSsl;
import io.gsk4j.internal.certs.StoreLocations;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * What {@code gsk4j client} checks and trusts by itself, against {@code openssl s_server}: the
 * host name by default, and a store of CA certificates when none is named.
 */
class ClientChecksTest {
    @TempDir
    static Path dir;
    static Pki pki;
    /** Key and chain for a server that calls itself www.example.test only. */
    static Path elsewherePem;

    @BeforeAll
    static void setUp() {
        assumeTrue(OpenSslInteropTest.openSslAvailable(), "openssl is not installed: skipping");
        pki = new Pki(dir);
        TestPki.Credential elsewhere = pki.ca.issueServer("www.example.test", KeyType.EC_P256, "www.example.test");
        elsewherePem = TestPki.pem().key("server", elsewhere).write(dir.resolve("elsewhere.pem"), null);
    }

    @Test
    void theHostNameIsCheckedByDefaultAndTheCertificatesNamesAreShown() throws Exception {
        try (OpenSsl server = OpenSsl.serverIn(dir, elsewherePem)) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "127.0.0.1:" + server.port}, store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(r.out().contains("= 8 GSK_ERROR_CERT_VALIDATION"), r.out());
            assertTrue(r.out().contains("rule          576026 HOSTNAME_MISMATCH"), r.out());
            String text = ClientCommandTest.oneLine(r.out());
            assertTrue(text.contains("The server's certificate \"CN=www.example.test\" does not carry the host name"
                    + " \"127.0.0.1\" (the host connected to); it names DNS:www.example.test."), text);
            assertTrue(text.contains("--no-hostname-check skips the check"), text);

            Cli.Run json = Cli.run(concat(new String[] {"client", "127.0.0.1:" + server.port, "--json"}, store(pki.trustStore)));
            Map<String, Object> o = MiniJson.object(json.out());
            assertEquals(Boolean.FALSE, o.get("ok"));
            assertEquals(8L, MiniJson.get(o, "status", "number"));
            assertEquals(576026L, MiniJson.get(o, "validation", "rule", "number"));
            assertEquals("us", o.get("refusedBy"));

            Cli.Run off = Cli.run(concat(new String[] {"client", "127.0.0.1:" + server.port, "--no-hostname-check"},
                    store(pki.trustStore)));
            assertEquals(0, off.exitCode(), off::all);
            assertTrue(off.out().contains("result: OK"), off.out());

            // the name asked for by SNI is the one checked
            Cli.Run sni = Cli.run(concat(new String[] {"client", "127.0.0.1:" + server.port, "--sni", "www.example.test"},
                    store(pki.trustStore)));
            assertEquals(0, sni.exitCode(), sni::all);
        }
    }

    @Test
    void aPastedUrlConnectsAndTheJsonCarriesItsVersionAndThePems() throws Exception {
        try (OpenSsl server = OpenSsl.serverIn(dir, pki.serverPem)) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "https://localhost:" + server.port + "/index.html?x=1", "--json"},
                    store(pki.trustStore)));
            assertEquals(0, r.exitCode(), r::all);
            Map<String, Object> o = MiniJson.object(r.out());
            assertEquals(1L, o.get("schemaVersion"));
            assertEquals("localhost:" + server.port, o.get("peer"));
            String pem = (String) MiniJson.get(o, "chain", 0, "pem");
            java.security.cert.X509Certificate leaf = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                    .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(
                            java.nio.charset.StandardCharsets.US_ASCII)));
            assertEquals(pki.server.leaf(), leaf);
            assertEquals("option", MiniJson.get(o, "trustStore", "source"));
        }
    }

    @Test
    void theCommandsOwnConnectionsSetTcpNoDelay() throws Exception {
        try (java.nio.channels.ServerSocketChannel listener = java.nio.channels.ServerSocketChannel.open()
                .bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
             java.nio.channels.SocketChannel client = Connector.connect(new HostPort("127.0.0.1",
                     ((java.net.InetSocketAddress) listener.getLocalAddress()).getPort()), 5);
             java.nio.channels.SocketChannel accepted = Connector.noDelay(listener.accept())) {
            assertTrue(client.getOption(java.net.StandardSocketOptions.TCP_NODELAY));
            assertTrue(accepted.getOption(java.net.StandardSocketOptions.TCP_NODELAY));
        }
    }

    @Test
    void theChainIsSavedAsPemAndACaIsTrustedOnFirstUseByItsFingerprint() throws Exception {
        // -cert_chain: s_server sends the CA certificate after its own
        try (OpenSsl server = OpenSsl.serverIn(dir, pki.serverPem, "-cert_chain", pki.caPem.toString())) {
            // refused (the other CA), and still saved: the file is what the user needs to judge it
            Path saved = dir.resolve("saved-chain.pem");
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + server.port, "--save-chain", saved.toString()},
                    store(pki.otherTrustStore)));
            assertEquals(1, r.exitCode(), r::all);
            assertTrue(ClientCommandTest.oneLine(r.out()).contains("--save-chain: wrote 2 certificates (PEM, leaf first) to "
                    + saved), r.out());
            java.util.List<? extends java.security.cert.Certificate> certs = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificates(Files.newInputStream(saved)).stream().toList();
            assertEquals(java.util.List.of(pki.server.leaf(), pki.ca.certificate()), certs);

            String caFingerprint = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(pki.ca.certificate().getEncoded())); // lower case, no colons: as people paste it
            Path pinned = dir.resolve("pinned.p12");
            Cli.Run wrong = Cli.run("store", "import", "--store", pinned.toString(), "--password", Pki.PASSWORD,
                    "--from-server", "localhost:" + server.port, "--fingerprint", caFingerprint.replace('a', 'b').replace('0', '1'));
            assertEquals(1, wrong.exitCode(), wrong::all);
            assertTrue(wrong.err().contains("nothing imported"), wrong.err());
            assertFalse(Files.exists(pinned), "a fingerprint that matches nothing changes nothing");

            Cli.Run pin = Cli.run("store", "import", "--store", pinned.toString(), "--password", Pki.PASSWORD,
                    "--from-server", "localhost:" + server.port, "--fingerprint", "sha256:" + caFingerprint);
            assertEquals(0, pin.exitCode(), pin::all);
            assertTrue(pin.out().contains("[1] CN=" + Pki.CA_NAME + " has the SHA-256 fingerprint given"), pin.out());
            assertTrue(pin.out().contains("trusted \"gsk4j-test-ca\"") || pin.out().contains("trusted \""), pin.out());

            Cli.Run trusted = Cli.run(concat(new String[] {"client", "localhost:" + server.port}, store(pinned)));
            assertEquals(0, trusted.exitCode(), trusted::all);
        }
    }

    @Test
    void fromServerNeedsAFingerprint() {
        Cli.Run r = Cli.run("store", "import", "--store", dir.resolve("x.p12").toString(), "--password", "x",
                "--from-server", "localhost:1");
        assertEquals(2, r.exitCode(), r::all);
        assertTrue(r.err().contains("--from-server needs --fingerprint"), r.err());
    }

    @Test
    void aServerThatSpeaksOnlyTls10IsNamedWithWhatEnablingItTakes() throws Exception {
        assumeTrue(!io.gsk4j.TlsProtocol.enabledInThisRuntime().contains(io.gsk4j.TlsProtocol.TLSV10), "this JDK allows TLS 1.0");
        try (OpenSsl server = OpenSsl.serverIn(dir, pki.serverPem, "-tls1", "-cipher", "DEFAULT@SECLEVEL=0")) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + server.port, "--json"}, store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            Map<String, Object> o = MiniJson.object(r.out());
            assertEquals(412L, MiniJson.get(o, "status", "number"));
            String what = (String) MiniJson.get(o, "explanation", "what");
            assertTrue(what.startsWith("The server at localhost:" + server.port + " speaks only TLS 1.0: it answered a"
                    + " hand-made ClientHello with a TLS 1.0 ServerHello, and this Java runtime disables TLSv1"), what);
            String fix = (String) MiniJson.get(o, "explanation", "fix");
            assertTrue(fix.contains("jdk.tls.disabledAlgorithms") && fix.contains("-Djava.security.properties=FILE"), fix);
            assertTrue(fix.contains("--tls10 on (GSK_PROTOCOL_TLSV10 set to GSK_TRUE)"), fix);
        }
    }

    @Test
    void theHostNameAndNoCheckContradict() {
        Cli.Run r = Cli.run("client", "localhost:443", "--expected-hostname", "a.example", "--no-hostname-check");
        assertEquals(2, r.exitCode(), r::all);
        r.assertOneLineError();
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES) // sets gsk4j.home
    void withoutAStoreTheJdksCaCertificatesAreTrustedAndNamed() throws Exception {
        Path home = Files.createDirectories(dir.resolve("empty-home"));
        String before = System.getProperty("gsk4j.home");
        System.setProperty("gsk4j.home", home.toString());
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        assumeTrue(Files.isReadable(cacerts), "this JDK has no cacerts");
        try (OpenSsl server = OpenSsl.serverIn(dir, pki.serverPem)) {
            Cli.Run r = Cli.run("client", "localhost:" + server.port);
            assertEquals(1, r.exitCode(), r::all);
            // a private CA: not among the JDK's, and the advice is a store of one's own, never an empty one
            assertTrue(r.out().contains("= 6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT"), r.out());
            String text = ClientCommandTest.oneLine(r.out());
            assertTrue(text.contains("trust store " + cacerts + ", the JDK's CA store: no --keyring given, and no"
                    + " *SYSTEM store in " + home), text);
            assertTrue(text.contains("gsk4j store import --store trust.p12 --trusted"), text);
            assertTrue(text.contains("pass --keyring trust.p12"), text);
            assertFalse(text.contains("store create"), text);
            assertFalse(text.contains("--store " + cacerts), "never edit the JDK's cacerts: " + text);

            Cli.Run json = Cli.run("client", "localhost:" + server.port, "--json");
            Map<String, Object> o = MiniJson.object(json.out());
            assertEquals("jdk-cacerts", MiniJson.get(o, "trustStore", "source"));
            assertEquals(cacerts.toString(), MiniJson.get(o, "trustStore", "file"));
        } finally {
            if (before == null) {
                System.clearProperty("gsk4j.home");
            } else {
                System.setProperty("gsk4j.home", before);
            }
        }
    }

    @Test
    void theFallbackIsTheSystemStoreThenCacertsThenTheOsBundle() throws Exception {
        Path home = Files.createDirectories(dir.resolve("fallback-home"));
        Path javaHome = Files.createDirectories(dir.resolve("jdk/lib/security"));
        Path bundle = Files.writeString(dir.resolve("bundle.crt"), Files.readString(pki.caPem));
        StoreLocations locations = StoreLocations.under(home);
        // no cacerts in this "JDK": the OS bundle
        DefaultTrust.Choice os = DefaultTrust.choose(locations, dir.resolve("jdk"), bundle).orElseThrow();
        assertEquals("os-bundle", os.source());
        assertEquals(null, os.password());
        Files.write(javaHome.resolve("cacerts"), new byte[] {1});
        assertEquals("jdk-cacerts", DefaultTrust.choose(locations, dir.resolve("jdk"), bundle).orElseThrow().source());
        // a *SYSTEM store in the home: GSKit's default applies, no fallback
        Files.write(locations.systemStore(), new byte[] {1});
        assertTrue(DefaultTrust.choose(locations, dir.resolve("jdk"), bundle).isEmpty());
    }
}
