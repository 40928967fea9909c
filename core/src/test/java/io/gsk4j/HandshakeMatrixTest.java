package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Successful handshakes against the JDK's own SSLSocket as the independent peer:
 * TLS 1.3 and 1.2 × RSA and ECDSA × our side as client and as server × with and without
 * client authentication, with data both ways and an orderly close both ways.
 */
class HandshakeMatrixTest {
    @TempDir
    Path dir;

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            for (KeyType key : new KeyType[] {KeyType.RSA_2048, KeyType.EC_P256}) {
                for (boolean clientAuth : new boolean[] {false, true}) {
                    out.add(Arguments.of(protocol, key, clientAuth));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "gsk4j client, {0}, {1}, client auth {2}")
    @MethodSource("matrix")
    void ourClientAgainstJdkServer(String protocol, KeyType keyType, boolean clientAuth) throws Exception {
        Ca ca = TestPki.rootCa("Matrix CA", keyType);
        Credential server = ca.issueServer("localhost", keyType, "localhost", "127.0.0.1");
        Credential client = ca.issueClient("matrix client", keyType);
        SSLContext jdk = JdkPeer.context(server, ca.certificate());
        try (SSLServerSocket listener = (SSLServerSocket) jdk.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setEnabledProtocols(new String[] {protocol});
            listener.setNeedClientAuth(clientAuth);
            JdkPeer.Running<String[]> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(20_000);
                    String got = readLine(s.getInputStream());
                    s.getOutputStream().write("pong from jdk\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    int eof = s.getInputStream().read(); // our close_notify ends the stream
                    String peerSubject = clientAuth
                            ? ((java.security.cert.X509Certificate) s.getSession().getPeerCertificates()[0])
                                    .getSubjectX500Principal().getName() : "";
                    return new String[] {got, s.getSession().getCipherSuite(), s.getSession().getProtocol(),
                            String.valueOf(eof), peerSubject};
                }
            });
            Path store = Stores.pkcs12(dir, "client", clientAuth ? client : null, ca.certificate());
            try (Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, store);
                    SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                            listener.getLocalPort()))) {
                if (protocol.equals("TLSv1.2")) {
                    env.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
                }
                env.init();
                Session session = env.openSession();
                session.attach(ch);
                session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
                session.handshake();

                assertEquals(protocol, session.protocol().orElseThrow().jdkName());
                session.write(ByteBuffer.wrap("ping from gsk4j\n".getBytes(StandardCharsets.US_ASCII)));
                assertEquals("pong from jdk", readLine(session));
                assertArrayEquals(server.leaf().getEncoded(), session.peerCertificates().get(0).getEncoded());
                assertEquals(0, session.validationCode());
                session.close();
                assertTrue(ch.isOpen(), "gsk_secure_soc_close must leave the socket open");

                String[] seen = peer.result();
                assertEquals("ping from gsk4j", seen[0]);
                assertEquals(CipherSpec.fromJdkName(seen[1]).orElseThrow().gskName(), session.cipherSpec());
                assertEquals(protocol, seen[2]);
                assertEquals("-1", seen[3], "the JDK peer saw our close_notify as end of stream");
                if (clientAuth) {
                    assertEquals(client.leaf().getSubjectX500Principal().getName(), seen[4]);
                }
            }
        }
    }

    @ParameterizedTest(name = "gsk4j server, {0}, {1}, client auth {2}")
    @MethodSource("matrix")
    void ourServerAgainstJdkClient(String protocol, KeyType keyType, boolean clientAuth) throws Exception {
        Ca ca = TestPki.rootCa("Matrix CA", keyType);
        Credential server = ca.issueServer("localhost", keyType, "localhost");
        Credential client = ca.issueClient("matrix client", keyType);
        SSLContext jdk = JdkPeer.context(clientAuth ? client : null, ca.certificate());
        Path store = Stores.pkcs12(dir, "server", server, ca.certificate());
        EnumValue type = clientAuth ? EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL : EnumValue.GSK_SERVER_SESSION;
        try (ServerSocketChannel listener = Loopback.listen();
                Environment env = Stores.initialised(dir, type, store)) {
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            JdkPeer.Running<String[]> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) jdk.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
                    s.setSoTimeout(20_000);
                    s.setEnabledProtocols(new String[] {protocol});
                    s.getOutputStream().write("ping from jdk\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    String got = readLine(s.getInputStream());
                    int eof = s.getInputStream().read();
                    return new String[] {got, s.getSession().getCipherSuite(), String.valueOf(eof)};
                }
            });
            try (SocketChannel ch = listener.accept()) {
                Session session = env.openSession();
                session.attach(ch);
                session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
                session.handshake();
                assertEquals(protocol, session.protocol().orElseThrow().jdkName());
                assertEquals("ping from jdk", readLine(session));
                session.write(ByteBuffer.wrap("pong from gsk4j\n".getBytes(StandardCharsets.US_ASCII)));
                if (clientAuth) {
                    assertArrayEquals(client.leaf().getEncoded(), session.peerCertificates().get(0).getEncoded());
                    assertEquals(0, session.validationCode());
                } else {
                    assertTrue(session.peerCertificates().isEmpty());
                }
                session.close();
                assertTrue(ch.isOpen());
                String[] seen = peer.result();
                assertEquals("pong from gsk4j", seen[0]);
                assertEquals(CipherSpec.fromJdkName(seen[1]).orElseThrow().gskName(), session.cipherSpec());
                assertEquals("-1", seen[2]);
            }
        }
    }

    static String readLine(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            sb.append((char) c);
        }
        return sb.toString();
    }

    static String readLine(Session session) throws Exception {
        StringBuilder sb = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (true) {
            one.clear();
            if (session.read(one) < 0) {
                return sb.toString();
            }
            char c = (char) one.get(0);
            if (c == '\n') {
                return sb.toString();
            }
            sb.append(c);
        }
    }

}
