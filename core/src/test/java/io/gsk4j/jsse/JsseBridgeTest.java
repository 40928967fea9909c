package io.gsk4j.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.CertificateProblem;
import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Party;
import io.gsk4j.TlsAlert;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSSE bridge with the JDK's own clients against gsk4j server sessions on loopback:
 * HttpClient and HttpsURLConnection succeed with an environment's context, and the demo's
 * three failures come back from {@link Failures#explain} with gsk4j's exact status.
 */
class JsseBridgeTest {
    @TempDir
    Path dir;

    private Ca ca;
    private Credential serverKey;
    private GskHttpsServer server;
    private Environment clientEnv;

    @BeforeEach
    void pki() {
        ca = TestPki.rootCa("Bridge CA", KeyType.EC_P256);
        serverKey = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (clientEnv != null) {
            clientEnv.close();
        }
    }

    private GskHttpsServer gskServer(Credential key) throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, Stores.pkcs12(dir, "server", key));
        server = new GskHttpsServer(env);
        return server;
    }

    private SSLContext clientContext(X509CertificateSource trusted) throws Exception {
        clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, trusted.get()));
        return clientEnv.sslContext();
    }

    private interface X509CertificateSource {
        java.security.cert.X509Certificate get();
    }

    private static HttpResponse<String> get(SSLContext ctx, String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Exception httpClientFailure(SSLContext ctx, String host) throws Exception {
        return assertThrows(IOException.class, () -> get(ctx, "https://" + host + ":" + server.port() + "/"));
    }

    @Test
    void httpClientGetsTheAnswerOfAGsk4jServerSession() throws Exception {
        gskServer(serverKey);
        SSLContext ctx = clientContext(ca::certificate);
        HttpResponse<String> r = get(ctx, "https://localhost:" + server.port() + "/");
        assertEquals(200, r.statusCode());
        assertEquals(GskHttpsServer.BODY, r.body());
        assertEquals("ok", server.nextOutcome());
        assertEquals("TLSv1.3", r.sslSession().orElseThrow().getProtocol());
        assertTrue(ctx == clientEnv.sslContext(), "one context per environment, so sessions resume");
    }

    @Test
    void untrustedRootIs6000WithTheChainEnd() throws Exception {
        gskServer(serverKey);
        Ca other = TestPki.rootCa("Other CA", KeyType.EC_P256);
        Exception failure = httpClientFailure(clientContext(other::certificate), "localhost");
        assertInstanceOf(SSLHandshakeException.class, failure);
        GskException e = Failures.explain(failure);
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), e.code());
        assertTrue(e.getMessage().contains("Bridge CA"), e.getMessage());
        CertificateProblem problem = e.certificateProblem().orElseThrow();
        assertEquals("CN=Bridge CA", problem.chainEndIssuer().orElseThrow()); // the CA to import
        assertEquals(Party.LOCAL, e.refusedBy().orElseThrow());
        String line = Failures.describe(failure);
        System.out.println("explained: " + line);
        assertTrue(line.startsWith("6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT: ") && line.contains("Bridge CA"), line);
        assertInstanceOf(GskException.class, server.nextOutcome()); // the server session saw the refusal too
    }

    @Test
    void expiredCertificateIs107() throws Exception {
        Instant now = Instant.now();
        Credential expired = ca.issue("localhost", KeyType.EC_P256, now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)), true, false, "localhost");
        gskServer(expired);
        GskException e = Failures.explain(httpClientFailure(clientContext(ca::certificate), "localhost"));
        assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED.code(), e.code(), e.getMessage());
        assertTrue(e.validationCode() != 0, "the validation code travels with the status");
        CertificateProblem problem = e.certificateProblem().orElseThrow();
        assertTrue(problem.notAfter().orElseThrow().isBefore(Instant.now()), problem.toString());
        assertEquals(expired.leaf(), problem.concerning().orElseThrow());
    }

    @Test
    void noCommonCipherIs402FromTheServersRefusal() throws Exception {
        Environment serverEnv = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, Stores.pkcs12(dir, "server", serverKey));
        tls13Only(serverEnv, "TLS_AES_256_GCM_SHA384");
        serverEnv.init();
        server = new GskHttpsServer(serverEnv);
        clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, ca.certificate()));
        tls13Only(clientEnv, "TLS_AES_128_GCM_SHA256");
        clientEnv.init();
        SSLContext ctx = clientEnv.sslContext();
        assertArrayEquals(new String[] {"TLS_AES_128_GCM_SHA256"}, ctx.getDefaultSSLParameters().getCipherSuites());
        assertArrayEquals(new String[] {"TLSv1.3"}, ctx.getDefaultSSLParameters().getProtocols());
        GskException e = Failures.explain(httpClientFailure(ctx, "localhost"));
        assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), e.code(), e.getMessage());
        assertEquals(TlsAlert.HANDSHAKE_FAILURE, e.alertReceived().orElseThrow());
        assertEquals(Party.PEER, e.refusedBy().orElseThrow());
        GskException atServer = assertInstanceOf(GskException.class, server.nextOutcome());
        assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), atServer.code(), atServer.getMessage());
    }

    private static void tls13Only(Environment env, String suite) throws GskException {
        env.set(EnumAttribute.GSK_PROTOCOL_TLSV12, EnumValue.GSK_FALSE);
        env.set(BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX, suite);
    }

    @Test
    void httpClientsHostCheckGoesThroughGsk4jsHostNameRule() throws Exception {
        gskServer(serverKey); // names only DNS:localhost
        GskException e = Failures.explain(httpClientFailure(clientContext(ca::certificate), "127.0.0.1"));
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @Test
    void expectedHostnameAttributeOverridesTheUrlHost() throws Exception {
        gskServer(serverKey);
        clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, ca.certificate()));
        clientEnv.set(BufferAttribute.GSK4J_EXPECTED_HOSTNAME, "localhost");
        clientEnv.init();
        HttpResponse<String> r = get(clientEnv.sslContext(), "https://127.0.0.1:" + server.port() + "/");
        assertEquals(200, r.statusCode());
    }

    @Test
    void httpsUrlConnectionSucceedsAndFailsTheSameWay() throws Exception {
        gskServer(serverKey);
        SSLContext ctx = clientContext(ca::certificate);
        HttpsURLConnection c = (HttpsURLConnection) new URL("https://localhost:" + server.port() + "/").openConnection();
        c.setSSLSocketFactory(ctx.getSocketFactory());
        c.setConnectTimeout(10_000);
        c.setReadTimeout(20_000);
        try (InputStream in = c.getInputStream()) {
            assertEquals(200, c.getResponseCode());
            assertEquals(GskHttpsServer.BODY, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        assertEquals("ok", server.nextOutcome());

        Ca other = TestPki.rootCa("Other CA", KeyType.EC_P256);
        Environment untrusting = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "other", null, other.certificate()));
        HttpsURLConnection refused = (HttpsURLConnection) new URL("https://localhost:" + server.port() + "/").openConnection();
        refused.setSSLSocketFactory(untrusting.sslContext().getSocketFactory());
        refused.setConnectTimeout(10_000);
        refused.setReadTimeout(20_000);
        IOException failure = assertThrows(IOException.class, refused::getInputStream);
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), Failures.explain(failure).code());
        untrusting.close();
    }

    @Test
    void aBridgeServerSocketRequiresTheClientCertificateItsSessionTypeAsksFor() throws Exception {
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL,
                Stores.pkcs12(dir, "server", serverKey, ca.certificate()));
        try (SSLServerSocket listener = (SSLServerSocket) serverEnv.sslContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(listener.getNeedClientAuth());
            io.gsk4j.support.JdkPeer.Running<Exception> accepted = io.gsk4j.support.JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                    s.getInputStream().read();
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            // a gsk4j client session without a certificate of its own
            Environment plainClient = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION,
                    Stores.pkcs12(dir, "plain", null, ca.certificate()));
            try (SocketChannel ch = SocketChannel.open(listener.getLocalSocketAddress())) {
                io.gsk4j.Session s = plainClient.openSession();
                s.attach(ch);
                s.set(io.gsk4j.attr.NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
                try {
                    s.handshake();
                    s.read(java.nio.ByteBuffer.allocate(1)); // TLS 1.3: the refusal arrives after the client's Finished
                } catch (GskException expected) {
                    // the status on this side is the session tests' business
                }
                s.close();
            }
            Exception serverSaw = accepted.result();
            GskException e = Failures.explain(serverSaw);
            assertEquals(GskStatus.GSK_ERROR_NO_CERTIFICATE.code(), e.code(), e.getMessage());
            plainClient.close();
        }
        serverEnv.close();
    }

    @Test
    void beforeInitThereIsNoContext() throws Exception {
        try (Environment env = Environment.open()) {
            GskException e = assertThrows(GskException.class, env::sslContext);
            assertEquals(GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE.code(), e.code());
        }
    }

    @Test
    void theContextCannotBeReinitialisedWithOtherManagers() throws Exception {
        SSLContext ctx = clientContext(ca::certificate);
        assertThrows(java.security.KeyManagementException.class, () -> ctx.init(null, null, null));
    }
}
