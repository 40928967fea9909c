package io.gsk4j.interop;

import static io.gsk4j.interop.PeerProcess.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.CipherSpec;
import io.gsk4j.Environment;
import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.interop.GskSide.Options;
import io.gsk4j.interop.InteropPki.Failures;
import io.gsk4j.interop.InteropPki.Material;
import io.gsk4j.support.Engines;
import io.gsk4j.support.Loopback;
import io.gsk4j.testpki.TestPki.Credential;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Handshakes that must fail, against OpenSSL and GnuTLS, with gsk4j as client and as server,
 * in TLS 1.3 and 1.2: untrusted root, expired certificate, no client certificate where one is
 * required, a client certificate from an unknown CA, no cipher in common. Each is checked
 * from both ends: gsk4j's exact status, and the alert on the wire plus the peer's own error
 * words, so a user on the other side gets a sensible message too. Then peers that are no TLS
 * partner at all: clients that speak plaintext first, and peers that freeze or die
 * mid-handshake, which must give their documented status, never a hang.
 */
@ExtendWith(InteropTally.class)
@Execution(ExecutionMode.CONCURRENT) // each case has its own directory, peer processes and ports
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InteropFailureTest {
    private static final Duration PEER_WAIT = Duration.ofSeconds(20);

    enum Failure { UNTRUSTED_SERVER, EXPIRED_SERVER, NO_CLIENT_CERTIFICATE, UNTRUSTED_CLIENT, NO_COMMON_CIPHER }

    enum Peer { OPENSSL, GNUTLS }

    enum Role { GSK4J_CLIENT, GSK4J_SERVER }

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Peer peer : Peer.values()) {
            for (Role role : Role.values()) {
                for (Failure f : Failure.values()) {
                    for (TlsProtocol p : List.of(TlsProtocol.TLSV13, TlsProtocol.TLSV12)) {
                        out.add(Arguments.of(peer, role, f, p));
                    }
                }
            }
        }
        return out.stream();
    }

    /** What went wrong, as each end tells it. */
    record Outcome(GskException ours, List<PeerAlerts.Alert> alerts, String peerText, Integer peerExit) {
        @Override
        public String toString() {
            return "gsk4j " + (ours == null ? "no failure" : ours.getMessage()) + " | peer alerts " + alerts + " | exit " + peerExit;
        }
    }

    /** The certificates and suites one failure needs. */
    private record Setup(Credential serverKey, Credential clientKey, boolean requireClientCert,
                         CipherSpec serverSuite, CipherSpec clientSuite) {
    }

    private static Setup setup(Failure f, TlsProtocol p) {
        Failures x = InteropPki.failures();
        Material m = x.trusted();
        boolean tls13 = p == TlsProtocol.TLSV13;
        return switch (f) {
            case UNTRUSTED_SERVER -> new Setup(x.strangerServer(), null, false, null, null);
            case EXPIRED_SERVER -> new Setup(x.expiredServer(), null, false, null, null);
            case NO_CLIENT_CERTIFICATE -> new Setup(m.server(), null, true, null, null);
            case UNTRUSTED_CLIENT -> new Setup(m.server(), x.strangerClient(), true, null, null);
            case NO_COMMON_CIPHER -> new Setup(m.server(), null, false,
                    tls13 ? CipherSpec.TLS_AES_256_GCM_SHA384 : CipherSpec.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                    tls13 ? CipherSpec.TLS_AES_128_GCM_SHA256 : CipherSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        };
    }

    /**
     * What each end must report. {@code status} is the GSKit status gsk4j must return;
     * {@code knownWrong} the status gsk4j returns today where that is a core bug (see
     * {@link CoreBugsTest}), accepted so the rest of the cell still runs; {@code peerSent}
     * whether the alert came from the peer (else gsk4j sent it and the peer reports receiving
     * it); {@code alert} its code; {@code peerSays} a phrase of the peer's own error output.
     */
    record Expect(GskStatus status, GskStatus knownWrong, boolean peerSent, Set<Integer> alerts, String peerSays) {
        Expect(GskStatus status, GskStatus knownWrong, boolean peerSent, int alert, String peerSays) {
            this(status, knownWrong, peerSent, Set.of(alert), peerSays);
        }
    }

    private static final int HANDSHAKE_FAILURE = 40;
    private static final int BAD_CERTIFICATE = 42;
    private static final int CERTIFICATE_EXPIRED = 45;
    private static final int CERTIFICATE_UNKNOWN = 46;
    private static final int UNKNOWN_CA = 48;
    private static final int ACCESS_DENIED = 49;
    private static final int DECODE_ERROR = 50;
    private static final int CERTIFICATE_REQUIRED = 116;

    /** The table of docs/INTEROP.md, section "Failures seen from both ends". */
    static Expect expect(Peer peer, Role role, Failure f, TlsProtocol p) {
        boolean openssl = peer == Peer.OPENSSL;
        boolean tls13 = p == TlsProtocol.TLSV13;
        if (role == Role.GSK4J_CLIENT) {
            return switch (f) {
                // the JDK's trust manager refusal always becomes certificate_unknown
                case UNTRUSTED_SERVER -> new Expect(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, null, false, CERTIFICATE_UNKNOWN,
                        openssl ? "alert certificate unknown" : "A TLS fatal alert has been received");
                // JDK 17 names the expiry only in TLS 1.2 (its TLS 1.3 path sends certificate_unknown; newer JDKs name it)
                case EXPIRED_SERVER -> tls13
                        ? new Expect(GskStatus.GSK_KEYFILE_CERT_EXPIRED, null, false, Set.of(CERTIFICATE_UNKNOWN, CERTIFICATE_EXPIRED),
                                openssl ? "SSL alert number 4" : "A TLS fatal alert has been received")
                        : new Expect(GskStatus.GSK_KEYFILE_CERT_EXPIRED, null, false, CERTIFICATE_EXPIRED,
                                openssl ? "alert certificate expired" : "A TLS fatal alert has been received");
                case NO_CLIENT_CERTIFICATE -> tls13
                        ? new Expect(GskStatus.GSK_ERROR_NO_CERTIFICATE, null, true, CERTIFICATE_REQUIRED,
                                openssl ? "peer did not return a certificate" : "Certificate is required")
                        : new Expect(GskStatus.GSK_ERROR_NO_CERTIFICATE, null, true,
                                openssl ? HANDSHAKE_FAILURE : DECODE_ERROR,
                                openssl ? "peer did not return a certificate" : "No certificate was found");
                case UNTRUSTED_CLIENT -> openssl
                        ? new Expect(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, null, true, UNKNOWN_CA, "unable to get local issuer certificate")
                        : new Expect(GskStatus.GSK_ERROR_CERT_VALIDATION, null, true, ACCESS_DENIED, "Error in the certificate");
                case NO_COMMON_CIPHER -> new Expect(GskStatus.GSK_ERROR_NO_CIPHERS, null, true, HANDSHAKE_FAILURE,
                        openssl ? "no shared cipher" : "No supported cipher suites have been found");
            };
        }
        return switch (f) {
            case UNTRUSTED_SERVER -> openssl
                    ? new Expect(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, null, true, UNKNOWN_CA,
                            "unable to get local issuer certificate")
                    : new Expect(GskStatus.GSK_ERROR_BAD_CERTIFICATE, null, true, BAD_CERTIFICATE, "The certificate issuer is unknown");
            case EXPIRED_SERVER -> openssl
                    ? new Expect(GskStatus.GSK_KEYFILE_CERT_EXPIRED, null, true, CERTIFICATE_EXPIRED,
                            "certificate has expired")
                    : new Expect(GskStatus.GSK_ERROR_BAD_CERTIFICATE, null, true, BAD_CERTIFICATE, "expired certificate");
            // JDK 17 sends bad_certificate, also in TLS 1.3 where RFC 8446 has certificate_required
            case NO_CLIENT_CERTIFICATE -> tls13
                    ? new Expect(GskStatus.GSK_ERROR_NO_CERTIFICATE, null, false, Set.of(BAD_CERTIFICATE, CERTIFICATE_REQUIRED),
                            openssl ? "SSL alert number" : "Received alert [")
                    : new Expect(GskStatus.GSK_ERROR_NO_CERTIFICATE, null, false, BAD_CERTIFICATE,
                            openssl ? "alert bad certificate" : "Received alert [42]");
            case UNTRUSTED_CLIENT -> new Expect(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, null, false, CERTIFICATE_UNKNOWN,
                    openssl ? "alert certificate unknown" : "Received alert [46]");
            case NO_COMMON_CIPHER -> new Expect(GskStatus.GSK_ERROR_NO_CIPHERS, null, false, HANDSHAKE_FAILURE,
                    openssl ? "alert handshake failure" : "Received alert [40]");
        };
    }

    @ParameterizedTest(name = "{1} vs {0}, {3}: {2}")
    @MethodSource("cases")
    void failureSeenFromBothEnds(Peer peer, Role role, Failure failure, TlsProtocol p) throws Exception {
        Engines.assumeNotBoringSsl(failure == Failure.NO_COMMON_CIPHER && p == TlsProtocol.TLSV13 ? Engines.TLS13_SUITES
                : failure == Failure.NO_CLIENT_CERTIFICATE && role == Role.GSK4J_SERVER && p == TlsProtocol.TLSV12
                        ? Engines.NO_CERTIFICATE_ALERT : null);
        if (peer == Peer.OPENSSL) {
            Peers.assumeOpenSslWithTrace();
        } else {
            Peers.assume(role == Role.GSK4J_CLIENT ? Peers.GNUTLS_SERV : Peers.GNUTLS_CLI);
        }
        Setup s = setup(failure, p);
        Expect e = expect(peer, role, failure, p);
        Outcome o = role == Role.GSK4J_CLIENT
                ? (peer == Peer.OPENSSL ? clientVsOpenSsl(s, p) : clientVsGnuTls(s, p, e))
                : (peer == Peer.OPENSSL ? serverVsOpenSsl(s, p) : serverVsGnuTls(s, p));
        String context = o + "\n--- peer output ---\n" + PeerProcess.tail(withoutDebug(o.peerText()), 3000);

        // our end: the exact status (or the one a known core bug gives today)
        assertNotNull(o.ours(), context);
        if (e.knownWrong() != null && o.ours().code() == e.knownWrong().code()) {
            System.out.println("[interop] known core bug, see CoreBugsTest: " + role + " vs " + peer + " " + p + " " + failure
                    + " gives " + o.ours().getMessage() + " instead of " + e.status());
        } else {
            assertEquals(e.status().code(), o.ours().code(), () -> "gsk4j's status: " + context);
        }
        // the peer's end: the alert on the wire and the peer's own words
        PeerAlerts.Alert first = PeerAlerts.firstFatal(o.alerts(), e.peerSent());
        assertNotNull(first, () -> "no fatal alert " + (e.peerSent() ? "sent" : "received") + " by the peer: " + context);
        assertTrue(e.alerts().contains(first.code()), () -> "the alert should be one of " + e.alerts() + ": " + context);
        assertTrue(o.peerText().contains(e.peerSays()), () -> "the peer should say \"" + e.peerSays() + "\": " + context);
        if (o.peerExit() != null && role == Role.GSK4J_SERVER) {
            assertNotEquals(0, o.peerExit().intValue(), () -> "a failed peer client exits non-zero: " + context);
        }
    }

    // ---------------------------------------------------------------- peers that are no TLS partner

    /** {@code openssl s_client -starttls xmpp} opens with a plaintext XML stream header. */
    @Test
    void anOpenSslClientThatSpeaksPlaintextFirstIsABadMessage() throws Exception {
        Peers.assumeOpenSslWithTrace();
        Material m = InteropPki.failures().trusted();
        Environment env = GskSide.server(dir, "server", m.server(), m.root().certificate(), false, Options.of(null));
        try (ServerSocketChannel listener = Loopback.listen();
                PeerProcess peer = PeerProcess.start("s_client", dir, args(Peers.OPENSSL, "s_client",
                        "-connect", "127.0.0.1:" + port(listener), "-starttls", "xmpp", "-name", "localhost", "-brief"))) {
            try (SocketChannel ch = GskSide.accept(listener, peer)) {
                Session s = GskSide.open(env, ch);
                GskException e = assertThrows(GskException.class, s::handshake);
                assertEquals(GskStatus.GSK_ERROR_BAD_MESSAGE.code(), e.code(), e.getMessage());
                s.close();
            }
            Integer exit = peer.awaitExit(PEER_WAIT);
            assertNotNull(exit, peer::describe);
            assertNotEquals(0, exit.intValue(), peer::describe);
        }
    }

    /** {@code gnutls-cli --starttls} sends its stdin in plaintext until EOF, then starts TLS. */
    @Test
    void aGnuTlsClientThatSpeaksPlaintextFirstIsABadMessage() throws Exception {
        Engines.assumeNotBoringSsl(Engines.NO_ALERT_FOR_PLAINTEXT);
        Peers.assume(Peers.GNUTLS_CLI);
        Material m = InteropPki.failures().trusted();
        Environment env = GskSide.server(dir, "server", m.server(), m.root().certificate(), false, Options.of(null));
        try (ServerSocketChannel listener = Loopback.listen();
                PeerProcess peer = PeerProcess.start("gnutls-cli", dir, args(Peers.GNUTLS_CLI, "--starttls",
                        "-p", port(listener), "127.0.0.1", "--insecure"))) {
            peer.feed("EHLO gsk4j.example\r\n".getBytes(StandardCharsets.US_ASCII), false);
            try (SocketChannel ch = GskSide.accept(listener, peer)) {
                Session s = GskSide.open(env, ch);
                GskException e = assertThrows(GskException.class, s::handshake);
                assertEquals(GskStatus.GSK_ERROR_BAD_MESSAGE.code(), e.code(), e.getMessage());
                s.close();
            }
            peer.closeStdin();
            assertNotNull(peer.awaitExit(PEER_WAIT), peer::describe);
            // still in plaintext mode, gnutls-cli prints what it got: our fatal alert record, then the close
            byte[] out = peer.stdout();
            int at = indexOf(out, new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02});
            assertTrue(at >= 0, () -> "gnutls-cli should have received a fatal alert record: " + peer.describe());
            System.out.println("[interop] gnutls-cli --starttls received the fatal alert " + (out[at + 6] & 0xff) + " in plaintext");
            assertTrue(peer.stdoutText().contains("Peer has closed"), peer::describe);
        }
    }

    /** A peer server that accepted at the TCP level but never answers: the handshake timeout ends it. */
    @ParameterizedTest(name = "gsk4j client vs a frozen {0}")
    @MethodSource("servers")
    void aFrozenPeerServerTimesTheHandshakeOut(String program) throws Exception {
        Peers.assume(program);
        try (PeerServer srv = startRsaServer(program)) {
            srv.process.freeze();
            Material m = InteropPki.failures().trusted();
            Environment env = GskSide.client(dir, "client", null, m.root().certificate(), Options.of(null));
            try (SocketChannel ch = GskSide.connect(srv.port, srv.process)) {
                Session s = GskSide.open(env, ch);
                s.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 2);
                long started = System.nanoTime();
                GskException e = assertThrows(GskException.class, s::handshake);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(), e.code(), e.getMessage());
                assertTrue(millis >= 1900 && millis < 10_000, "waited " + millis + " ms for a 2 s GSK_HANDSHAKE_TIMEOUT");
                s.close();
            }
        }
    }

    /** The peer server process dies while our ClientHello sits unread: the kernel resets the connection. */
    @ParameterizedTest(name = "gsk4j client vs {0} killed mid-handshake")
    @MethodSource("servers")
    void aPeerServerKilledMidHandshakeIsAConnectionReset(String program) throws Exception {
        Peers.assume(program);
        try (PeerServer srv = startRsaServer(program)) {
            srv.process.freeze();
            Material m = InteropPki.failures().trusted();
            Environment env = GskSide.client(dir, "client", null, m.root().certificate(), Options.of(null));
            try (SocketChannel ch = GskSide.connect(srv.port, srv.process)) {
                Session s = GskSide.open(env, ch);
                CompletableFuture<GskException> handshake = CompletableFuture.supplyAsync(() -> {
                    try {
                        s.handshake();
                        return null;
                    } catch (GskException e) {
                        return e;
                    }
                });
                int ours = ((InetSocketAddress) ch.getLocalAddress()).getPort();
                assertTrue(PeerServer.awaitUnreadAtPeer(srv.port, ours, Duration.ofSeconds(10)),
                        "our ClientHello should be waiting, unread, in the frozen peer's socket");
                srv.process.kill();
                GskException e = handshake.get(10, TimeUnit.SECONDS);
                assertNotNull(e, "the handshake cannot succeed against a killed peer");
                assertEquals(GskStatus.GSK_ERROR_IO.code(), e.code(), e.getMessage());
                assertEquals(Errno.ECONNRESET, e.errno().orElseThrow(), e.getMessage());
                s.close();
            }
        }
    }

    /** A peer client that sent its ClientHello and then hangs: the server's handshake timeout ends it. */
    @Test
    void aFrozenPeerClientTimesTheServerHandshakeOut() throws Exception {
        Peers.assumeOpenSslWithTrace();
        Material m = InteropPki.failures().trusted();
        Environment env = GskSide.server(dir, "server", m.server(), m.root().certificate(), false, Options.of(null));
        try (ServerSocketChannel listener = Loopback.listen();
                PeerProcess peer = PeerProcess.start("s_client", dir, args(Peers.OPENSSL, "s_client",
                        "-connect", "127.0.0.1:" + port(listener), "-brief"));
                SocketChannel ch = GskSide.accept(listener, peer)) {
            peer.freeze();
            Session s = GskSide.open(env, ch);
            s.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 2);
            GskException e = assertThrows(GskException.class, s::handshake);
            assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(), e.code(), e.getMessage());
            s.close();
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static Stream<String> servers() {
        return Stream.of(Peers.OPENSSL, Peers.GNUTLS_SERV);
    }

    private PeerServer startRsaServer(String program) throws Exception {
        Material m = InteropPki.failures().trusted();
        CredFiles server = CredFiles.write(dir, "server", m.server());
        if (program.equals(Peers.OPENSSL)) {
            return PeerServer.start("s_server", dir, args(Peers.OPENSSL, "s_server", "-accept", "127.0.0.1:0",
                    "-naccept", "1", "-cert", server.leaf(), "-cert_chain", server.rest(), "-key", server.key(), "-brief"));
        }
        return PeerServer.start("gnutls-serv", dir, args(Peers.GNUTLS_SERV, "--echo", "-a", "-p", 0,
                "--x509certfile", server.chain(), "--x509keyfile", server.key()));
    }

    private static String withoutDebug(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.startsWith("|<")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    // ---- gsk4j as client ----

    private Outcome clientVsOpenSsl(Setup s, TlsProtocol p) throws Exception {
        Material m = InteropPki.failures().trusted();
        Path root = Pem.certificates(dir.resolve("root.pem"), m.root().certificate());
        CredFiles server = CredFiles.write(dir, "server", s.serverKey());
        Path trace = dir.resolve("s_server.trace");
        try (PeerServer srv = PeerServer.start("s_server", dir, args(
                Peers.OPENSSL, "s_server", "-accept", "127.0.0.1:0", "-naccept", "1",
                "-cert", server.leaf(), server.rest() == null ? null : List.of("-cert_chain", server.rest()), "-key", server.key(),
                "-CAfile", root, s.requireClientCert() ? List.of("-Verify", "1", "-verify_return_error") : null,
                OpenSsl.versionFlag(p), s.serverSuite() == null ? null : OpenSsl.suiteFlags(p, List.of(s.serverSuite())),
                "-brief", "-trace", "-msgfile", trace))) {
            Environment env = GskSide.client(dir, "client", s.clientKey(), m.root().certificate(),
                    new Options(p, s.clientSuite(), null));
            GskException ours;
            try (SocketChannel ch = GskSide.connect(srv.port, srv.process)) {
                Session session = GskSide.open(env, ch);
                ours = GskSide.failure(session);
                session.close();
            }
            Integer exit = srv.process.awaitExit(PEER_WAIT);
            return new Outcome(ours, PeerAlerts.fromOpenSsl(OpenSslTrace.read(trace)), srv.process.stderrText(), exit);
        }
    }

    /** gnutls-serv runs on after the failure: its report is complete once it shows what {@code e} expects (bounded wait). */
    private Outcome clientVsGnuTls(Setup s, TlsProtocol p, Expect e) throws Exception {
        Material m = InteropPki.failures().trusted();
        Path root = Pem.certificates(dir.resolve("root.pem"), m.root().certificate());
        CredFiles server = CredFiles.write(dir, "server", s.serverKey());
        String priority = GnuTls.priority(p) + (s.serverSuite() == null ? "" : ":-CIPHER-ALL:" + GnuTls.cipherOf(s.serverSuite()));
        try (PeerServer srv = PeerServer.start("gnutls-serv", dir, args(
                Peers.GNUTLS_SERV, "--echo", "-p", 0, "-d", "5",
                "--x509certfile", server.chain(), "--x509keyfile", server.key(), "--x509cafile", root,
                s.requireClientCert() ? List.of("--require-client-cert", "--verify-client-cert") : "--disable-client-cert", "--priority", priority))) {
            Environment env = GskSide.client(dir, "client", s.clientKey(), m.root().certificate(),
                    new Options(p, s.clientSuite(), null));
            GskException ours;
            try (SocketChannel ch = GskSide.connect(srv.port, srv.process)) {
                Session session = GskSide.open(env, ch);
                ours = GskSide.failure(session);
                session.close();
            }
            srv.process.awaitOutput(o -> o.contains(e.peerSays())
                    && PeerAlerts.firstFatal(PeerAlerts.fromGnuTls(o), e.peerSent()) != null, PEER_WAIT);
            String text = srv.process.stdoutText() + "\n" + srv.process.stderrText();
            return new Outcome(ours, PeerAlerts.fromGnuTls(srv.process.stderrText()), text, null);
        }
    }

    // ---- gsk4j as server ----

    private Outcome serverVsOpenSsl(Setup s, TlsProtocol p) throws Exception {
        Material m = InteropPki.failures().trusted();
        Path root = Pem.certificates(dir.resolve("root.pem"), m.root().certificate());
        CredFiles client = s.clientKey() == null ? null : CredFiles.write(dir, "client", s.clientKey());
        Path trace = dir.resolve("s_client.trace");
        Environment env = GskSide.server(dir, "server", s.serverKey(), m.root().certificate(), s.requireClientCert(),
                new Options(p, s.serverSuite(), null));
        try (ServerSocketChannel listener = Loopback.listen();
                PeerProcess peer = PeerProcess.start("s_client", dir, args(
                        Peers.OPENSSL, "s_client", "-connect", "127.0.0.1:" + port(listener),
                        "-CAfile", root, "-verify", "5", "-verify_return_error", "-verify_hostname", "localhost",
                        client == null ? null : List.of("-cert", client.leaf(), "-key", client.key()),
                        OpenSsl.versionFlag(p), s.clientSuite() == null ? null : OpenSsl.suiteFlags(p, List.of(s.clientSuite())),
                        "-brief", "-ign_eof", "-nocommands", "-trace", "-msgfile", trace))) {
            GskException ours;
            try (SocketChannel ch = GskSide.accept(listener, peer)) {
                Session session = GskSide.open(env, ch);
                ours = GskSide.failure(session);
                session.close();
            }
            Integer exit = peer.awaitExit(PEER_WAIT);
            return new Outcome(ours, PeerAlerts.fromOpenSsl(OpenSslTrace.read(trace)), peer.stderrText(), exit);
        }
    }

    private Outcome serverVsGnuTls(Setup s, TlsProtocol p) throws Exception {
        Material m = InteropPki.failures().trusted();
        Path root = Pem.certificates(dir.resolve("root.pem"), m.root().certificate());
        CredFiles client = s.clientKey() == null ? null : CredFiles.write(dir, "client", s.clientKey());
        Path log = dir.resolve("gnutls-cli.log");
        String priority = GnuTls.priority(p) + (s.clientSuite() == null ? "" : ":-CIPHER-ALL:" + GnuTls.cipherOf(s.clientSuite()));
        Environment env = GskSide.server(dir, "server", s.serverKey(), m.root().certificate(), s.requireClientCert(),
                new Options(p, s.serverSuite(), null));
        try (ServerSocketChannel listener = Loopback.listen();
                PeerProcess peer = PeerProcess.start("gnutls-cli", dir, args(
                        Peers.GNUTLS_CLI, "-p", port(listener), "127.0.0.1", "--verify-hostname", "localhost",
                        "--x509cafile", root, client == null ? null : List.of("--x509certfile", client.chain(), "--x509keyfile", client.key()),
                        "--priority", priority, "-d", "5", "--logfile", log))) {
            GskException ours;
            try (SocketChannel ch = GskSide.accept(listener, peer)) {
                Session session = GskSide.open(env, ch);
                ours = GskSide.failure(session);
                session.close();
            }
            Integer exit = peer.awaitExit(PEER_WAIT);
            String text = (Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "") + "\n" + peer.stderrText();
            return new Outcome(ours, PeerAlerts.fromGnuTls(peer.stderrText()), text, exit);
        }
    }

    private static int port(ServerSocketChannel listener) throws java.io.IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    /** PEM files of one credential: leaf, the rest of its chain (null if none), whole chain, key. */
    record CredFiles(Path leaf, Path rest, Path chain, Path key) {
        static CredFiles write(Path dir, String name, Credential c) {
            java.security.cert.X509Certificate[] all = c.chain();
            return new CredFiles(
                    Pem.certificates(dir.resolve(name + "-leaf.pem"), c.leaf()),
                    all.length == 1 ? null : Pem.certificates(dir.resolve(name + "-rest.pem"), Arrays.copyOfRange(all, 1, all.length)),
                    Pem.certificates(dir.resolve(name + "-chain.pem"), all),
                    Pem.privateKey(dir.resolve(name + "-key.pem"), c.key(), c.leaf().getPublicKey()));
        }
    }
}
