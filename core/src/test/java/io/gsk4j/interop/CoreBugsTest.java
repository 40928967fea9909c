package io.gsk4j.interop;

import static io.gsk4j.interop.PeerProcess.args;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gsk4j.CipherSpec;
import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.interop.GskSide.Options;
import io.gsk4j.interop.InteropPki.Failures;
import io.gsk4j.interop.InteropPki.Material;
import io.gsk4j.support.Loopback;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core bugs the interop runs found, one test each, kept as regression tests now that they are
 * fixed. (An open bug would be {@code @Disabled} here, and {@link InteropFailureTest} would
 * accept its wrong status for the same cells, printing "known core bug".)
 */
@ExtendWith(InteropTally.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CoreBugsTest {
    @TempDir
    Path dir;

    /**
     * A resumed session reports GSK_CERTIFICATE_VALIDATION_CODE 403 (GSK_ERROR_NO_CERTIFICATE):
     * always on the client, and on a server that asked for a client certificate, although
     * {@code peerCertificates()} holds the certificate that was validated when the session was
     * made. {@code Session.recordNegotiated} takes "no verdict" to mean "the peer sent no
     * certificate", but an abbreviated handshake judges no chain at all. Seen in every resumed
     * connection of {@link InteropMatrixTest}; reproduced here between two gsk4j ends.
     */
    @Test
    void resumedSessionsKeepTheirValidationCode() throws Exception {
        Material m = InteropPki.of(io.gsk4j.testpki.TestPki.KeyType.EC_P256);
        Environment serverEnv = GskSide.server(dir, "server", m.server(), m.root().certificate(), true, Options.of(TlsProtocol.TLSV12));
        Environment clientEnv = GskSide.client(dir, "client", m.client(), m.root().certificate(), Options.of(TlsProtocol.TLSV12));
        List<String> seen = new ArrayList<>();
        try (ServerSocketChannel listener = Loopback.listen()) {
            for (int i = 0; i < 2; i++) {
                try (SocketChannel c = SocketChannel.open(listener.getLocalAddress()); SocketChannel sc = listener.accept()) {
                    Session server = GskSide.open(serverEnv, sc);
                    Session client = GskSide.open(clientEnv, c);
                    CompletableFuture<Void> serverSide = CompletableFuture.runAsync(() -> {
                        try {
                            server.handshake();
                            server.write(ByteBuffer.wrap(new byte[] {1}));
                        } catch (GskException e) {
                            throw new RuntimeException(e);
                        }
                    });
                    client.handshake();
                    serverSide.get(20, TimeUnit.SECONDS);
                    GskSide.readFully(client, 1);
                    seen.add(client.getEnum(EnumAttribute.GSK_SID_FIRST) + " client " + client.validationCode()
                            + " " + client.getNumeric(NumericAttribute.GSK_LAST_VALIDATION_ERROR)
                            + " server " + server.validationCode());
                    client.close();
                    server.close();
                }
            }
        }
        assertEquals(List.of(EnumValue.GSK_SID_IS_FIRST + " client 0 0 server 0", EnumValue.GSK_SID_NOT_FIRST + " client 0 0 server 0"),
                seen);
    }

    /**
     * gsk4j as a TLS 1.3 server whose certificate OpenSSL's client refuses reports
     * GSK_ERROR_BAD_MAC (411) instead of the refusal. OpenSSL sends its unknown_ca (or
     * certificate_expired) alert before it switches to the handshake keys, so the record is a
     * plaintext alert ({@code 15 03 03 00 02 02 30}, see RFC 8446 section 5: such alerts arrive
     * unprotected); the JDK tries to decrypt it, fails with AEADBadTagException, and
     * ErrorMapper mapped that to BAD_MAC. TLS 1.2 gave the right 6000 / 107. Fixed: a 2-byte
     * fatal alert record is read in the clear before the engine sees it ({@code Alerts}).
     */
    @Test
    void aTls13ServerReportsWhyOpenSslRefusedItsCertificate() throws Exception {
        Peers.assumeOpenSslWithTrace();
        Failures x = InteropPki.failures();
        Path root = Pem.certificates(dir.resolve("root.pem"), x.trusted().root().certificate());
        Environment env = GskSide.server(dir, "server", x.strangerServer(), x.trusted().root().certificate(), false,
                Options.of(TlsProtocol.TLSV13));
        try (ServerSocketChannel listener = Loopback.listen();
                PeerProcess peer = PeerProcess.start("s_client", dir, args(Peers.OPENSSL, "s_client",
                        "-connect", "127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort(),
                        "-CAfile", root, "-verify", "5", "-verify_return_error", "-tls1_3", "-brief"));
                SocketChannel ch = GskSide.accept(listener, peer)) {
            Session s = GskSide.open(env, ch);
            GskException e = GskSide.failure(s);
            s.close();
            assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), e.code(), e.getMessage());
        }
    }

    /**
     * gsk4j as a TLS 1.2 client without a certificate, refused by a server that requires one:
     * OpenSSL says so with handshake_failure, which ErrorMapper maps to GSK_ERROR_NO_CIPHERS
     * (402, "no cipher in common") although the server asked for a certificate and we had
     * none. GnuTLS says so with decode_error, mapped to GSK_ERROR_BAD_MESSAGE (410). Both should
     * be GSK_ERROR_NO_CERTIFICATE (403), as they are in TLS 1.3 (certificate_required). Fix
     * idea: remember that the key manager was asked for a client certificate and had none;
     * then any fatal alert received after our (empty) Certificate message is NO_CERTIFICATE.
     */
    @Test
    void aTls12ClientWithoutCertificateRefusedByOpenSslHasNoCertificate() throws Exception {
        Peers.assumeOpenSslWithTrace();
        assertEquals(GskStatus.GSK_ERROR_NO_CERTIFICATE.code(), refusedClientWithoutCertificate(Peers.OPENSSL).code());
    }

    @Test
    void aTls12ClientWithoutCertificateRefusedByGnuTlsHasNoCertificate() throws Exception {
        Peers.assume(Peers.GNUTLS_SERV);
        assertEquals(GskStatus.GSK_ERROR_NO_CERTIFICATE.code(), refusedClientWithoutCertificate(Peers.GNUTLS_SERV).code());
    }

    private GskException refusedClientWithoutCertificate(String program) throws Exception {
        Material m = InteropPki.failures().trusted();
        InteropPki.PeerFiles f = m.write(dir);
        try (PeerServer srv = program.equals(Peers.OPENSSL)
                ? PeerServer.start("s_server", dir, args(Peers.OPENSSL, "s_server", "-accept", "127.0.0.1:0",
                        "-naccept", "1", "-cert", f.serverLeaf(), "-cert_chain", f.issuing(), "-key", f.serverKey(),
                        "-CAfile", f.root(), "-Verify", "1", "-verify_return_error", "-tls1_2", "-brief"))
                : PeerServer.start("gnutls-serv", dir, args(Peers.GNUTLS_SERV, "--echo", "-p", 0,
                        "--x509certfile", f.serverChain(), "--x509keyfile", f.serverKey(), "--x509cafile", f.root(),
                        "--require-client-cert", "--verify-client-cert", "--priority", GnuTls.priority(TlsProtocol.TLSV12)))) {
            Environment env = GskSide.client(dir, "client", null, m.root().certificate(),
                    new Options(TlsProtocol.TLSV12, CipherSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, null));
            try (SocketChannel ch = GskSide.connect(srv.port, srv.process)) {
                Session s = GskSide.open(env, ch);
                GskException e = GskSide.failure(s);
                s.close();
                return e;
            }
        }
    }
}
