package io.gsk4j.interop;

import static io.gsk4j.interop.PeerProcess.args;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.CipherSpec;
import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.interop.GskSide.Options;
import io.gsk4j.interop.InteropPki.Material;
import io.gsk4j.interop.InteropPki.PeerFiles;
import io.gsk4j.support.Engines;
import io.gsk4j.support.Loopback;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gsk4j against OpenSSL and GnuTLS, both directions: TLS 1.3 and 1.2 × RSA-2048, ECDSA P-256
 * and Ed25519 × with and without client authentication. Every cell makes two connections:
 * the first a full handshake that carries 1 MiB each way and ends with close_notify in both
 * directions, the second a resumption of the first session. Each cell checks, from both
 * ends: the protocol, that {@code GSK_CONNECT_CIPHER_SPEC_EX} names the suite the peer
 * reports, that the server read the SNI name the client sent, the client certificate where
 * one was asked for, the bytes, both close_notify alerts and {@code GSK_SID_FIRST}.
 */
@ExtendWith(InteropTally.class)
@Execution(ExecutionMode.CONCURRENT) // each case has its own directory, peer processes and ports
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InteropMatrixTest {
    private static final int MIB = 1 << 20;
    private static final Duration PEER_WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (TlsProtocol p : List.of(TlsProtocol.TLSV13, TlsProtocol.TLSV12)) {
            for (KeyType k : List.of(KeyType.RSA_2048, KeyType.EC_P256, KeyType.ED25519)) {
                for (boolean clientAuth : new boolean[] {false, true}) {
                    out.add(Arguments.of(p, k, clientAuth));
                }
            }
        }
        return out.stream();
    }

    // ---------------------------------------------------------------- OpenSSL

    @ParameterizedTest(name = "gsk4j client -> openssl s_server, {0}, {1}, client auth {2}")
    @MethodSource("cells")
    void gskClientOpenSslServer(TlsProtocol protocol, KeyType key, boolean clientAuth) throws Exception {
        Engines.assumeNotBoringSsl(key == KeyType.ED25519 ? Engines.ED25519 : null);
        Peers.assumeOpenSslWithTrace();
        Material m = InteropPki.of(key);
        PeerFiles f = m.write(dir);
        Path trace = dir.resolve("s_server.trace");
        byte[] up = GskSide.binary(MIB, 1);
        byte[] down = GskSide.binary(MIB, 2);
        try (PeerServer server = PeerServer.start("s_server", dir, args(
                Peers.OPENSSL, "s_server", "-accept", "127.0.0.1:0", "-naccept", "2",
                "-cert", f.serverLeaf(), "-cert_chain", f.issuing(), "-key", f.serverKey(),
                "-servername", InteropPki.SNI, "-cert2", f.sniCert(), "-key2", f.sniKey(),
                "-CAfile", f.root(), clientAuth ? List.of("-Verify", "1", "-verify_return_error") : null,
                OpenSsl.versionFlag(protocol), "-brief", "-trace", "-msgfile", trace))) {
            PeerProcess peer = server.process;
            Environment env = GskSide.client(dir, "client", clientAuth ? m.client() : null, m.root().certificate(),
                    Options.of(protocol).withServerName(InteropPki.SNI));
            String suite;
            try (SocketChannel ch = GskSide.connect(server.port, peer)) {
                Session s = GskSide.open(env, ch);
                s.handshake();
                suite = s.cipherSpec();
                assertNegotiated(s, protocol);
                assertEquals(EnumValue.GSK_SID_IS_FIRST, s.getEnum(EnumAttribute.GSK_SID_FIRST));
                assertEquals(InteropPki.SNI, s.getBuffer(BufferAttribute.GSK_SSL_EXTN_SERVERNAME), "the name we sent");
                assertArrayEquals(m.sniServer().leaf().getEncoded(), s.peerCertificates().get(0).getEncoded(),
                        "s_server presents its SNI certificate only when it read sni.test from the ClientHello");
                assertEquals(0, s.validationCode());
                peer.feed(down, false);
                assertArrayEquals(down, GskSide.exchange(s, up, down.length), "1 MiB from s_server");
                assertTrue(peer.awaitStdoutBytes(up.length, PEER_WAIT), () -> "s_server got " + peer.stdoutCount() + " bytes");
                assertEquals(0, GskSide.closeBothWays(s).length, "nothing after s_server's close_notify");
                s.close();
            }
            try (SocketChannel ch = GskSide.connect(server.port, peer)) {
                Session s = GskSide.open(env, ch);
                s.handshake();
                assertEquals(EnumValue.GSK_SID_NOT_FIRST, s.getEnum(EnumAttribute.GSK_SID_FIRST), "the second connection resumes");
                GskSide.writeLine(s, "resumed");
                assertEquals(0, GskSide.closeBothWays(s).length);
                s.close();
            }
            assertEquals(Integer.valueOf(0), peer.awaitExit(PEER_WAIT), peer::describe);
            byte[] expected = concat(up, "resumed\n".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals(expected, peer.stdout(), "what s_server received");

            OpenSslTrace t = OpenSslTrace.read(trace);
            OpenSslTrace.Connection first = t.connection(0);
            OpenSslTrace.Connection second = t.connection(1);
            assertSuite(suite, first.suite(), first);
            assertEquals(protocol.jdkName(), first.protocol(), first::toString);
            assertEquals(InteropPki.SNI, first.serverName, "SNI in the ClientHello s_server read");
            assertEquals(InteropPki.SNI, second.serverName);
            assertFalse(first.resumed(), first::toString);
            assertTrue(second.resumed(), () -> "s_server saw a full handshake the second time: " + second);
            for (OpenSslTrace.Connection c : List.of(first, second)) {
                assertTrue(c.closeNotify(false) && c.closeNotify(true), () -> "close_notify both ways: " + c);
            }
            if (clientAuth) {
                assertTrue(peer.stderrText().contains("interop client " + key), peer::describe);
            }
            report("gsk4j client -> openssl s_server", protocol, key, clientAuth, suite);
        }
    }

    @ParameterizedTest(name = "gsk4j server <- openssl s_client, {0}, {1}, client auth {2}")
    @MethodSource("cells")
    void gskServerOpenSslClient(TlsProtocol protocol, KeyType key, boolean clientAuth) throws Exception {
        Engines.assumeNotBoringSsl(key == KeyType.ED25519 ? Engines.ED25519 : null);
        Peers.assumeOpenSslWithTrace();
        Material m = InteropPki.of(key);
        PeerFiles f = m.write(dir);
        byte[] up = GskSide.binary(MIB, 3);
        byte[] down = GskSide.binary(MIB, 4);
        Path session = dir.resolve("s_client.session");
        Environment env = GskSide.server(dir, "server", m.server(), m.root().certificate(), clientAuth, Options.of(protocol));
        try (ServerSocketChannel listener = Loopback.listen()) {
            int port = ((java.net.InetSocketAddress) listener.getLocalAddress()).getPort();
            String suite;
            for (int round = 0; round < 2; round++) {
                Path trace = dir.resolve("s_client-" + round + ".trace");
                try (PeerProcess peer = PeerProcess.start("s_client", dir, args(
                        Peers.OPENSSL, "s_client", "-connect", "127.0.0.1:" + port,
                        "-servername", InteropPki.SNI, "-verify_hostname", "localhost",
                        "-CAfile", f.root(), "-verify", "5", "-verify_return_error",
                        clientAuth ? List.of("-cert", f.clientLeaf(), "-cert_chain", f.issuing(), "-key", f.clientKey()) : null,
                        OpenSsl.versionFlag(protocol), "-brief", "-ign_eof", "-nocommands", "-trace", "-msgfile", trace,
                        round == 0 ? "-sess_out" : "-sess_in", session));
                        SocketChannel ch = GskSide.accept(listener, peer)) {
                    Session s = GskSide.open(env, ch);
                    s.handshake();
                    suite = s.cipherSpec();
                    assertNegotiated(s, protocol);
                    assertEquals(InteropPki.SNI, s.getBuffer(BufferAttribute.GSK_SSL_EXTN_SERVERNAME), "the SNI name s_client sent");
                    assertEquals(round == 0 ? EnumValue.GSK_SID_IS_FIRST : EnumValue.GSK_SID_NOT_FIRST,
                            s.getEnum(EnumAttribute.GSK_SID_FIRST), round == 0 ? "a full handshake" : "s_client -sess_in resumes");
                    if (clientAuth) {
                        assertArrayEquals(m.client().leaf().getEncoded(), s.peerCertificates().get(0).getEncoded());
                        // resumed, the session reports what its full handshake found (ResumedVerdictTest)
                        assertEquals(0, s.validationCode(), "GSK_CERTIFICATE_VALIDATION_CODE");
                    } else {
                        assertTrue(s.peerCertificates().isEmpty());
                    }
                    byte[] in = round == 0 ? up : "resumed\n".getBytes(StandardCharsets.US_ASCII);
                    byte[] out = round == 0 ? down : "ok\n".getBytes(StandardCharsets.US_ASCII);
                    peer.feed(in, false);
                    assertArrayEquals(in, GskSide.exchange(s, out, in.length), "what s_client sent");
                    assertTrue(peer.awaitStdoutBytes(out.length, PEER_WAIT), () -> "s_client got " + peer.stdoutCount());
                    assertEquals(0, GskSide.closeBothWays(s).length, "s_client answers our close_notify with its own");
                    s.close();
                    ch.shutdownOutput(); // the peer client lingers up to 0.5 s for the end of our TCP stream: end it now
                    assertEquals(Integer.valueOf(0), peer.awaitExit(PEER_WAIT), peer::describe);
                    assertArrayEquals(out, peer.stdout(), "what s_client received");
                    OpenSslTrace.Connection c = OpenSslTrace.read(trace).connection(0);
                    assertSuite(suite, c.suite(), c);
                    assertEquals(protocol.jdkName(), c.protocol(), c::toString);
                    assertEquals(round == 1, c.resumed(), c::toString);
                    assertTrue(c.closeNotify(false) && c.closeNotify(true), () -> "close_notify both ways: " + c);
                    if (round == 1) {
                        report("gsk4j server <- openssl s_client", protocol, key, clientAuth, suite);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- GnuTLS

    @ParameterizedTest(name = "gsk4j client -> gnutls-serv, {0}, {1}, client auth {2}")
    @MethodSource("cells")
    void gskClientGnuTlsServer(TlsProtocol protocol, KeyType key, boolean clientAuth) throws Exception {
        Engines.assumeNotBoringSsl(key == KeyType.ED25519 ? Engines.ED25519 : null);
        Peers.assume(Peers.GNUTLS_SERV);
        Material m = InteropPki.of(key);
        PeerFiles f = m.write(dir);
        byte[] up = GskSide.textLines(MIB, 5); // gnutls-serv --echo answers line by line
        try (PeerServer server = PeerServer.start("gnutls-serv", dir, args(
                Peers.GNUTLS_SERV, "--echo", "-p", 0, "-d", "5",
                "--x509certfile", f.serverChain(), "--x509keyfile", f.serverKey(),
                "--x509certfile", f.sniCert(), "--x509keyfile", f.sniKey(),
                "--x509cafile", f.root(), clientAuth ? List.of("--require-client-cert", "--verify-client-cert") : "--disable-client-cert",
                "--priority", GnuTls.priority(protocol)))) {
            PeerProcess peer = server.process;
            Environment env = GskSide.client(dir, "client", clientAuth ? m.client() : null, m.root().certificate(),
                    Options.of(protocol).withServerName(InteropPki.SNI));
            String suite;
            try (SocketChannel ch = GskSide.connect(server.port, peer)) {
                Session s = GskSide.open(env, ch);
                s.handshake();
                suite = s.cipherSpec();
                assertNegotiated(s, protocol);
                assertEquals(EnumValue.GSK_SID_IS_FIRST, s.getEnum(EnumAttribute.GSK_SID_FIRST));
                assertEquals(InteropPki.SNI, s.getBuffer(BufferAttribute.GSK_SSL_EXTN_SERVERNAME), "the name we sent");
                assertArrayEquals(m.sniServer().leaf().getEncoded(), s.peerCertificates().get(0).getEncoded(),
                        "gnutls-serv picks its sni.test certificate only when it read the name");
                assertEquals(0, s.validationCode());
                assertArrayEquals(up, GskSide.exchange(s, up, up.length), "gnutls-serv echoes 1 MiB");
                assertEquals(0, GskSide.closeBothWays(s).length);
                s.close();
            }
            try (SocketChannel ch = GskSide.connect(server.port, peer)) {
                Session s = GskSide.open(env, ch);
                s.handshake();
                assertEquals(EnumValue.GSK_SID_NOT_FIRST, s.getEnum(EnumAttribute.GSK_SID_FIRST), "the second connection resumes");
                GskSide.writeLine(s, "resumed");
                assertEquals("resumed\n", new String(GskSide.readFully(s, 8), StandardCharsets.US_ASCII));
                assertEquals(0, GskSide.closeBothWays(s).length);
                s.close();
            }
            assertTrue(peer.awaitOutput(o -> GnuTls.count(o, "Close notify - was received") >= 2
                    && GnuTlsLog.completed(GnuTlsLog.parse(o, GnuTls.SERV_SECTION)).size() >= 2, PEER_WAIT), peer::describe);
            List<GnuTlsLog.Handshake> hs = GnuTlsLog.completed(GnuTlsLog.parse(peer.stdoutText(), GnuTls.SERV_SECTION));
            GnuTlsLog.Handshake first = hs.get(0);
            GnuTlsLog.Handshake second = hs.get(1);
            assertSuite(suite, first.suite(), first);
            assertEquals(protocol.jdkName(), first.protocol(), first::toString);
            assertEquals(InteropPki.SNI, first.serverName, "gnutls-serv's log names the SNI it read");
            assertFalse(first.resumed);
            assertTrue(second.resumed, () -> "gnutls-serv saw a full handshake the second time: " + second);
            String log = peer.stderrText();
            assertTrue(GnuTls.count(log, "Sending Alert[1|0] - Close notify") >= 2, "gnutls-serv answered both close_notify alerts");
            if (clientAuth) {
                String report = peer.stdoutText();
                assertTrue(report.contains("The certificate is trusted.") && report.contains("Subject: CN=interop client " + key),
                        () -> "gnutls-serv verified our client certificate: " + peer.describe());
            }
            report("gsk4j client -> gnutls-serv", protocol, key, clientAuth, suite);
        }
    }

    @ParameterizedTest(name = "gsk4j server <- gnutls-cli, {0}, {1}, client auth {2}")
    @MethodSource("cells")
    void gskServerGnuTlsClient(TlsProtocol protocol, KeyType key, boolean clientAuth) throws Exception {
        Engines.assumeNotBoringSsl(key == KeyType.ED25519 ? Engines.ED25519 : null);
        Engines.assumeNotBoringSsl(protocol == TlsProtocol.TLSV13 ? Engines.TICKET_ON_WRITE : null);
        Peers.assume(Peers.GNUTLS_CLI);
        Material m = InteropPki.of(key);
        PeerFiles f = m.write(dir);
        byte[] up = GskSide.binary(MIB, 6);
        byte[] down = GskSide.binary(MIB, 7);
        Path log = dir.resolve("gnutls-cli.log");
        Environment env = GskSide.server(dir, "server", m.server(), m.root().certificate(), clientAuth, Options.of(protocol));
        try (ServerSocketChannel listener = Loopback.listen()) {
            int port = ((java.net.InetSocketAddress) listener.getLocalAddress()).getPort();
            // -r: one full handshake, then a second connection resuming it that carries the data
            try (PeerProcess peer = PeerProcess.start("gnutls-cli", dir, args(
                    Peers.GNUTLS_CLI, "-p", port, "127.0.0.1", "--sni-hostname", InteropPki.SNI, "--verify-hostname", "localhost",
                    "--x509cafile", f.root(),
                    clientAuth ? List.of("--x509certfile", f.clientChain(), "--x509keyfile", f.clientKey()) : null,
                    "--priority", GnuTls.priority(protocol), "-r", protocol == TlsProtocol.TLSV13 ? "--waitresumption" : null,
                    "-V", "-d", "5", "--logfile", log))) {
                String suite;
                try (SocketChannel ch = GskSide.accept(listener, peer)) {
                    Session s = GskSide.open(env, ch);
                    s.handshake();
                    suite = s.cipherSpec();
                    assertNegotiated(s, protocol);
                    assertEquals(EnumValue.GSK_SID_IS_FIRST, s.getEnum(EnumAttribute.GSK_SID_FIRST));
                    assertEquals(InteropPki.SNI, s.getBuffer(BufferAttribute.GSK_SSL_EXTN_SERVERNAME), "the SNI name gnutls-cli sent");
                    if (clientAuth) {
                        assertArrayEquals(m.client().leaf().getEncoded(), s.peerCertificates().get(0).getEncoded());
                        assertEquals(0, s.validationCode(), "GSK_CERTIFICATE_VALIDATION_CODE");
                    }
                    // gnutls-cli drops this first connection as soon as it holds a session to resume
                    closedByPeer(s);
                    s.close();
                }
                try (SocketChannel ch = GskSide.accept(listener, peer)) {
                    Session s = GskSide.open(env, ch);
                    s.handshake();
                    assertEquals(EnumValue.GSK_SID_NOT_FIRST, s.getEnum(EnumAttribute.GSK_SID_FIRST), "gnutls-cli -r resumes");
                    assertEquals(InteropPki.SNI, s.getBuffer(BufferAttribute.GSK_SSL_EXTN_SERVERNAME));
                    peer.feed(up, true); // stdin EOF after the data: gnutls-cli then sends close_notify
                    assertArrayEquals(up, GskSide.exchange(s, down, up.length), "what gnutls-cli sent");
                    assertEquals(0, GskSide.drainToEnd(s).length, "gnutls-cli's close_notify ends its data");
                    s.close(); // our close_notify answers it
                    ch.shutdownOutput(); // and the end of our TCP stream, before we wait for the client to exit
                    assertEquals(Integer.valueOf(0), peer.awaitExit(PEER_WAIT), peer::describe);
                    assertArrayEquals(down, peer.stdout(), "what gnutls-cli received");
                }
                String text = java.nio.file.Files.readString(log, StandardCharsets.ISO_8859_1);
                List<GnuTlsLog.Handshake> hs = GnuTlsLog.completed(GnuTlsLog.parse(text, GnuTls.CLI_SECTION));
                assertEquals(2, hs.size(), text);
                assertSuite(suite, hs.get(0).suite(), hs.get(0));
                assertEquals(protocol.jdkName(), hs.get(0).protocol());
                assertFalse(hs.get(0).resumed);
                assertTrue(hs.get(1).resumed, () -> "gnutls-cli: " + hs.get(1));
                String debug = peer.stderrText();
                assertTrue(debug.contains("Sending Alert[1|0] - Close notify"), "gnutls-cli sent close_notify");
                assertTrue(debug.contains("Close notify - was received"), "gnutls-cli received our close_notify");
                report("gsk4j server <- gnutls-cli", protocol, key, clientAuth, suite);
            }
        }
    }

    private static void report(String cell, TlsProtocol p, KeyType k, boolean clientAuth, String suite) {
        System.out.println("[interop] " + cell + " " + p.jdkName() + " " + k + (clientAuth ? " +client-auth" : "")
                + ": " + suite + ", 1 MiB each way, close_notify both ways, resumed");
    }

    /** GSK_PROTOCOL_USED, GSK_CONNECT_SEC_TYPE and the protocol agree with what was forced on both ends. */
    static void assertNegotiated(Session s, TlsProtocol protocol) throws GskException {
        assertEquals(protocol, s.protocol().orElseThrow());
        assertEquals(protocol.protocolUsedValue(), s.getEnum(EnumAttribute.GSK_PROTOCOL_USED).code());
        assertEquals(protocol.secType(), s.getBuffer(BufferAttribute.GSK_CONNECT_SEC_TYPE));
    }

    /** After the handshake the peer ends the connection: with close_notify (-1) or without (SOCKET_CLOSED). */
    private static void closedByPeer(Session s) {
        try {
            GskSide.drainToEnd(s);
        } catch (GskException e) {
            assertEquals(GskStatus.GSK_ERROR_SOCKET_CLOSED.code(), e.code(), e.getMessage());
        }
    }

    static void assertSuite(String ours, Optional<CipherSpec> peers, Object peerView) {
        assertNotNull(ours);
        assertEquals(peers.map(CipherSpec::gskName).orElse("(not in gsk4j's table) " + peerView), ours,
                () -> "GSK_CONNECT_CIPHER_SPEC_EX must name the suite the peer reports: " + peerView);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
