package io.gsk4j.interop;

import static io.gsk4j.interop.PeerProcess.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.jsse.Failures;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * java.net.http.HttpClient with an environment's SSLContext against {@code openssl s_server -www}:
 * the page arrives, and the demo's three failures are explained with gsk4j's status.
 */
class JsseBridgeOpenSslTest {
    @TempDir
    Path dir;

    private Ca ca;
    private Credential serverKey;

    @BeforeEach
    void pki() {
        Peers.assume(Peers.OPENSSL);
        ca = TestPki.rootCa("s_server CA", KeyType.RSA_2048);
        serverKey = ca.issueServer("localhost", KeyType.RSA_2048, "localhost");
    }

    private PeerServer sServer(Credential key, String... extra) throws Exception {
        Path cert = Pem.certificates(dir.resolve("server.pem"), key.leaf());
        Path pkey = Pem.privateKey(dir.resolve("server.key"), key.key(), key.leaf().getPublicKey());
        return PeerServer.start("s_server", dir, port -> {
            List<Object> a = new ArrayList<>(List.of(Peers.OPENSSL, "s_server", "-accept", "127.0.0.1:" + port, "-www",
                    "-cert", cert, "-key", pkey));
            a.addAll(List.of(extra));
            return args(a.toArray());
        });
    }

    private SSLContext client(java.security.cert.X509Certificate trusted, String tls13Only) throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, trusted));
        if (tls13Only != null) {
            env.set(EnumAttribute.GSK_PROTOCOL_TLSV12, EnumValue.GSK_FALSE);
            env.set(BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX, tls13Only);
        }
        env.init();
        return env.sslContext();
    }

    /** s_server -www answers HTTP/1.0 without a length and keeps the connection: the page is read up to its end tag. */
    private static HttpResponse<InputStream> get(SSLContext ctx, int port) throws Exception {
        HttpClient c = HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return c.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/")).timeout(Duration.ofSeconds(20))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static String pageOf(HttpResponse<InputStream> r) throws IOException {
        StringBuilder page = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.ISO_8859_1))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                page.append(line).append('\n');
                if (line.contains("</HTML>")) {
                    break;
                }
            }
        }
        return page.toString();
    }

    private static GskException explained(SSLContext ctx, int port) {
        return Failures.explain(assertThrows(IOException.class, () -> get(ctx, port)));
    }

    @Test
    void httpClientReadsTheStatusPage() throws Exception {
        try (PeerServer s = sServer(serverKey)) {
            HttpResponse<InputStream> r = get(client(ca.certificate(), null), s.port);
            assertEquals(200, r.statusCode());
            String page = pageOf(r);
            assertTrue(page.contains("Ciphers supported in s_server binary"), page);
            assertTrue(page.contains("TLSv1.3"), page); // the protocol s_server reports for this connection
        }
    }

    @Test
    void untrustedRoot() throws Exception {
        try (PeerServer s = sServer(serverKey)) {
            GskException e = explained(client(TestPki.rootCa("Other CA", KeyType.RSA_2048).certificate(), null), s.port);
            assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("s_server CA"), e.getMessage());
        }
    }

    @Test
    void expiredCertificate() throws Exception {
        Instant now = Instant.now();
        Credential expired = ca.issue("localhost", KeyType.RSA_2048, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)),
                true, false, "localhost");
        try (PeerServer s = sServer(expired)) {
            GskException e = explained(client(ca.certificate(), null), s.port);
            assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED.code(), e.code(), e.getMessage());
        }
    }

    @Test
    void noCommonCipher() throws Exception {
        try (PeerServer s = sServer(serverKey, "-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384")) {
            GskException e = explained(client(ca.certificate(), "TLS_AES_128_GCM_SHA256"), s.port);
            assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), e.code(), e.getMessage());
        }
    }
}
