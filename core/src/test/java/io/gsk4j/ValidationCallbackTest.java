package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.GskPair;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GSK_CERT_VALIDATION_CALLBACK: the application's own say about the peer's chain, over real handshakes. */
class ValidationCallbackTest {
    @TempDir
    Path dir;

    private Ca ca;
    private Ca issuing;
    private Path clientStore;
    private final List<List<X509Certificate>> shown = new ArrayList<>();
    private final List<GskStatus> statuses = new ArrayList<>();

    @BeforeEach
    void pki() {
        ca = TestPki.rootCa("Callback root", KeyType.EC_P256);
        issuing = ca.intermediate("Callback issuing CA", KeyType.EC_P256);
        clientStore = Stores.pkcs12(dir, "client", null, ca.certificate());
    }

    private ValidationCallback recording(GskStatus answer) {
        return (chain, status) -> {
            synchronized (shown) {
                shown.add(chain);
                statuses.add(status);
            }
            return answer;
        };
    }

    /** A gsk4j client with {@code callback} against a gsk4j server presenting {@code server}. */
    private GskException connect(Credential server, CertValidationCallback callback, Session[] clientOut) throws Exception {
        Path serverStore = Stores.pkcs12(dir, "server" + System.nanoTime(), server);
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        clientEnv.setValidationCallback(callback);
        clientEnv.init();
        GskPair.Outcome o = GskPair.connect(serverEnv, clientEnv);
        if (clientOut != null) {
            clientOut[0] = o.client(); // the caller reads its attributes, then closes it
        } else {
            o.close();
        }
        return o.failure();
    }

    @Test
    void aRefusingRoutineFailsTheHandshakeWithCertValidation() throws Exception {
        Credential server = issuing.issueServer("localhost", KeyType.EC_P256, "localhost");
        Session[] client = new Session[1];
        GskException e = connect(server, new CertValidationCallback(recording(GskStatus.GSK_ERROR_CERT_VALIDATION),
                EnumValue.GSK_VALIDATION_REQUIRED, EnumValue.GSK_END_ENTITY_CERTIFICATE), client);
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), e.code());
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(),
                client[0].getNumeric(NumericAttribute.GSK_LAST_VALIDATION_ERROR));
        client[0].close();
        assertEquals(List.of(GskStatus.GSK_OK), statuses, "asked once, after gsk4j's own validation succeeded");
        assertEquals(List.of(server.leaf()), shown.get(0), "GSK_END_ENTITY_CERTIFICATE: the leaf alone");
    }

    @Test
    void theRoutineGetsTheChainItAskedFor() throws Exception {
        Credential server = issuing.issueServer("localhost", KeyType.EC_P256, "localhost");
        assertEquals(null, connect(server, new CertValidationCallback(recording(GskStatus.GSK_OK),
                EnumValue.GSK_VALIDATION_REQUIRED, EnumValue.GSK_CERTIFICATE_CHAIN_SENT_VIA_SSL), null));
        assertEquals(List.of(server.chain()), shown.get(0), "as sent: leaf and intermediate");
        assertEquals(null, connect(server, new CertValidationCallback(recording(GskStatus.GSK_OK),
                EnumValue.GSK_VALIDATION_REQUIRED, EnumValue.GSK_COMPLETED_CERTIFICATE_CHAIN), null));
        List<X509Certificate> completed = shown.get(1);
        assertEquals(3, completed.size(), "completed with the trust anchor");
        assertEquals(ca.certificate(), completed.get(2));
    }

    @Test
    void withRequiredValidationAnUntrustedChainNeverReachesTheRoutine() throws Exception {
        Credential stranger = TestPki.selfSigned("localhost", KeyType.EC_P256, "localhost");
        GskException e = connect(stranger, new CertValidationCallback(recording(GskStatus.GSK_OK),
                EnumValue.GSK_VALIDATION_REQUIRED, EnumValue.GSK_END_ENTITY_CERTIFICATE), null);
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), e.code());
        assertTrue(statuses.isEmpty());
    }

    @Test
    void withoutRequiredValidationTheRoutineMayAcceptAnUntrustedChain() throws Exception {
        Credential stranger = TestPki.selfSigned("localhost", KeyType.EC_P256, "localhost");
        Session[] client = new Session[1];
        assertEquals(null, connect(stranger, new CertValidationCallback(recording(GskStatus.GSK_OK),
                EnumValue.GSK_NO_VALIDATION, EnumValue.GSK_END_ENTITY_CERTIFICATE), client));
        assertEquals(List.of(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT), statuses, "the routine is told what gsk4j found");
        assertEquals(List.of(stranger.leaf()), shown.get(0), "GSK_NO_VALIDATION always shows the chain as sent");
        assertEquals(6000, client[0].validationCode());
        client[0].close();
    }

    @Test
    void withoutRequiredValidationTheRoutineMayRefuseAnExpiredChain() throws Exception {
        Instant now = Instant.now();
        Credential expired = issuing.issue("localhost", KeyType.EC_P256, now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(1)), true, false, "localhost");
        GskException e = connect(expired, new CertValidationCallback(recording(GskStatus.GSK_ERROR_CERT_VALIDATION),
                EnumValue.GSK_NO_VALIDATION, EnumValue.GSK_END_ENTITY_CERTIFICATE), null);
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), e.code());
        assertEquals(List.of(GskStatus.GSK_KEYFILE_CERT_EXPIRED), statuses);
    }

    @Test
    void aRoutineThatThrowsRefuses() throws Exception {
        Credential server = issuing.issueServer("localhost", KeyType.EC_P256, "localhost");
        AtomicInteger calls = new AtomicInteger();
        GskException e = connect(server, new CertValidationCallback((chain, status) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("application bug");
        }, EnumValue.GSK_VALIDATION_REQUIRED, EnumValue.GSK_END_ENTITY_CERTIFICATE), null);
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), e.code());
        assertEquals(1, calls.get());
    }

    @Test
    void requiredValidationAndPassthruConflict() throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        env.setValidationCallback(new CertValidationCallback(recording(GskStatus.GSK_OK), EnumValue.GSK_VALIDATION_REQUIRED,
                EnumValue.GSK_END_ENTITY_CERTIFICATE));
        assertEquals(GskStatus.GSK_CONFLICTING_VALIDATION_SETTING.code(), assertThrows(GskException.class,
                () -> env.set(EnumAttribute.GSK_SERVER_AUTH_TYPE, EnumValue.GSK_SERVER_AUTH_PASSTHRU)).code());
        Environment other = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        other.set(EnumAttribute.GSK_SERVER_AUTH_TYPE, EnumValue.GSK_SERVER_AUTH_PASSTHRU);
        assertEquals(GskStatus.GSK_CONFLICTING_VALIDATION_SETTING.code(), assertThrows(GskException.class,
                () -> other.setValidationCallback(new CertValidationCallback(recording(GskStatus.GSK_OK),
                        EnumValue.GSK_VALIDATION_REQUIRED, EnumValue.GSK_END_ENTITY_CERTIFICATE))).code());
        other.init();
        assertEquals(GskStatus.GSK_INVALID_STATE.code(), assertThrows(GskException.class,
                () -> other.setValidationCallback(null)).code());
    }
}
