package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.Engines;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handshakes that must fail, each with its exact status, against real peers on loopback. */
class HandshakeFailureTest {
    @TempDir
    Path dir;

    private Ca ca;
    private Path clientStore;
    /** What the JDK peer's own handshake said, for checking the alert it received. */
    private String peerSaw;

    @BeforeEach
    void pki() {
        ca = TestPki.rootCa("Failure CA", KeyType.RSA_2048);
        clientStore = Stores.pkcs12(dir, "client", null, ca.certificate());
    }

    /** Our client against a JDK server presenting {@code serverKey}; returns our status code. */
    private GskException clientAgainstJdk(Credential serverKey, Environment env) throws Exception {
        SSLContext jdk = JdkPeer.context(serverKey, ca.certificate());
        try (SSLServerSocket listener = (SSLServerSocket) jdk.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                    s.getInputStream().read();
                    return "no failure";
                } catch (java.io.IOException expected) {
                    return String.valueOf(expected.getMessage()); // the handshake fails on the peer too
                }
            });
            try (SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort()))) {
                Session session = env.openSession();
                session.attach(ch);
                session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
                GskException e = assertThrows(GskException.class, session::handshake);
                // errors are sticky: the same status again, without touching the socket
                assertEquals(e.code(), assertThrows(GskException.class, session::handshake).code());
                assertEquals(e.code(), assertThrows(GskException.class, () -> session.read(ByteBuffer.allocate(1))).code());
                session.close();
                assertTrue(ch.isOpen());
                peerSaw = peer.result();
                return e;
            }
        }
    }

    @Test
    void aSelfSignedServerIsNotTrusted() throws Exception {
        Credential self = TestPki.selfSigned("localhost", KeyType.RSA_2048, "localhost");
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        GskException e = clientAgainstJdk(self, env);
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), e.code());
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), e.validationCode());
        // the JDK has no unknown_ca for a trust manager's refusal: certificate_unknown is what it sends
        assertTrue(peerSaw.contains("certificate_unknown"), "the peer heard: " + peerSaw);
    }

    @Test
    void aChainToAnUnknownCaIsNotTrusted() throws Exception {
        Ca other = TestPki.rootCa("Some other CA", KeyType.RSA_2048);
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        GskException e = clientAgainstJdk(other.issueServer("localhost", KeyType.RSA_2048), env);
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), e.code());
    }

    @Test
    void anExpiredServerCertificateIsExpired() throws Exception {
        Instant now = Instant.now();
        Credential expired = ca.issue("localhost", KeyType.RSA_2048, now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)), true, false, "localhost");
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        env.close();
        // TLS 1.2: there JDK 17 lets our reason choose the alert (its TLS 1.3 path does not; Temurin 25 does)
        env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        env.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        env.init();
        GskException e = clientAgainstJdk(expired, env);
        assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED.code(), e.code());
        assertTrue(peerSaw.contains("certificate_expired"), "the peer should hear certificate_expired, heard: " + peerSaw);
    }

    @Test
    void anExpiredIntermediateIsExpired() throws Exception {
        Instant now = Instant.now();
        Ca expiredIntermediate = ca.intermediate("Expired issuing CA", KeyType.RSA_2048,
                now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)));
        // the leaf itself is within its dates; only the CA between it and the root is not
        Credential leaf = expiredIntermediate.issue("localhost", KeyType.RSA_2048, now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(30)), true, false, "localhost");
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        GskException e = clientAgainstJdk(leaf, env);
        assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED.code(), e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("Expired issuing CA"), e.getMessage());
    }

    @Test
    void everyConfiguredSuiteFilteredOutIsNoCiphers() throws Exception {
        // suites this JDK will not negotiate (NULL encryption, export RC4): nothing usable is left
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        env.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        env.set(BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX, "TLS_RSA_WITH_NULL_SHA256,TLS_ECDHE_RSA_WITH_NULL_SHA");
        org.junit.jupiter.api.Assumptions.assumeFalse(CipherSpec.TLS_RSA_WITH_NULL_SHA256.isEnabledByJdk(),
                "this JDK enables NULL suites");
        assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), assertThrows(GskException.class, env::init).code());
    }

    @Test
    void aSocketOfAnEstablishedSessionIsRefusedToASecondOne() throws Exception {
        Credential server = ca.issueServer("localhost", KeyType.RSA_2048, "localhost");
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", server, ca.certificate()));
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        try (Loopback link = Loopback.open()) {
            Session serverSession = serverEnv.openSession();
            serverSession.attach(link.server);
            JdkPeer.Running<Void> side = JdkPeer.start(() -> {
                serverSession.handshake();
                return null;
            });
            Session first = env.openSession();
            first.attach(link.client);
            first.handshake();
            side.result();
            Session second = env.openSession();
            second.attach(link.client);
            assertEquals(GskStatus.GSK_IBMI_ERROR_ALREADY_SECURE.code(), assertThrows(GskException.class, second::handshake).code());
            second.close();
            // the first session is untouched by the refused second one
            first.write(java.nio.ByteBuffer.wrap(new byte[] {42}));
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            serverSession.read(one);
            assertEquals(42, one.get(0));
            first.close();
            serverSession.close();
        }
    }

    @Test
    void anExpiredRootIsNoTrustAnchor() throws Exception {
        Instant now = Instant.now();
        Ca oldRoot = TestPki.rootCa("Old root", KeyType.RSA_2048, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(2)));
        Ca oldIntermediate = oldRoot.intermediate("Old issuing CA", KeyType.RSA_2048);
        Credential oldLeaf = oldIntermediate.issueServer("localhost", KeyType.RSA_2048, "localhost");
        Path store = Stores.pkcs12(dir, "client-old", null, oldRoot.certificate());
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, store);
        GskException e = clientAgainstJdk(oldLeaf, env);
        assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED.code(), e.code());
    }

    @Test
    void aPeerThatResetsTheConnectionIsAnIoErrorWithErrno() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            JdkPeer.Running<Void> peer = JdkPeer.start(() -> {
                try {
                    link.server.read(ByteBuffer.allocate(512));
                    link.server.setOption(java.net.StandardSocketOptions.SO_LINGER, 0); // close sends RST
                    link.server.close();
                } catch (java.io.IOException e) {
                    throw new RuntimeException(e);
                }
                return null;
            });
            GskException e = assertThrows(GskException.class, session::handshake);
            assertEquals(GskStatus.GSK_ERROR_IO.code(), e.code());
            assertEquals(Errno.ECONNRESET, e.errno().orElseThrow());
            peer.result();
            session.close();
        }
    }

    @Test
    void anInterruptedHandshakeReportsEintrAndResumes() throws Exception {
        Credential server = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        Path serverStore = Stores.pkcs12(dir, "server", server, ca.certificate());
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            Thread.currentThread().interrupt(); // arrives while the client waits for the ServerHello
            GskException e = assertThrows(GskException.class, session::handshake);
            assertEquals(GskStatus.GSK_ERROR_IO.code(), e.code());
            assertEquals(Errno.EINTR, e.errno().orElseThrow());
            assertTrue(link.client.isOpen(), "an interrupt must not close the caller's socket");
            // now the server answers, and the C-style retry of the same call completes the handshake
            Session serverSession = serverEnv.openSession();
            serverSession.attach(link.server);
            JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
                try {
                    serverSession.handshake();
                } catch (GskException x) {
                    throw new RuntimeException(x);
                }
                return null;
            });
            session.handshake();
            serverSide.result();
            assertEquals(SessionState.SECURE, session.state());
            session.close();
            serverSession.close();
        }
    }

    @Test
    void aCriticalServerRefusesAClientThatSendsNoCertificate() throws Exception {
        Credential server = ca.issueServer("localhost", KeyType.RSA_2048, "localhost");
        Path store = Stores.pkcs12(dir, "server", server, ca.certificate());
        Environment env = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL, store);
        // the JDK client's key is from a CA our server does not name in its request, so it sends none
        Ca stranger = TestPki.rootCa("Stranger CA", KeyType.RSA_2048);
        SSLContext jdk = JdkPeer.context(stranger.issueClient("mallory", KeyType.RSA_2048), ca.certificate());
        try (ServerSocketChannel listener = Loopback.listen()) {
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) jdk.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                    s.getInputStream().read(); // TLS 1.3: the refusal arrives after the client's Finished
                    return "no failure";
                } catch (java.io.IOException e) {
                    return String.valueOf(e.getMessage());
                }
            });
            try (SocketChannel ch = listener.accept()) {
                Session session = env.openSession();
                session.attach(ch);
                GskException e = assertThrows(GskException.class, session::handshake);
                assertEquals(GskStatus.GSK_ERROR_NO_CERTIFICATE.code(), e.code());
                session.close();
            }
            String seen = peer.result();
            assertTrue(seen.contains("certificate_required") || seen.contains("bad_certificate"), "the client heard: " + seen);
        }
    }

    @Test
    void aClientCertificateFromAnUnknownCaIsRefusedOnBothEnds() throws Exception {
        Credential server = ca.issueServer("localhost", KeyType.RSA_2048, "localhost");
        Path serverStore = Stores.pkcs12(dir, "server", server, ca.certificate());
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL, serverStore);
        Ca stranger = TestPki.rootCa("Stranger CA", KeyType.RSA_2048);
        // gsk4j presents its configured key whatever CAs the server names, as GSKit does
        Path mallory = Stores.pkcs12(dir, "mallory", stranger.issueClient("mallory", KeyType.RSA_2048), ca.certificate());
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, mallory);
        try (Loopback link = Loopback.open()) {
            Session serverSession = serverEnv.openSession();
            serverSession.attach(link.server);
            Session client = clientEnv.openSession();
            client.attach(link.client);
            client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            JdkPeer.Running<GskException> serverSide = JdkPeer.start(() -> {
                try {
                    serverSession.handshake();
                    return null;
                } catch (GskException e) {
                    return e;
                }
            });
            GskException clientSaw = null;
            try {
                client.handshake();
                // TLS 1.3: the client finishes first and learns of the refusal on its first read
                client.read(java.nio.ByteBuffer.allocate(1));
            } catch (GskException e) {
                clientSaw = e;
            }
            GskException serverSaw = serverSide.result();
            assertNotNull(serverSaw);
            assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), serverSaw.code());
            assertNotNull(clientSaw);
            assertEquals(GskStatus.GSK_ERROR_BAD_CERTIFICATE.code(), clientSaw.code(), clientSaw.getMessage());
            client.close();
            serverSession.close();
        }
    }

    @Test
    void passthruCompletesAndStillReportsWhatWasWrong() throws Exception {
        Credential self = TestPki.selfSigned("localhost", KeyType.EC_P256, "localhost");
        SSLContext jdk = JdkPeer.context(self);
        try (SSLServerSocket listener = (SSLServerSocket) jdk.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.getOutputStream().write("hi\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.getInputStream().read();
                    return "done";
                }
            });
            Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
            env.set(EnumAttribute.GSK_SERVER_AUTH_TYPE, EnumValue.GSK_SERVER_AUTH_PASSTHRU);
            env.init();
            try (SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort()))) {
                Session session = env.openSession();
                session.attach(ch);
                session.handshake();
                assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), session.validationCode());
                assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(),
                        session.getNumeric(NumericAttribute.GSK_LAST_VALIDATION_ERROR));
                session.close();
                assertEquals("done", peer.result());
            }
        }
    }

    @Test
    void noCipherInCommonAsClient() throws Exception {
        Engines.assumeNotBoringSsl(Engines.TLS13_SUITES);
        Credential server = ca.issueServer("localhost", KeyType.RSA_2048, "localhost");
        SSLContext jdk = JdkPeer.context(server, ca.certificate());
        try (SSLServerSocket listener = (SSLServerSocket) jdk.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setEnabledProtocols(new String[] {"TLSv1.3"});
            listener.setEnabledCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384"});
            JdkPeer.Running<Throwable> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.startHandshake();
                    return null;
                } catch (java.io.IOException e) {
                    return e;
                }
            });
            Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
            env.set(EnumAttribute.GSK_PROTOCOL_TLSV12, EnumValue.GSK_FALSE);
            env.set(BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX, "TLS_AES_128_GCM_SHA256");
            env.init();
            try (SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort()))) {
                Session session = env.openSession();
                session.attach(ch);
                GskException e = assertThrows(GskException.class, session::handshake);
                assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), e.code());
                session.close();
                assertNotNull(peer.result(), "the JDK server failed too");
            }
        }
    }

    @Test
    void noCipherInCommonAsServer() throws Exception {
        Engines.assumeNotBoringSsl(Engines.TLS13_SUITES);
        Credential server = ca.issueServer("localhost", KeyType.RSA_2048, "localhost");
        Path store = Stores.pkcs12(dir, "server", server, ca.certificate());
        Environment env = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, store);
        env.set(EnumAttribute.GSK_PROTOCOL_TLSV12, EnumValue.GSK_FALSE);
        env.set(BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX, "TLS_AES_256_GCM_SHA384");
        env.init();
        SSLContext jdk = JdkPeer.context(null, ca.certificate());
        try (ServerSocketChannel listener = Loopback.listen()) {
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            JdkPeer.Running<Throwable> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) jdk.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
                    s.setEnabledProtocols(new String[] {"TLSv1.3"});
                    s.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
                    s.startHandshake();
                    return null;
                } catch (java.io.IOException e) {
                    return e;
                }
            });
            try (SocketChannel ch = listener.accept()) {
                Session session = env.openSession();
                session.attach(ch);
                assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), assertThrows(GskException.class, session::handshake).code());
                session.close();
            }
            Throwable seen = peer.result();
            assertNotNull(seen);
            assertTrue(String.valueOf(seen.getMessage()).contains("handshake_failure"), String.valueOf(seen));
        }
    }

    @Test
    void aSilentPeerTimesOutTheHandshake() throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        env.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 1);
        env.init();
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            long started = System.nanoTime();
            GskException e = assertThrows(GskException.class, session::handshake);
            long waited = System.nanoTime() - started;
            assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(), e.code());
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(900), "gave up early: " + waited);
            assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(), assertThrows(GskException.class, session::handshake).code());
            session.close();
        }
    }

    @Test
    void aPeerThatClosesDuringTheHandshake() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            JdkPeer.Running<Void> peer = JdkPeer.start(() -> {
                try {
                    link.server.read(ByteBuffer.allocate(512)); // the ClientHello
                    link.server.close();
                } catch (java.io.IOException e) {
                    throw new RuntimeException(e);
                }
                return null;
            });
            GskException e = assertThrows(GskException.class, session::handshake);
            assertEquals(GskStatus.GSK_ERROR_SOCKET_CLOSED.code(), e.code());
            assertEquals(GskStatus.fromName("GSK_ERROR_CLOSED").orElseThrow().code(), e.code());
            peer.result();
            session.close();
        }
    }

    @Test
    void aPlaintextPeerIsABadMessage() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            JdkPeer.Running<Void> peer = JdkPeer.start(() -> {
                try {
                    link.server.read(ByteBuffer.allocate(512));
                    link.server.write(ByteBuffer.wrap(
                            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
                } catch (java.io.IOException e) {
                    throw new RuntimeException(e);
                }
                return null;
            });
            GskException e = assertThrows(GskException.class, session::handshake);
            assertEquals(GskStatus.GSK_ERROR_BAD_MESSAGE.code(), e.code());
            peer.result();
            session.close();
        }
    }

    @Test
    void aServerWithoutACertificateHasNoCertificate() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, clientStore);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.server);
            assertEquals(GskStatus.GSK_ERROR_NO_CERTIFICATE.code(), assertThrows(GskException.class, session::handshake).code());
            session.close();
        }
    }

    @Test
    void aSessionOfAnUninitialisedEnvironment() throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            assertEquals(GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE.code(),
                    assertThrows(GskException.class, session::handshake).code());
            // sticky like every failure: initialising the environment now does not revive this session
            env.init();
            assertEquals(GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE.code(),
                    assertThrows(GskException.class, session::handshake).code());
            assertEquals(GskStatus.GSK_INVALID_STATE.code(), assertThrows(GskException.class,
                    () -> session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 1)).code());
            session.close();
        }
    }

    @Test
    void onlyConnectedTcpStreamSocketsAreAccepted() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        try (DatagramChannel udp = DatagramChannel.open()) {
            udp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Session session = env.openSession();
            session.attach(udp);
            assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TCP.code(), assertThrows(GskException.class, session::handshake).code());
            session.close();
        }
        Path socketPath = dir.resolve("unix.sock");
        try (ServerSocketChannel unixListener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            unixListener.bind(UnixDomainSocketAddress.of(socketPath));
            try (SocketChannel unix = SocketChannel.open(UnixDomainSocketAddress.of(socketPath))) {
                Session session = env.openSession();
                session.attach(unix);
                assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TCP.code(), assertThrows(GskException.class, session::handshake).code());
                session.close();
            }
        }
        try (SocketChannel unconnected = SocketChannel.open()) {
            unconnected.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Session session = env.openSession();
            session.attach(unconnected);
            GskException e = assertThrows(GskException.class, session::handshake);
            assertEquals(GskStatus.GSK_ERROR_IO.code(), e.code());
            assertEquals(Errno.ENOTCONN, e.errno().orElseThrow());
            session.close();
        }
    }

    @Test
    void aSocketAlreadyCarryingASecureSessionIsRefused() throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        env.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 5);
        env.init();
        try (Loopback link = Loopback.open()) {
            Session first = env.openSession();
            first.attach(link.client);
            JdkPeer.Running<GskException> firstHandshake = JdkPeer.start(() -> {
                try {
                    first.handshake();
                    return null;
                } catch (GskException e) {
                    return e;
                }
            });
            link.server.read(ByteBuffer.allocate(512)); // the first session's ClientHello has gone out
            Session second = env.openSession();
            second.attach(link.client);
            assertEquals(GskStatus.GSK_IBMI_ERROR_ALREADY_SECURE.code(), assertThrows(GskException.class, second::handshake).code());
            second.close();
            first.close();
            firstHandshake.result();
        }
    }

    @Test
    void malformedCipherListsAreBadCiphers() throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        env.set(BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX, "TLS_NOPE");
        assertEquals(GskStatus.GSK_ERROR_BAD_V3_CIPHER.code(), assertThrows(GskException.class, env::init).code());

        Environment good = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        try (Loopback link = Loopback.open()) {
            Session session = good.openSession();
            session.attach(link.client);
            session.set(BufferAttribute.GSK_V3_CIPHER_SPECS, "2Z");
            assertEquals(GskStatus.GSK_ERROR_BAD_V3_CIPHER.code(), assertThrows(GskException.class, session::handshake).code());
            session.close();
        }
    }
}
