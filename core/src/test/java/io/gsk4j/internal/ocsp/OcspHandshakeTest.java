package io.gsk4j.internal.ocsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.GskPair;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.RefusedPort;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.function.Consumer;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage note 5 of gsk_secure_soc_init: with OCSP on, the handshake asks the responder named in
 * the certificate's AIA extension or in GSK_OCSP_URL — here a real responder on loopback.
 */
class OcspHandshakeTest {
    @TempDir
    Path dir;

    private Ca ca;
    private OcspResponder responder;

    @BeforeEach
    void start() {
        ca = TestPki.rootCa("OCSP handshake CA", KeyType.EC_P256);
        responder = OcspResponder.start(ca);
    }

    @AfterEach
    void stop() {
        responder.close();
    }

    /** A gsk4j server presenting {@code server}; a gsk4j client configured by {@code client}. */
    private Result handshake(Credential server, Consumer<Environment> client) throws Exception {
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server" + System.nanoTime(), server));
        Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "client" + System.nanoTime(), null, ca.certificate()));
        client.accept(clientEnv);
        clientEnv.init();
        try (GskPair.Outcome o = GskPair.connect(serverEnv, clientEnv)) {
            if (o.failure() != null) {
                return new Result(o.failure().code(), "", o.took());
            }
            return new Result(0, o.client().getBuffer(BufferAttribute.GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT), o.took());
        }
    }

    private record Result(int code, String unknownSubject, Duration took) {
    }

    private static void enable(Environment env) {
        try {
            env.set(EnumAttribute.GSK_OCSP_ENABLE, EnumValue.GSK_TRUE);
        } catch (GskException e) {
            throw new IllegalStateException(e);
        }
    }

    private Credential withAia() {
        return ca.issueServerWithOcspUrl(responder.url(), "localhost", KeyType.EC_P256, "localhost");
    }

    @Test
    void aGoodAnswerFromTheAiaResponderPasses() throws Exception {
        Result r = handshake(withAia(), OcspHandshakeTest::enable);
        assertEquals(0, r.code());
        assertEquals("", r.unknownSubject());
        assertEquals(1, responder.requests());
    }

    @Test
    void aRevokedCertificateIsRefusedWithCertValidation() throws Exception {
        responder.status = new RevokedStatus(new Date(System.currentTimeMillis() - 60_000), 1);
        Result r = handshake(withAia(), OcspHandshakeTest::enable);
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), r.code());
    }

    @Test
    void anUnknownAnswerPassesAndNamesTheCertificate() throws Exception {
        responder.status = new UnknownStatus();
        Credential server = withAia();
        Result r = handshake(server, OcspHandshakeTest::enable);
        assertEquals(0, r.code());
        assertEquals(server.leaf().getSubjectX500Principal().getName(), r.unknownSubject());
    }

    @Test
    void aResumedSessionNamesTheCertificateItsFullHandshakeCouldNotCheck() throws Exception {
        responder.status = new UnknownStatus();
        Credential server = withAia();
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, Stores.pkcs12(dir, "server-resumed", server));
        Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "client-resumed", null, ca.certificate()));
        enable(clientEnv);
        clientEnv.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE); // TLS 1.2 resumes within the handshake
        clientEnv.init();
        String subject = server.leaf().getSubjectX500Principal().getName();
        try (ServerSocketChannel listener = Loopback.listen();
             GskPair.Outcome full = GskPair.connect(listener, serverEnv, clientEnv)) {
            assertEquals(null, full.failure());
            assertEquals(EnumValue.GSK_SID_IS_FIRST, full.client().getEnum(EnumAttribute.GSK_SID_FIRST));
            assertEquals(subject, full.client().getBuffer(BufferAttribute.GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT));
            int asked = responder.requests();
            try (GskPair.Outcome resumed = GskPair.connect(listener, serverEnv, clientEnv)) {
                assertEquals(null, resumed.failure());
                assertEquals(EnumValue.GSK_SID_NOT_FIRST, resumed.client().getEnum(EnumAttribute.GSK_SID_FIRST));
                assertEquals(asked, responder.requests(), "a resumed session asks nobody");
                assertEquals(subject, resumed.client().getBuffer(BufferAttribute.GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT),
                        "the status its full handshake could not learn is still unknown");
            }
        }
        serverEnv.close();
        clientEnv.close();
    }

    @Test
    void anUnreachableResponderPassesWithinTheOcspTimeout() throws Exception {
        try (RefusedPort closed = RefusedPort.open()) {
            Credential server = ca.issueServerWithOcspUrl("http://127.0.0.1:" + closed.port() + "/", "localhost",
                    KeyType.EC_P256, "localhost");
            Result refused = handshake(server, OcspHandshakeTest::enable);
            assertEquals(0, refused.code());
            assertEquals(server.leaf().getSubjectX500Principal().getName(), refused.unknownSubject());
        }

        responder.delay = Duration.ofSeconds(8);
        Result slow = handshake(withAia(), env -> {
            enable(env);
            try {
                env.set(NumericAttribute.GSK_OCSP_TIMEOUT, 1);
            } catch (GskException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(0, slow.code());
        assertTrue(slow.took().toMillis() < 5000, "OCSP waited " + slow.took().toMillis() + " ms despite a 1 s timeout");
        assertTrue(!slow.unknownSubject().isEmpty());
    }

    @Test
    void theConfiguredUrlIsAskedEvenWithoutAnAiaEntry() throws Exception {
        responder.status = new RevokedStatus(new Date(System.currentTimeMillis() - 60_000), 1);
        Credential plain = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        Result r = handshake(plain, env -> {
            try {
                env.set(BufferAttribute.GSK_OCSP_URL, responder.url());
            } catch (GskException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), r.code());
        assertEquals(1, responder.requests());
    }

    @Test
    void withOcspOffNoResponderIsAsked() throws Exception {
        responder.status = new RevokedStatus(new Date(), 1);
        Result r = handshake(withAia(), env -> { });
        assertEquals(0, r.code());
        assertEquals(0, responder.requests());
    }
}
