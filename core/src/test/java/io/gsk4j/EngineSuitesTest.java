package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suites the JDK implements but IBM i does not list (issue 11 item 13): a program can name
 * them in every cipher attribute form, a JDK peer offering only such a suite completes a
 * handshake, and the default lists still leave them out.
 */
class EngineSuitesTest {
    @TempDir
    Path dir;

    private final Ca ca = TestPki.rootCa("Engine suites CA", KeyType.EC_P256);

    /** A gsk4j server configured by {@code setup}, a JDK client offering only {@code suite} over TLS 1.2. */
    private String serve(KeyType key, String suite, EnvSetup setup, String expectShortCode) throws Exception {
        Path store = Stores.pkcs12(dir, "server-" + key, ca.issueServer("localhost", key, "localhost"), ca.certificate());
        Environment env = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, store);
        env.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        setup.apply(env);
        env.init();
        SSLContext jdk = JdkPeer.context(null, ca.certificate());
        try (ServerSocketChannel listener = Loopback.listen()) {
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) jdk.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
                    s.setEnabledProtocols(new String[] {"TLSv1.2"});
                    s.setEnabledCipherSuites(new String[] {suite});
                    s.startHandshake();
                    return s.getSession().getCipherSuite();
                } catch (IOException e) {
                    return "failed: " + e;
                }
            });
            try (SocketChannel ch = listener.accept()) {
                Session session = env.openSession();
                session.attach(ch);
                session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
                try {
                    session.handshake();
                    assertEquals(suite, peer.result());
                    assertEquals(suite, session.getBuffer(BufferAttribute.GSK_CONNECT_CIPHER_SPEC_EX));
                    assertEquals(expectShortCode, session.getBuffer(BufferAttribute.GSK_CONNECT_CIPHER_SPEC));
                    return suite;
                } catch (GskException e) {
                    peer.result();
                    throw e;
                } finally {
                    session.close();
                }
            }
        }
    }

    interface EnvSetup {
        void apply(Environment env) throws GskException;
    }

    private static void assumeEnabled(CipherSpec c) {
        assumeTrue(c.isEnabledByJdk(), "this JDK disables " + c.gskName());
    }

    @Test
    void anEcdheEcdsaCbcSuiteIsNameableInTheTls12List() throws Exception {
        CipherSpec c = CipherSpec.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA;
        assumeEnabled(c);
        assertFalse(c.isIbmSuite());
        serve(KeyType.EC_P256, c.gskName(),
                env -> env.set(BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX, c.gskName()), "C009");
    }

    @Test
    void anEcdheRsaCbcSuiteIsNameableInTheSharedSslv3List() throws Exception {
        CipherSpec c = CipherSpec.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA;
        assumeEnabled(c);
        serve(KeyType.RSA_2048, c.gskName(),
                env -> env.set(BufferAttribute.GSK_V3_CIPHER_SPECS_EX, c.gskName()), "C013");
    }

    @Test
    void aDheRsaSuiteIsNameableByItsTwoCharacterCode() throws Exception {
        CipherSpec c = CipherSpec.TLS_DHE_RSA_WITH_AES_128_CBC_SHA;
        assumeEnabled(c);
        serve(KeyType.RSA_2048, c.gskName(), env -> env.set(BufferAttribute.GSK_V3_CIPHER_SPECS, "33"), "33");
    }

    @Test
    void aDheRsaSuiteKeepsItsJdkSpellingAlias() throws Exception {
        // the JDK spells 0x0016 with SSL_; both spellings name it, the session reports the IANA name
        CipherSpec c = CipherSpec.TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA;
        assertEquals("SSL_DHE_RSA_WITH_3DES_EDE_CBC_SHA", c.jdkName());
        assertEquals(c, CipherSpec.fromName("SSL_DHE_RSA_WITH_3DES_EDE_CBC_SHA").orElseThrow());
        assertEquals(c, CipherSpec.fromName("TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA").orElseThrow());
    }

    @Test
    void theDefaultListsStayIbms() throws Exception {
        // a peer offering only a suite outside IBM's table finds nothing in common with a default server
        CipherSpec c = CipherSpec.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA;
        assumeEnabled(c);
        for (TlsProtocol p : TlsProtocol.values()) {
            for (CipherSpec d : CipherSpec.defaultList(p)) {
                assertTrue(d.isIbmSuite(), d.name() + " in the default list for " + p);
            }
        }
        GskException e = assertThrows(GskException.class, () -> serve(KeyType.EC_P256, c.gskName(), env -> { }, null));
        assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), e.code(), e.getMessage());
    }
}
