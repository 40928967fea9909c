package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.engine.Hellos;
import io.gsk4j.support.Engines;
import io.gsk4j.support.GskPair;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GSK_SSL_EXTN_SIGALG: what the client offers, and which certificate signatures it accepts. */
class SignatureAlgorithmTest {
    @TempDir
    Path dir;

    /** An ECDSA server key whose certificate an RSA CA signed (SHA256withRSA). */
    private final Ca rsaCa = TestPki.rootCa("RSA CA", KeyType.RSA_2048);
    private final Credential ecServer = rsaCa.issueServer("localhost", KeyType.EC_P256, "localhost");

    /**
     * Our client against a gsk4j server presenting {@code ecServer}. (A JDK server would not
     * present a certificate the client's signature_algorithms_cert excludes; it fails with
     * handshake_failure instead. gsk4j, like GSKit and OpenSSL, presents its configured
     * certificate and leaves the judgement to the client.)
     */
    private GskException connect(String sigalgs) throws Exception {
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", ecServer, rsaCa.certificate()));
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "client", null, rsaCa.certificate()));
        env.set(BufferAttribute.GSK_SSL_EXTN_SIGALG, sigalgs);
        env.init();
        try (GskPair.Outcome o = GskPair.connect(serverEnv, env)) {
            return o.failure();
        }
    }

    @Test
    void aCertificateSignedWithAnAlgorithmOutsideTheListIsAnUnsupportedType() throws Exception {
        GskException e = connect("ECDSA_SHA256");
        assertEquals(GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE.code(), e == null ? 0 : e.code());
        assertEquals(GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE.code(), e.validationCode());
    }

    @Test
    void theSameCertificateIsAcceptedWhenItsAlgorithmIsListed() throws Exception {
        assertEquals(null, connect("ECDSA_SHA256,RSA_SHA256"));
    }

    @Test
    void anUnknownNameIsRefusedAtInit() throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "client", null, rsaCa.certificate()));
        env.set(BufferAttribute.GSK_SSL_EXTN_SIGALG, "ECDSA_SHA256,RSA_WHIRLPOOL");
        assertEquals(GskStatus.GSK_ERROR_UNSUPPORTED.code(), assertThrows(GskException.class, env::init).code());
    }

    @Test
    void theClientOffersOnlyTheListedSchemes() throws Exception {
        Engines.assumeNotBoringSsl(Engines.SIGALG_OFFER);
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "client", null, rsaCa.certificate()));
        env.set(BufferAttribute.GSK_SSL_EXTN_SIGALG, "ECDSA_SHA384,RSA_PSS_SHA256");
        env.init();
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 5);
            JdkPeer.Running<List<Integer>> peer = JdkPeer.start(() -> {
                ByteBuffer in = ByteBuffer.allocate(16384);
                while (in.position() < 5 || in.position() < 5 + (((in.get(3) & 0xFF) << 8) | (in.get(4) & 0xFF))) {
                    if (link.server.read(in) < 0) {
                        break;
                    }
                }
                in.flip().position(5);
                ByteBuffer ext = Hellos.clientExtension(in.slice(), 0x000D).orElseThrow(); // signature_algorithms
                List<Integer> schemes = new ArrayList<>();
                int length = ext.getShort() & 0xFFFF;
                for (int i = 0; i < length / 2; i++) {
                    schemes.add(ext.getShort() & 0xFFFF);
                }
                link.server.close();
                return schemes;
            });
            assertThrows(GskException.class, session::handshake);
            session.close();
            // ecdsa_secp384r1_sha384, rsa_pss_rsae_sha256, rsa_pss_pss_sha256 (RFC 8446 §4.2.3)
            List<Integer> offered = peer.result();
            assertEquals(List.of(0x0503, 0x0804, 0x0809), offered.stream().sorted().toList(),
                    offered.stream().map(c -> String.format("%04X", c)).toList().toString());
        }
    }
}
