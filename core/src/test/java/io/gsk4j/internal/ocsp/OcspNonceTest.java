package io.gsk4j.internal.ocsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;

/** Nonce generation (RFC 8954 OCTET STRING, chosen size, fresh each time) and the echo check. */
class OcspNonceTest {
    private TestPki.Ca ca;
    private Credential server;
    private OcspResponder responder;

    @BeforeEach
    void start() {
        ca = TestPki.rootCa("OCSP Nonce CA", KeyType.EC_P256);
        server = ca.issueServer("server.test", KeyType.EC_P256);
        responder = OcspResponder.start(ca);
    }

    @AfterEach
    void stop() {
        responder.close();
    }

    private OcspResult check(boolean generate, boolean verify, int size) {
        OcspSettings settings = OcspTesting.withNonce(OcspTesting.settings(responder.url()), generate, verify, size);
        return new OcspChecker(settings).check(server.leaf(), ca.certificate(), null);
    }

    @Test
    void noNonceUnlessAsked() {
        assertEquals(OcspStatus.GOOD, check(false, false, 8).status());
        assertNull(responder.last().nonce());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 16, 32})
    void generatedNonceHasTheConfiguredSize(int size) {
        OcspResult result = check(true, true, size);
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        assertNotNull(responder.last().nonce());
        assertEquals(size, responder.last().nonce().length);
    }

    @Test
    void everyRequestGetsAFreshNonce() {
        check(true, false, 16);
        check(true, false, 16);
        byte[] first = responder.seen().get(0).nonce();
        byte[] second = responder.seen().get(1).nonce();
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void checkRefusesAResponseWithoutNonce() {
        responder.echoNonce = false;
        OcspResult result = check(true, true, 8);
        assertEquals(OcspStatus.UNAVAILABLE, result.status());
        assertTrue(result.detail().startsWith("nonce mismatch"), result.detail());
    }

    @Test
    void checkRefusesAnotherNonce() {
        responder.foreignNonce = new byte[] {1, 2, 3, 4, 5, 6, 7, 8};
        OcspResult result = check(true, true, 8);
        assertEquals(OcspStatus.UNAVAILABLE, result.status());
        assertTrue(result.detail().startsWith("nonce mismatch"), result.detail());
    }

    @Test
    void withoutCheckAMissingEchoIsAccepted() {
        responder.echoNonce = false;
        OcspResult result = check(true, false, 8);
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        assertNotNull(responder.last().nonce());
    }

    @Test
    void withoutCheckAForeignNonceIsStillRefused() {
        responder.foreignNonce = new byte[] {9, 9, 9, 9, 9, 9, 9, 9};
        OcspResult result = check(true, false, 8);
        assertEquals(OcspStatus.UNAVAILABLE, result.status());
        assertTrue(result.detail().startsWith("nonce mismatch"), result.detail());
    }

    @Test
    void checkWithoutGenerationStillSendsANonce() {
        OcspResult result = check(false, true, 12);
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        assertEquals(12, responder.last().nonce().length);
    }

    @Test
    void anAnswerCarryingAnEarlierRequestsNonceIsRefused() {
        check(true, true, 8);
        responder.foreignNonce = responder.last().nonce(); // replay the previous exchange's nonce
        OcspResult replay = check(true, true, 8);
        assertEquals(OcspStatus.UNAVAILABLE, replay.status());
        assertTrue(replay.detail().startsWith("nonce mismatch"), replay.detail());
    }
}
