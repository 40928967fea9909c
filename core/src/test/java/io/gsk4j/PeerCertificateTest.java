package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.ByteArrayInputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peer's certificate: forged, unreadable, missing where required; and IPv6 sockets (usage note 1). */
class PeerCertificateTest {
    @TempDir
    Path dir;

    private Ca ca;
    private Path clientStore;

    @BeforeEach
    void pki() {
        ca = TestPki.rootCa("Peer cert CA", KeyType.EC_P256);
        clientStore = Stores.pkcs12(dir, "client", null, ca.certificate());
    }

    /** The same certificate with one bit of its signature flipped: it parses, but no key verifies it. */
    private static X509Certificate forged(X509Certificate real) throws Exception {
        byte[] der = real.getEncoded();
        der[der.length - 3] ^= 0x01;
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    @Test
    void aServerCertificateWithABadSignatureIsABadCertificate() throws Exception {
        Credential real = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        Credential forgedServer = new Credential(real.key(), new X509Certificate[] {forged(real.leaf())});
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", forgedServer));
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        try (Loopback link = Loopback.open()) {
            Session server = serverEnv.openSession();
            server.attach(link.server);
            server.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            JdkPeer.Running<Void> side = JdkPeer.start(() -> {
                try {
                    server.handshake();
                } catch (GskException refused) {
                    // the client's verdict is the subject here
                }
                return null;
            });
            Session client = clientEnv.openSession();
            client.attach(link.client);
            client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            GskException e = assertThrows(GskException.class, client::handshake);
            assertEquals(GskStatus.GSK_ERROR_BAD_CERTIFICATE.code(), e.code(), e.getMessage());
            assertEquals(GskStatus.GSK_ERROR_BAD_CERTIFICATE.code(), client.getNumeric(NumericAttribute.GSK_LAST_VALIDATION_ERROR));
            side.result();
            client.close();
            server.close();
        }
    }

    @Test
    void anUnreadableServerCertificateIsABadCertificate() throws Exception {
        // a TLS 1.2 ServerHello (TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, with renegotiation_info),
        // then a Certificate message whose one certificate is 16 bytes of nonsense
        String hello = "0303" + "22".repeat(32) + "00" + "C02B" + "00" + "0005" + "FF01000100";
        String helloMessage = "02" + String.format("%06X", hello.length() / 2) + hello;
        String certs = String.format("%06X", 16) + "AB".repeat(16);
        String certBody = String.format("%06X", certs.length() / 2) + certs;
        String certMessage = "0B" + String.format("%06X", certBody.length() / 2) + certBody;
        String handshake = helloMessage + certMessage;
        String record = "160303" + String.format("%04X", handshake.length() / 2) + handshake;
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            JdkPeer.Running<Void> peer = JdkPeer.start(() -> {
                link.server.read(ByteBuffer.allocate(4096));
                link.server.write(ByteBuffer.wrap(HexFormat.of().parseHex(record)));
                return null;
            });
            GskException e = assertThrows(GskException.class, session::handshake);
            assertEquals(GskStatus.GSK_ERROR_BAD_CERTIFICATE.code(), e.code(), e.getMessage());
            peer.result();
            session.close();
        }
    }

    @Test
    void aClientWithoutTheCertificateAServerRequiresHasNoCertificate() throws Exception {
        Credential server = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        SSLContext jdk = JdkPeer.context(server, ca.certificate());
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            try (SSLServerSocket listener = (SSLServerSocket) jdk.getServerSocketFactory()
                    .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                listener.setNeedClientAuth(true);
                listener.setEnabledProtocols(new String[] {protocol});
                JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                    try (SSLSocket s = (SSLSocket) listener.accept()) {
                        s.setSoTimeout(10_000);
                        s.startHandshake();
                        return "completed";
                    } catch (java.io.IOException e) {
                        return String.valueOf(e.getMessage());
                    }
                });
                Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
                try (SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        listener.getLocalPort()))) {
                    Session session = env.openSession();
                    session.attach(ch);
                    session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
                    GskException e;
                    try {
                        session.handshake();
                        // TLS 1.3: the client finishes first and hears the refusal on its first read
                        e = assertThrows(GskException.class, () -> session.read(ByteBuffer.allocate(1)));
                    } catch (GskException refused) {
                        e = refused;
                    }
                    assertEquals(GskStatus.GSK_ERROR_NO_CERTIFICATE.code(), e.code(), protocol + ": " + e.getMessage());
                    session.close();
                }
                peer.result();
            }
        }
    }

    @Test
    void aSessionStoreWithAWrongPasswordCannotBeOpened() throws Exception {
        Credential server = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        Path store = Stores.pkcs12(dir, "server", server, ca.certificate());
        Environment env = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, store);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.server);
            session.set(BufferAttribute.GSK_KEYRING_PW, "not the password");
            assertEquals(GskStatus.GSK_KEYRING_OPEN_ERROR.code(), assertThrows(GskException.class, session::handshake).code());
            session.close();
        }
    }

    @Test
    void bothAddressFamiliesWork() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        assumeTrue(v6 instanceof Inet6Address && NetworkInterface.getByInetAddress(v6) != null,
                "this machine has no IPv6 loopback");
        Credential server = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", server, ca.certificate()));
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        for (InetAddress address : new InetAddress[] {InetAddress.getByName("127.0.0.1"), v6}) {
            try (ServerSocketChannel listener = ServerSocketChannel.open()) {
                listener.bind(new InetSocketAddress(address, 0));
                try (SocketChannel c = SocketChannel.open(listener.getLocalAddress()); SocketChannel s = listener.accept()) {
                    Session serverSession = serverEnv.openSession();
                    serverSession.attach(s);
                    JdkPeer.Running<Void> side = JdkPeer.start(() -> {
                        serverSession.handshake();
                        return null;
                    });
                    Session client = clientEnv.openSession();
                    client.attach(c);
                    client.handshake();
                    side.result();
                    assertEquals(SessionState.SECURE, client.state(), address.toString());
                    client.close();
                    serverSession.close();
                }
            }
        }
    }
}
