package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocols, suites and signature algorithms a handshake offers are worked out once per
 * environment (issue 16); a session that sets its own still gets exactly its own, before and
 * after sessions of the same environment that kept the environment's.
 */
class SessionOverridesTest {
    @TempDir
    Path dir;

    private Environment serverEnv;
    private Path clientStore;

    /** What one handshake negotiated: "TLSv1.3 TLS_AES_128_GCM_SHA256", or "failed 6000" (its code). */
    private String handshake(Environment clientEnv, SessionSetting setting) throws Exception {
        try (Loopback link = Loopback.open()) {
            Session server = serverEnv.openSession();
            Session client = clientEnv.openSession();
            try {
                setting.apply(client);
                server.attach(link.server);
                client.attach(link.client);
                JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
                    server.handshake();
                    return null;
                });
                try {
                    client.handshake();
                } catch (GskException e) {
                    client.close();
                    link.client.close(); // the server, perhaps still waiting for a hello, sees the end
                    serverSide.failure();
                    return "failed " + e.code();
                }
                serverSide.result();
                return client.protocol().orElseThrow().jdkName() + " " + client.getBuffer(BufferAttribute.GSK_CONNECT_CIPHER_SPEC_EX);
            } finally {
                client.close();
                server.close();
            }
        }
    }

    private interface SessionSetting {
        void apply(Session s) throws GskException;
    }

    private static final SessionSetting NONE = s -> { };

    @BeforeEach
    void server() throws Exception {
        // an RSA CA over an ECDSA server key: GSK_SSL_EXTN_SIGALG can refuse the certificate and keep the handshake's own signature
        Ca ca = TestPki.rootCa("Overrides CA", KeyType.RSA_2048);
        Path serverStore = Stores.pkcs12(dir, "server", ca.issueServer("localhost", KeyType.EC_P256, "localhost"), ca.certificate());
        clientStore = Stores.pkcs12(dir, "client", null, ca.certificate());
        serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
    }

    @Test
    void aSessionsProtocolSwitchesWinInEitherDirection() throws Exception {
        Environment both = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        String usual = handshake(both, NONE);
        assertTrue(usual.startsWith("TLSv1.3 "), usual);
        assertTrue(handshake(both, s -> s.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE)).startsWith("TLSv1.2 "));
        assertEquals(usual, handshake(both, NONE), "the environment's sessions are unchanged");

        Environment only12 = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        only12.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        only12.init();
        assertTrue(handshake(only12, NONE).startsWith("TLSv1.2 "));
        assertTrue(handshake(only12, s -> s.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_TRUE)).startsWith("TLSv1.3 "));
        assertTrue(handshake(only12, NONE).startsWith("TLSv1.2 "));
    }

    @Test
    void aSessionsCipherListWins() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        String usual = handshake(env, NONE);
        String chacha = "TLSv1.3 " + CipherSpec.TLS_CHACHA20_POLY1305_SHA256.gskName();
        assertNotEquals(chacha, usual, "the test needs a default other than ChaCha20");
        assertEquals(chacha, handshake(env, s -> s.set(BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX, "TLS_CHACHA20_POLY1305_SHA256")));
        assertEquals(usual, handshake(env, NONE));
        // the same list, set by the session to what the environment has, changes nothing
        Environment listed = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        listed.set(BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX, "TLS_CHACHA20_POLY1305_SHA256");
        listed.init();
        assertEquals(chacha, handshake(listed, NONE));
        assertEquals(chacha, handshake(listed, s -> s.set(BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX, "TLS_CHACHA20_POLY1305_SHA256")));
        assertEquals("TLSv1.3 " + CipherSpec.TLS_AES_256_GCM_SHA384.gskName(),
                handshake(listed, s -> s.set(BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX, "TLS_AES_256_GCM_SHA384")));
    }

    @Test
    void aSessionsSignatureAlgorithmsWin() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        String usual = handshake(env, NONE);
        assertTrue(usual.startsWith("TLSv1.3 "), usual);
        // the server's certificate is signed with SHA256withRSA: ECDSA alone refuses it
        String refused = handshake(env, s -> s.set(BufferAttribute.GSK_SSL_EXTN_SIGALG, "ECDSA_SHA256"));
        assertEquals("failed " + GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE.code(), refused);
        assertEquals(usual, handshake(env, NONE));
        assertEquals(usual, handshake(env, s -> s.set(BufferAttribute.GSK_SSL_EXTN_SIGALG, "ECDSA_SHA256,RSA_SHA256")));
        // and the other way: the environment's list refuses, the session's accepts
        Environment strict = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        strict.set(BufferAttribute.GSK_SSL_EXTN_SIGALG, "ECDSA_SHA256");
        strict.init();
        assertEquals(refused, handshake(strict, NONE));
        assertEquals(usual, handshake(strict, s -> s.set(BufferAttribute.GSK_SSL_EXTN_SIGALG, "ECDSA_SHA256,RSA_SHA256")));
        assertEquals(refused, handshake(strict, NONE));
    }
}
