package io.gsk4j.interop;

import static io.gsk4j.interop.PeerProcess.args;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.CipherSpec;
import io.gsk4j.Environment;
import io.gsk4j.Session;
import io.gsk4j.TlsProtocol;
import io.gsk4j.interop.GskSide.Options;
import io.gsk4j.interop.InteropPki.Material;
import io.gsk4j.interop.InteropPki.PeerFiles;
import io.gsk4j.support.Engines;
import io.gsk4j.support.Loopback;
import io.gsk4j.testpki.TestPki.KeyType;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One handshake per cipher suite that gsk4j's table, the JDK and the peer all have in
 * common, with gsk4j as client and as server, against OpenSSL and GnuTLS. gsk4j is
 * configured with that single suite ({@code GSK_TLSV13_CIPHER_SPECS_EX} /
 * {@code GSK_TLSV12_CIPHER_SPECS_EX}) and the peer with everything it has, so the suite the
 * peer reports must be that one and {@code GSK_CONNECT_CIPHER_SPEC_EX} must name it.
 *
 * <p>Pruned, because {@link InteropMatrixTest} covers it: client authentication,
 * resumption, SNI and bulk data (here a line each way and close_notify both ways), and
 * all but one key type per suite family: TLS 1.3 suites and ECDHE_ECDSA with ECDSA P-256,
 * ECDHE_RSA and RSA key exchange with RSA-2048. The suites of gsk4j's table that are not
 * swept, and why, are printed after the class and listed in docs/INTEROP.md.
 */
@ExtendWith(InteropTally.class)
@Execution(ExecutionMode.CONCURRENT) // each case has its own directory, peer processes and ports
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CipherSweepTest {
    private static final Duration PEER_WAIT = Duration.ofSeconds(20);
    private static final byte[] PING = "ping from gsk4j\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PONG = "pong from peer\n".getBytes(StandardCharsets.US_ASCII);

    enum Peer {
        OPENSSL("openssl", Peers.OPENSSL, Peers.OPENSSL),
        GNUTLS("GnuTLS", Peers.GNUTLS_SERV, Peers.GNUTLS_CLI);

        final String label;
        final String server;
        final String client;

        Peer(String label, String server, String client) {
            this.label = label;
            this.server = server;
            this.client = client;
        }
    }

    enum Role { GSK4J_CLIENT, GSK4J_SERVER }

    @TempDir
    Path dir;

    static Stream<Arguments> sweep() {
        List<Arguments> out = new ArrayList<>();
        for (Peer peer : Peer.values()) {
            for (Role role : Role.values()) {
                String program = role == Role.GSK4J_CLIENT ? peer.server : peer.client;
                if (!Peers.has(program)) {
                    out.add(Arguments.of(peer, role, null)); // one case that reports the skip
                    continue;
                }
                for (TlsProtocol p : List.of(TlsProtocol.TLSV13, TlsProtocol.TLSV12)) {
                    for (CipherSpec c : common(peer, p)) {
                        out.add(Arguments.of(peer, role, c));
                    }
                }
            }
        }
        return out.stream();
    }

    /** gsk4j's suites for {@code p} that this JDK enables and the peer offers, in gsk4j's table order. */
    static List<CipherSpec> common(Peer peer, TlsProtocol p) {
        List<CipherSpec> out = new ArrayList<>();
        for (CipherSpec c : CipherSpec.values()) {
            if (c.protocols().contains(p) && c.isEnabledByJdk() && sweepHasKeyFor(c)
                    && Peers.suites(peer == Peer.OPENSSL ? Peers.OPENSSL : Peers.GNUTLS_CLI, p).contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** DSS, fixed-ECDH and anonymous suites need keys (or none) that the sweep's two key types do not give. */
    static boolean sweepHasKeyFor(CipherSpec c) {
        String n = c.gskName();
        return !n.contains("_DSS_") && !n.startsWith("TLS_ECDH_") && !n.contains("_anon_");
    }

    /** One key type per suite family (see the class comment). */
    static KeyType keyFor(CipherSpec c) {
        return c.gskName().contains("_RSA_") ? KeyType.RSA_2048 : KeyType.EC_P256;
    }

    static TlsProtocol protocolOf(CipherSpec c) {
        return c.protocols().contains(TlsProtocol.TLSV13) ? TlsProtocol.TLSV13 : TlsProtocol.TLSV12;
    }

    @ParameterizedTest(name = "{1} vs {0}: {2}")
    @MethodSource("sweep")
    void oneHandshakePerCommonSuite(Peer peer, Role role, CipherSpec suite) throws Exception {
        // the peer first: without it the sweep has one case, with no suite, that reports the skip
        if (peer == Peer.OPENSSL) {
            Peers.assumeOpenSslWithTrace();
        } else {
            Peers.assume(role == Role.GSK4J_CLIENT ? peer.server : peer.client);
        }
        Engines.assumeSuiteImplemented(suite.jdkName());
        Engines.assumeNotBoringSsl(suite.protocols().equals(java.util.Set.of(TlsProtocol.TLSV13)) ? Engines.TLS13_SUITES : null);
        TlsProtocol p = protocolOf(suite);
        Material m = InteropPki.of(keyFor(suite));
        PeerFiles f = m.write(dir);
        Options o = Options.of(p).withSuite(suite);
        if (peer == Peer.OPENSSL && role == Role.GSK4J_CLIENT) {
            openSslServer(m, f, p, o, suite);
        } else if (peer == Peer.OPENSSL) {
            openSslClient(m, f, p, o, suite);
        } else if (role == Role.GSK4J_CLIENT) {
            gnuTlsServer(m, f, p, o, suite);
        } else {
            gnuTlsClient(m, f, p, o, suite);
        }
        System.out.println("[interop] sweep " + (role == Role.GSK4J_CLIENT ? "gsk4j client -> " : "gsk4j server <- ") + peer.label
                + " " + p.jdkName() + " " + keyFor(suite) + ": " + suite.gskName() + " negotiated, both ends agree");
    }

    private void openSslServer(Material m, PeerFiles f, TlsProtocol p, Options o, CipherSpec suite) throws Exception {
        Path trace = dir.resolve("s_server.trace");
        try (PeerServer server = PeerServer.start("s_server", dir, args(
                Peers.OPENSSL, "s_server", "-accept", "127.0.0.1:0", "-naccept", "1",
                "-cert", f.serverLeaf(), "-cert_chain", f.issuing(), "-key", f.serverKey(),
                OpenSsl.versionFlag(p), OpenSsl.suiteFlags(p, common(Peer.OPENSSL, p)), "-brief", "-trace", "-msgfile", trace))) {
            Environment env = GskSide.client(dir, "client", null, m.root().certificate(), o);
            try (SocketChannel ch = GskSide.connect(server.port, server.process)) {
                Session s = GskSide.open(env, ch);
                s.handshake();
                assertEquals(suite.gskName(), s.cipherSpec(), "GSK_CONNECT_CIPHER_SPEC_EX");
                server.process.feed(PONG, false);
                assertArrayEquals(PONG, GskSide.exchange(s, PING, PONG.length));
                assertEquals(0, GskSide.closeBothWays(s).length);
                s.close();
            }
            assertEquals(Integer.valueOf(0), server.process.awaitExit(PEER_WAIT), server.process::describe);
            assertArrayEquals(PING, server.process.stdout());
            OpenSslTrace.Connection c = OpenSslTrace.read(trace).connection(0);
            InteropMatrixTest.assertSuite(suite.gskName(), c.suite(), c);
            assertTrue(c.closeNotify(true) && c.closeNotify(false), c::toString);
        }
    }

    private void openSslClient(Material m, PeerFiles f, TlsProtocol p, Options o, CipherSpec suite) throws Exception {
        Path trace = dir.resolve("s_client.trace");
        Environment env = GskSide.server(dir, "server", m.server(), m.root().certificate(), false, o);
        try (ServerSocketChannel listener = Loopback.listen();
                PeerProcess peer = PeerProcess.start("s_client", dir, args(
                        Peers.OPENSSL, "s_client", "-connect", "127.0.0.1:" + port(listener),
                        "-CAfile", f.root(), "-verify", "5", "-verify_return_error", "-verify_hostname", "localhost",
                        OpenSsl.versionFlag(p), OpenSsl.suiteFlags(p, common(Peer.OPENSSL, p)),
                        "-brief", "-ign_eof", "-nocommands", "-trace", "-msgfile", trace));
                SocketChannel ch = GskSide.accept(listener, peer)) {
            Session s = GskSide.open(env, ch);
            s.handshake();
            assertEquals(suite.gskName(), s.cipherSpec(), "GSK_CONNECT_CIPHER_SPEC_EX");
            peer.feed(PING, false);
            assertArrayEquals(PING, GskSide.exchange(s, PONG, PING.length));
            assertTrue(peer.awaitStdoutBytes(PONG.length, PEER_WAIT));
            assertEquals(0, GskSide.closeBothWays(s).length);
            s.close();
            ch.shutdownOutput(); // the peer client lingers up to 0.5 s for the end of our TCP stream: end it now
            assertEquals(Integer.valueOf(0), peer.awaitExit(PEER_WAIT), peer::describe);
            assertArrayEquals(PONG, peer.stdout());
            OpenSslTrace.Connection c = OpenSslTrace.read(trace).connection(0);
            InteropMatrixTest.assertSuite(suite.gskName(), c.suite(), c);
            assertTrue(c.closeNotify(true) && c.closeNotify(false), c::toString);
        }
    }

    private void gnuTlsServer(Material m, PeerFiles f, TlsProtocol p, Options o, CipherSpec suite) throws Exception {
        try (PeerServer server = PeerServer.start("gnutls-serv", dir, args(
                Peers.GNUTLS_SERV, "--echo", "-a", "-p", 0,
                "--x509certfile", f.serverChain(), "--x509keyfile", f.serverKey(), "--priority", GnuTls.priority(p)))) {
            Environment env = GskSide.client(dir, "client", null, m.root().certificate(), o);
            try (SocketChannel ch = GskSide.connect(server.port, server.process)) {
                Session s = GskSide.open(env, ch);
                s.handshake();
                assertEquals(suite.gskName(), s.cipherSpec(), "GSK_CONNECT_CIPHER_SPEC_EX");
                assertArrayEquals(PING, GskSide.exchange(s, PING, PING.length), "gnutls-serv echoes");
                assertEquals(0, GskSide.closeBothWays(s).length);
                s.close();
            }
            assertTrue(server.process.awaitOutput(out -> !GnuTlsLog.completed(GnuTlsLog.parse(out, GnuTls.SERV_SECTION)).isEmpty(),
                    PEER_WAIT), server.process::describe);
            GnuTlsLog.Handshake h = GnuTlsLog.completed(GnuTlsLog.parse(server.process.stdoutText(), GnuTls.SERV_SECTION)).get(0);
            InteropMatrixTest.assertSuite(suite.gskName(), h.suite(), h);
        }
    }

    private void gnuTlsClient(Material m, PeerFiles f, TlsProtocol p, Options o, CipherSpec suite) throws Exception {
        Path log = dir.resolve("gnutls-cli.log");
        Environment env = GskSide.server(dir, "server", m.server(), m.root().certificate(), false, o);
        try (ServerSocketChannel listener = Loopback.listen();
                PeerProcess peer = PeerProcess.start("gnutls-cli", dir, args(
                        Peers.GNUTLS_CLI, "-p", port(listener), "127.0.0.1", "--verify-hostname", "localhost",
                        "--x509cafile", f.root(), "--priority", GnuTls.priority(p), "-V", "--logfile", log))) {
            peer.feed(PING, true); // then EOF: gnutls-cli sends close_notify and reads on
            try (SocketChannel ch = GskSide.accept(listener, peer)) {
                Session s = GskSide.open(env, ch);
                s.handshake();
                assertEquals(suite.gskName(), s.cipherSpec(), "GSK_CONNECT_CIPHER_SPEC_EX");
                assertArrayEquals(PING, GskSide.exchange(s, PONG, PING.length));
                assertEquals(0, GskSide.drainToEnd(s).length);
                s.close();
            }
            assertEquals(Integer.valueOf(0), peer.awaitExit(PEER_WAIT), peer::describe);
            assertArrayEquals(PONG, peer.stdout());
            GnuTlsLog.Handshake h = GnuTlsLog.completed(GnuTlsLog.parse(
                    Files.readString(log, StandardCharsets.ISO_8859_1), GnuTls.CLI_SECTION)).get(0);
            InteropMatrixTest.assertSuite(suite.gskName(), h.suite(), h);
        }
    }

    private static int port(ServerSocketChannel listener) throws java.io.IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    /** The suites of gsk4j's table this run did not sweep, each with the reason. */
    @AfterAll
    static void reportWhatWasNotSwept() {
        StringBuilder sb = new StringBuilder("[interop] CipherSweepTest: suites of gsk4j's table not swept:");
        for (CipherSpec c : CipherSpec.values()) {
            String reason = notSweptBecause(c);
            if (reason != null) {
                sb.append("\n[interop]   ").append(c.gskName()).append(": ").append(reason);
            }
        }
        System.out.println(sb);
    }

    static String notSweptBecause(CipherSpec c) {
        if (!c.protocols().contains(TlsProtocol.TLSV12) && !c.protocols().contains(TlsProtocol.TLSV13)) {
            return "only for TLS 1.1 and older, which the JDK disables";
        }
        if (!c.isKnownToJdk()) {
            return "the JDK does not implement it or disables it (jdk.tls.disabledAlgorithms)";
        }
        if (!c.isEnabledByJdk()) {
            return "the JDK disables it by default";
        }
        if (!sweepHasKeyFor(c)) {
            return "needs a DSA key, a fixed-ECDH certificate or no authentication, which the sweep does not set up";
        }
        List<String> missing = new ArrayList<>();
        for (Peer peer : Peer.values()) {
            TlsProtocol p = protocolOf(c);
            String program = Peers.has(peer.server) ? peer.server : peer.client;
            if (!Peers.has(program)) {
                missing.add(peer.label + " not installed");
            } else if (!common(peer, p).contains(c)) {
                missing.add(peer.label.toLowerCase(Locale.ROOT) + " " + Peers.version(program) + " does not offer it");
            }
        }
        return missing.isEmpty() ? null : String.join("; ", missing);
    }
}
