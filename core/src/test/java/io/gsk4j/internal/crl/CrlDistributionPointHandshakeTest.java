package io.gsk4j.internal.crl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.validation.ValidationReason;
import io.gsk4j.support.GskPair;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import io.gsk4j.testpki.CrlBuilder;
import io.gsk4j.testpki.TestPki.Credential;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GSK4J_CRL_DP_ENABLE over real handshakes: the server's certificate names a CRL distribution
 * point served on loopback with a CRL the test PKI signed; revoked is 8 / 575032, a fetched list
 * is cached, and an unreachable point soft-fails as OCSP does (GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT).
 */
class CrlDistributionPointHandshakeTest {
    @TempDir
    Path dir;

    private final Issued root = CertBuilder.ca("O=gsk4j tests,CN=CDP Root").rsa(2048).selfSigned();
    private final AtomicReference<byte[]> served = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer http;

    @BeforeEach
    void serveCrls() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/root.crl", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get();
            exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    private Issued serverNaming(String crlUrl) {
        CRLDistPoint cdp = new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)});
        return CertBuilder.server("CN=localhost", "localhost").extension(Extension.cRLDistributionPoints, false, cdp).issuedBy(root);
    }

    private GskPair.Outcome connect(Issued leaf, Environment client) throws Exception {
        Environment server = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server" + System.nanoTime(), new Credential(leaf.key(), new X509Certificate[] {leaf.cert()})));
        return GskPair.connect(server, client);
    }

    private Environment client(boolean fetch) throws GskException {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client" + System.nanoTime(), null, root.cert()));
        env.set(EnumAttribute.GSK4J_CRL_DP_ENABLE, fetch ? EnumValue.GSK_TRUE : EnumValue.GSK_FALSE);
        env.set(NumericAttribute.GSK_OCSP_TIMEOUT, 5);
        env.init();
        return env;
    }

    @Test
    void aRevokedServerIsRefusedAndTheListIsCached() throws Exception {
        Issued leaf = serverNaming(url("/root.crl"));
        served.set(CrlBuilder.by(root).revoke(leaf.cert().getSerialNumber(), CrlBuilder.KEY_COMPROMISE).build().getEncoded());
        Environment client = client(true);
        try (GskPair.Outcome o = connect(leaf, client)) {
            assertNotNull(o.failure());
            assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), o.failure().code());
            assertEquals(ValidationReason.REVOKED.code(), o.failure().validationCode());
        }
        assertEquals(1, requests.get());
        try (GskPair.Outcome o = connect(leaf, client)) {
            assertEquals(ValidationReason.REVOKED.code(), o.failure().validationCode());
        }
        assertEquals(1, requests.get(), "the second handshake used the cached list");
        // with fetching off (the default), the distribution point is not asked
        try (GskPair.Outcome o = connect(leaf, client(false))) {
            assertNull(o.failure(), () -> String.valueOf(o.failure()));
        }
        assertEquals(1, requests.get());
    }

    @Test
    void aListThatDoesNotNameTheServerLetsItThrough() throws Exception {
        Issued leaf = serverNaming(url("/root.crl"));
        served.set(CrlBuilder.by(root).build().getEncoded());
        try (GskPair.Outcome o = connect(leaf, client(true))) {
            assertNull(o.failure(), () -> String.valueOf(o.failure()));
            String unknown = o.client().getBuffer(BufferAttribute.GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT);
            assertTrue(unknown == null || unknown.isEmpty(), unknown);
        }
        assertTrue(requests.get() >= 1);
    }

    @Test
    void anUnreachableDistributionPointSoftFailsAndSaysSo() throws Exception {
        Issued leaf = serverNaming(url("/missing.crl"));
        try (GskPair.Outcome o = connect(leaf, client(true))) {
            assertNull(o.failure(), () -> String.valueOf(o.failure()));
            assertEquals(leaf.cert().getSubjectX500Principal().getName(),
                    o.client().getBuffer(BufferAttribute.GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT));
        }
    }
}
