package io.gsk4j.internal.ocsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;

/** Every verdict a real responder can give, and every way its answer can be untrustworthy. */
class OcspVerificationTest {
    private TestPki.Ca ca;
    private Credential server;
    private OcspResponder responder;

    @BeforeEach
    void start() {
        ca = TestPki.rootCa("OCSP Test CA", KeyType.EC_P256);
        server = ca.issueServer("server.test", KeyType.EC_P256);
        responder = OcspResponder.start(ca);
    }

    @AfterEach
    void stop() {
        responder.close();
    }

    private OcspResult check() {
        return checker().check(server.leaf(), ca.certificate(), null);
    }

    private OcspChecker checker() {
        return new OcspChecker(OcspTesting.settings(responder.url()));
    }

    private static void assertUnavailable(OcspResult result, String detailPart) {
        assertEquals(OcspStatus.UNAVAILABLE, result.status(), result.detail());
        assertTrue(result.detail().contains(detailPart), () -> "detail '" + result.detail() + "' lacks '" + detailPart + "'");
        assertNull(result.revokedAt());
        assertNull(result.revocationReason());
    }

    @Test
    void goodSignedByTheIssuingCa() {
        OcspResult result = check();
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        assertTrue(result.detail().contains("issuing CA"), result.detail());
        assertNull(result.revokedAt());
        assertEquals(1, responder.requests());
        assertEquals(server.leaf().getSerialNumber(), responder.last().serials().get(0));
    }

    @Test
    void revokedCarriesTimeAndReason() {
        Instant revokedAt = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        responder.status = new RevokedStatus(Date.from(revokedAt), CRLReason.keyCompromise);
        OcspResult result = check();
        assertEquals(OcspStatus.REVOKED, result.status(), result.detail());
        assertEquals(revokedAt, result.revokedAt());
        assertEquals(CRLReason.keyCompromise, result.revocationReason());
    }

    @Test
    void revokedWithoutReason() {
        Instant revokedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        responder.status = new RevokedStatus(Date.from(revokedAt));
        OcspResult result = check();
        assertEquals(OcspStatus.REVOKED, result.status(), result.detail());
        assertEquals(revokedAt, result.revokedAt());
        assertNull(result.revocationReason());
    }

    @Test
    void unknownIsItsOwnVerdict() {
        responder.status = new UnknownStatus();
        OcspResult result = check();
        assertEquals(OcspStatus.UNKNOWN, result.status(), result.detail());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void everyCaKeyTypeSigns(KeyType type) {
        TestPki.Ca other = TestPki.rootCa("OCSP " + type + " CA", type);
        Credential leaf = other.issueServer("leaf.test", KeyType.EC_P256);
        try (OcspResponder own = OcspResponder.start(other)) {
            OcspResult result = new OcspChecker(OcspTesting.settings(own.url())).check(leaf.leaf(), other.certificate(), null);
            assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        }
    }

    @Test
    void delegatedResponderNamedBySubject() {
        Credential delegate = ca.issueOcspSigner("OCSP Signer", KeyType.EC_P256);
        responder.signedBy(new OcspResponder.Signer(delegate.key(), delegate.leaf(), false, delegate.leaf()));
        OcspResult result = check();
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        assertTrue(result.detail().contains("delegated responder CN=OCSP Signer"), result.detail());
    }

    @Test
    void delegatedResponderNamedByKeyHash() {
        Credential delegate = ca.issueOcspSigner("OCSP Signer", KeyType.ED25519);
        responder.signedBy(new OcspResponder.Signer(delegate.key(), delegate.leaf(), true, delegate.leaf()));
        assertEquals(OcspStatus.GOOD, check().status());
    }

    @Test
    void caNamedByKeyHash() {
        responder.signedBy(new OcspResponder.Signer(ca.key(), ca.certificate(), true));
        assertEquals(OcspStatus.GOOD, check().status());
    }

    @Test
    void delegateWithoutOcspSigningUsageIsRefused() {
        Credential notASigner = ca.issueServer("not-a-signer", KeyType.EC_P256);
        responder.signedBy(new OcspResponder.Signer(notASigner.key(), notASigner.leaf(), false, notASigner.leaf()));
        assertUnavailable(check(), "OCSP signing extended key usage");
    }

    @Test
    void expiredDelegateIsRefused() {
        Instant now = Instant.now();
        Credential expired = ca.issueOcspSigner("Old Signer", KeyType.EC_P256,
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        responder.signedBy(new OcspResponder.Signer(expired.key(), expired.leaf(), false, expired.leaf()));
        assertUnavailable(check(), "validity");
    }

    @Test
    void delegateOfAnotherCaIsRefused() {
        TestPki.Ca stranger = TestPki.rootCa("Stranger CA", KeyType.EC_P256);
        Credential foreign = stranger.issueOcspSigner("Foreign Signer", KeyType.EC_P256);
        responder.signedBy(new OcspResponder.Signer(foreign.key(), foreign.leaf(), false, foreign.leaf()));
        assertUnavailable(check(), "not issued by the certificate's CA");
    }

    @Test
    void delegateCertificateMissingFromResponseIsRefused() {
        Credential delegate = ca.issueOcspSigner("OCSP Signer", KeyType.EC_P256);
        responder.signedBy(new OcspResponder.Signer(delegate.key(), delegate.leaf(), false));
        assertUnavailable(check(), "unauthorised responder");
    }

    @Test
    void anotherCaSigningIsRefused() {
        TestPki.Ca stranger = TestPki.rootCa("Stranger CA", KeyType.EC_P256);
        responder.signedBy(new OcspResponder.Signer(stranger.key(), stranger.certificate(), false, stranger.certificate()));
        assertUnavailable(check(), "not issued by the certificate's CA");
    }

    @Test
    void signatureByTheWrongKeyIsRefused() {
        TestPki.Ca stranger = TestPki.rootCa("Stranger CA", KeyType.EC_P256);
        // names our CA as signer but signs with someone else's key
        responder.signedBy(new OcspResponder.Signer(stranger.key(), ca.certificate(), false));
        assertUnavailable(check(), "does not verify with the issuing CA's key");
    }

    @Test
    void staleResponseIsRefused() {
        responder.thisUpdateOffset = Duration.ofHours(-3);
        responder.nextUpdateOffset = Duration.ofHours(-1);
        assertUnavailable(check(), "stale");
    }

    @Test
    void nextUpdateWithinClockSkewIsAccepted() {
        responder.thisUpdateOffset = Duration.ofHours(-1);
        responder.nextUpdateOffset = Duration.ofMinutes(-2);
        assertEquals(OcspStatus.GOOD, check().status());
    }

    @Test
    void responseFromTheFutureIsRefused() {
        responder.thisUpdateOffset = Duration.ofHours(1);
        assertUnavailable(check(), "not yet valid");
    }

    @Test
    void answerAboutAnotherCertificateIsRefused() {
        responder.answerSerial = server.leaf().getSerialNumber().add(java.math.BigInteger.ONE);
        assertUnavailable(check(), "does not cover the certificate");
    }

    @Test
    void unknownCriticalExtensionIsRefused() {
        responder.criticalExtension = true;
        assertUnavailable(check(), "unsupported critical extension");
    }

    @Test
    void responderErrorStatusesAreUnavailable() {
        responder.body = OcspResponder.Body.TRY_LATER;
        assertUnavailable(check(), "tryLater");
        responder.body = OcspResponder.Body.UNAUTHORIZED;
        assertUnavailable(check(), "unauthorized");
    }

    @Test
    void garbageIsMalformed() {
        responder.body = OcspResponder.Body.GARBAGE;
        assertUnavailable(check(), "malformed OCSP response");
    }

    @Test
    void trailingBytesAfterTheResponseAreMalformed() {
        responder.body = OcspResponder.Body.TRAILING_BYTES;
        assertUnavailable(check(), "malformed OCSP response");
    }

    @Test
    void issuerThatDidNotIssueTheCertificate() {
        TestPki.Ca stranger = TestPki.rootCa("Stranger CA", KeyType.EC_P256);
        OcspResult result = checker().check(server.leaf(), stranger.certificate(), null);
        assertUnavailable(result, "did not issue");
        assertEquals(0, responder.requests());
    }

    @Test
    void intermediateIssuedLeaf() {
        TestPki.Ca intermediate = ca.intermediate("OCSP Intermediate", KeyType.EC_P256);
        Credential leaf = intermediate.issueServer("deep.test", KeyType.EC_P256);
        try (OcspResponder own = OcspResponder.start(intermediate)) {
            OcspResult result = new OcspChecker(OcspTesting.settings(own.url()))
                    .check(leaf.leaf(), intermediate.certificate(), null);
            assertEquals(OcspStatus.GOOD, result.status(), result.detail());
            // the root is not the issuer: its hashes make a CertID the responder does not answer for
            OcspResult wrong = new OcspChecker(OcspTesting.settings(own.url())).check(leaf.leaf(), ca.certificate(), null);
            assertUnavailable(wrong, "did not issue");
        }
    }
}
