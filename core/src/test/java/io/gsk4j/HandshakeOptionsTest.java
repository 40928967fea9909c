package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cipher order, SNI, legacy cipher lists and session-level store settings, against real peers. */
class HandshakeOptionsTest {
    @TempDir
    Path dir;

    private Ca ca;
    private Credential server;
    private Path serverStore;
    private Path clientStore;

    @BeforeEach
    void pki() {
        ca = TestPki.rootCa("Options CA", KeyType.EC_P256);
        server = ca.issueServer("localhost", KeyType.EC_P256, "localhost", "gsk4j.test");
        serverStore = Stores.pkcs12(dir, "server", server, ca.certificate());
        clientStore = Stores.pkcs12(dir, "client", null, ca.certificate());
    }

    /** Our server against a JDK client configured by {@code client}; returns the server session. */
    private Session serveOne(Environment env, java.util.function.Consumer<SSLSocket> client) throws Exception {
        SSLContext jdk = JdkPeer.context(null, ca.certificate());
        try (ServerSocketChannel listener = Loopback.listen()) {
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) jdk.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
                    client.accept(s);
                    s.startHandshake();
                    return s.getSession().getCipherSuite();
                }
            });
            try (SocketChannel ch = listener.accept()) {
                Session session = env.openSession();
                session.attach(ch);
                session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
                session.handshake();
                String peerSuite = peer.result();
                assertEquals(CipherSpec.fromJdkName(peerSuite).orElseThrow().gskName(), session.cipherSpec());
                return session; // still open: the caller reads its attributes, then closes it
            }
        }
    }

    @Test
    void theServersOwnOrderDecides() throws Exception {
        // usage note 2: the client offers A,B; the server prefers B,A; B is chosen
        String a = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
        String b = "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
        Environment env = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        env.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        env.set(BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX, b + "," + a);
        env.init();
        Session s = serveOne(env, sock -> {
            sock.setEnabledProtocols(new String[] {"TLSv1.2"});
            sock.setEnabledCipherSuites(new String[] {a, b});
        });
        assertEquals(b, s.cipherSpec());
        s.close();

        Environment reversed = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        reversed.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        reversed.set(BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX, a + "," + b);
        reversed.init();
        Session r = serveOne(reversed, sock -> {
            sock.setEnabledProtocols(new String[] {"TLSv1.2"});
            sock.setEnabledCipherSuites(new String[] {b, a});
        });
        assertEquals(a, r.cipherSpec());
        r.close();
    }

    @Test
    void theServerReadsTheNameTheClientSent() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        Session s = serveOne(env, sock -> {
            SSLParameters p = sock.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName("gsk4j.test")));
            sock.setSSLParameters(p);
        });
        assertEquals("gsk4j.test", s.getBuffer(BufferAttribute.GSK_SSL_EXTN_SERVERNAME));
        s.close();
    }

    @Test
    void aCriticalNameListRefusesOtherNames() throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        env.set(BufferAttribute.GSK_SSL_EXTN_SERVERNAME_CRITICAL_LIST, "only.example");
        env.init();
        SSLContext jdk = JdkPeer.context(null, ca.certificate());
        try (ServerSocketChannel listener = Loopback.listen()) {
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) jdk.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
                    SSLParameters p = s.getSSLParameters();
                    p.setServerNames(List.of(new SNIHostName("gsk4j.test")));
                    s.setSSLParameters(p);
                    s.startHandshake();
                    return "completed";
                } catch (java.io.IOException e) {
                    return e.getMessage();
                }
            });
            try (SocketChannel ch = listener.accept()) {
                Session session = env.openSession();
                session.attach(ch);
                GskException e = assertThrows(GskException.class, session::handshake);
                assertEquals(GskStatus.GSK_ERROR_BAD_PEER.code(), e.code(), e.getMessage());
                session.close();
            }
            String seen = peer.result();
            assertEquals(true, seen.contains("unrecognized_name"), seen);
        }
    }

    @Test
    void theClientSendsTheConfiguredNameAndAcceptsAnIpLiteral() throws Exception {
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        for (String name : new String[] {"gsk4j.test", "127.0.0.1"}) {
            try (Loopback link = Loopback.open()) {
                Session server = serverEnv.openSession();
                server.attach(link.server);
                Session client = clientEnv.openSession();
                client.attach(link.client);
                client.set(BufferAttribute.GSK_SSL_EXTN_SERVERNAME_REQUEST, name);
                JdkPeer.Running<Void> side = JdkPeer.start(() -> {
                    server.handshake();
                    return null;
                });
                client.handshake();
                side.result();
                // an IP literal is accepted as the attribute, but RFC 6066 keeps it out of SNI
                String expected = name.equals("127.0.0.1") ? "" : name;
                assertEquals(expected, server.getBuffer(BufferAttribute.GSK_SSL_EXTN_SERVERNAME));
                client.close();
                server.close();
            }
        }
    }

    @Test
    void theOldTwoCharacterListStillWorks() throws Exception {
        CipherSpec legacy = CipherSpec.TLS_RSA_WITH_AES_128_GCM_SHA256;
        assumeTrue(legacy.isEnabledByJdk(), "this JDK disables " + legacy.gskName());
        Credential rsa = ca.issueServer("localhost", KeyType.RSA_2048, "localhost");
        Path rsaStore = Stores.pkcs12(dir, "rsa", rsa, ca.certificate());
        Environment env = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, rsaStore);
        env.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        env.set(BufferAttribute.GSK_V3_CIPHER_SPECS, "9C");
        env.init();
        Session s = serveOne(env, sock -> sock.setEnabledProtocols(new String[] {"TLSv1.2"}));
        assertEquals(legacy.gskName(), s.cipherSpec());
        assertEquals("9C", s.getBuffer(BufferAttribute.GSK_CONNECT_CIPHER_SPEC));
        s.close();
    }

    @Test
    void aSessionLabelNamingNoKeyIsABadLabel() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.server);
            session.set(BufferAttribute.GSK_KEYRING_LABEL, "no-such-label");
            assertEquals(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL.code(),
                    assertThrows(GskException.class, session::handshake).code());
            session.close();
        }
    }

    @Test
    void aSessionStoreThatVanishedCannotBeOpened() throws Exception {
        Path copy = Files.copy(serverStore, dir.resolve("copy.p12"));
        Environment env = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.server);
            session.set(BufferAttribute.GSK_KEYRING_FILE, copy.toString());
            Files.delete(copy);
            assertEquals(GskStatus.GSK_KEYRING_OPEN_ERROR.code(), assertThrows(GskException.class, session::handshake).code());
            session.close();
        }
    }

    @Test
    void storeFailuresAtEnvironmentInit() throws Exception {
        Environment wrongPassword = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        wrongPassword.set(BufferAttribute.GSK_KEYRING_PW, "not the password");
        assertEquals(GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD.code(), assertThrows(GskException.class, wrongPassword::init).code());

        Environment missingLabel = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        missingLabel.set(BufferAttribute.GSK_KEYRING_LABEL, "absent");
        assertEquals(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL.code(), assertThrows(GskException.class, missingLabel::init).code());

        Environment missingFile = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, dir.resolve("nothing.p12"));
        assertEquals(GskStatus.GSK_KEYRING_OPEN_ERROR.code(), assertThrows(GskException.class, missingFile::init).code());

        Environment unknownApp = Environment.open(io.gsk4j.StoreLocations.under(dir.resolve("home")));
        unknownApp.set(BufferAttribute.GSK_IBMI_APPLICATION_ID, "QIBM_NOT_REGISTERED");
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_REGISTERED.code(), assertThrows(GskException.class, unknownApp::init).code());
    }
}
