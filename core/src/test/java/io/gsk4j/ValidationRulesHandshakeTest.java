package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import io.gsk4j.testpki.TestPki.Credential;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named rule's refusal reaches the program: a JDK server whose certificate has no authority
 * key identifier (the JDK itself accepts it) is refused with GSK_ERROR_CERT_VALIDATION, and
 * GSK_LAST_VALIDATION_ERROR names the rule, with FULL and with PASSTHRU authentication alike.
 */
class ValidationRulesHandshakeTest {
    @TempDir
    Path dir;

    private final Issued root = CertBuilder.ca("O=gsk4j tests,CN=Rules Root").rsa(2048).selfSigned();

    private GskException clientAgainst(Issued serverCert, EnumValue serverAuth) throws Exception {
        Credential server = new Credential(serverCert.key(), new X509Certificate[] {serverCert.cert()});
        SSLContext jdk = JdkPeer.context(server, root.cert());
        Path store = Stores.pkcs12(dir, "rules-client", null, root.cert());
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, store);
        env.set(EnumAttribute.GSK_SERVER_AUTH_TYPE, serverAuth);
        env.init();
        try (SSLServerSocket listener = (SSLServerSocket) jdk.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                    s.getInputStream().read();
                    return "no failure";
                } catch (java.io.IOException expected) {
                    return String.valueOf(expected.getMessage());
                }
            });
            try (SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort()))) {
                Session session = env.openSession();
                session.attach(ch);
                session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
                GskException e = assertThrows(GskException.class, session::handshake);
                assertEquals(e.validationCode(), session.getNumeric(NumericAttribute.GSK_LAST_VALIDATION_ERROR));
                session.close();
                peer.result();
                return e;
            }
        } finally {
            env.close();
        }
    }

    @Test
    void aServerCertificateWithoutAkiIsRefusedByName() throws Exception {
        Issued noAki = CertBuilder.server("CN=localhost", "localhost").without(Extension.authorityKeyIdentifier).issuedBy(root);
        for (EnumValue auth : new EnumValue[] {EnumValue.GSK_SERVER_AUTH_FULL, EnumValue.GSK_SERVER_AUTH_PASSTHRU}) {
            GskException e = clientAgainst(noAki, auth);
            assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), e.code(), e.getMessage());
            assertEquals(ValidationReason.AKI_MISSING.code(), e.validationCode(), e.getMessage());
        }
    }
}
