package io.gsk4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * GSK_EXTENDED_RENEGOTIATION_CRITICAL_CLIENT / _SERVER against GnuTLS told to omit RFC 5746
 * ({@code %DISABLE_SAFE_RENEGOTIATION}): refused when required, accepted when not.
 */
@Timeout(60)
class RenegotiationIndicationTest {
    private static final String LEGACY = "NORMAL:-VERS-TLS1.3:%DISABLE_SAFE_RENEGOTIATION";
    private static final String SAFE = "NORMAL:-VERS-TLS1.3";

    @TempDir
    Path dir;

    private Ca ca;
    private Credential server;

    @BeforeEach
    void pki() {
        Peers.assume(Peers.GNUTLS_SERV);
        Peers.assume(Peers.GNUTLS_CLI);
        ca = TestPki.rootCa("RI CA", KeyType.EC_P256);
        server = ca.issueServer("localhost", KeyType.EC_P256, "localhost", "127.0.0.1");
    }

    /** Our client, with or without the critical switch, against gnutls-serv with {@code priority}. */
    private GskException clientAgainstGnutls(String priority, boolean critical) throws Exception {
        Path cert = Pem.certificates(dir.resolve("server.pem"), server.chain());
        Path key = Pem.privateKey(dir.resolve("server.key"), server.key(), server.leaf().getPublicKey());
        try (PeerServer peer = PeerServer.start("gnutls-serv", dir, List.of("gnutls-serv", "--port=0", "--echo",
                "--x509certfile=" + cert, "--x509keyfile=" + key, "--priority=" + priority))) {
            int port = peer.port;
            Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION,
                    Stores.pkcs12(dir, "client", null, ca.certificate()));
            if (critical) {
                env.set(EnumAttribute.GSK_EXTENDED_RENEGOTIATION_CRITICAL_CLIENT, EnumValue.GSK_TRUE);
            }
            env.init();
            try (SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                Session session = env.openSession();
                session.attach(ch);
                session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
                try {
                    session.handshake();
                    assertEquals(TlsProtocol.TLSV12, session.protocol().orElseThrow());
                    return null;
                } catch (GskException e) {
                    return e;
                } finally {
                    session.close();
                }
            }
        }
    }

    @Test
    void aServerWithoutTheIndicationIsRefusedWhenItIsRequired() throws Exception {
        GskException e = clientAgainstGnutls(LEGACY, true);
        assertEquals(GskStatus.GSK_ERROR_NO_RI_INDICATION.code(), e == null ? 0 : e.code());
    }

    @Test
    void theSameServerIsAcceptedWhenTheIndicationIsNotRequired() throws Exception {
        assertEquals(null, clientAgainstGnutls(LEGACY, false));
    }

    @Test
    void aServerWithTheIndicationPassesTheRequirement() throws Exception {
        assertEquals(null, clientAgainstGnutls(SAFE, true));
    }

    /** Our server, with or without the critical switch, against gnutls-cli with {@code priority}. */
    private GskException serverAgainstGnutls(String priority, boolean critical) throws Exception {
        Path store = Stores.pkcs12(dir, "server", server, ca.certificate());
        Environment env = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, store);
        if (critical) {
            env.set(EnumAttribute.GSK_EXTENDED_RENEGOTIATION_CRITICAL_SERVER, EnumValue.GSK_TRUE);
        }
        env.init();
        try (ServerSocketChannel listener = Loopback.listen()) {
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            try (PeerProcess peer = PeerProcess.start("gnutls-cli", dir, List.of("gnutls-cli", "--port=" + port, "--insecure",
                    "--priority=" + priority, "127.0.0.1"))) {
                try (SocketChannel ch = listener.accept()) {
                    Session session = env.openSession();
                    session.attach(ch);
                    session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
                    try {
                        session.handshake();
                        return null;
                    } catch (GskException e) {
                        return e;
                    } finally {
                        session.close();
                    }
                }
            }
        }
    }

    @Test
    void aClientWithoutTheIndicationIsRefusedWhenItIsRequired() throws Exception {
        GskException e = serverAgainstGnutls(LEGACY, true);
        assertEquals(GskStatus.GSK_ERROR_NO_RI_INDICATION.code(), e == null ? 0 : e.code());
    }

    @Test
    void theSameClientIsAcceptedWhenTheIndicationIsNotRequired() throws Exception {
        assertEquals(null, serverAgainstGnutls(LEGACY, false));
    }
}
