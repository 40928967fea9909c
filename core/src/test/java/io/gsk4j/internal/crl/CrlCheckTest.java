package io.gsk4j.internal.crl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.GskStatus;
import io.gsk4j.ValidationReason;
import io.gsk4j.internal.certs.ChainValidator;
import io.gsk4j.internal.certs.ChainVerdict;
import io.gsk4j.internal.validation.ValidationPolicy;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import io.gsk4j.testpki.CrlBuilder;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/** RFC 5280 §6.3 CRL checking of a built path, with CRLs signed by the test PKI. */
class CrlCheckTest {
    private final Issued root = CertBuilder.ca("O=gsk4j tests,CN=CRL Root").selfSigned();
    private final Issued inter = CertBuilder.ca("O=gsk4j tests,CN=CRL Issuing CA").issuedBy(root);
    private final Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(inter);

    private ChainVerdict judge(X509CRL... crls) {
        return new ChainValidator(List.of(root.cert()), List.of(crls))
                .validate(new X509Certificate[] {leaf.cert(), inter.cert()}, new Date(), ValidationPolicy.defaults(Purpose.SERVER));
    }

    private static void assertRefused(ValidationReason rule, ChainVerdict v) {
        assertEquals(rule, v.rule(), () -> v.status() + ": " + v.reason());
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION, v.status());
        assertEquals(rule.code(), v.validationCode());
        assertTrue(!v.passableInPassthru(), "a revoked chain never passes PASSTHRU");
    }

    private BigInteger serial(Issued c) {
        return c.cert().getSerialNumber();
    }

    @Test
    void aRevokedLeafIsStatus8WithTheRevokedCode() {
        ChainVerdict v = judge(CrlBuilder.by(inter).revoke(serial(leaf), CrlBuilder.KEY_COMPROMISE).build());
        assertRefused(ValidationReason.REVOKED, v);
        assertEquals(575032, v.validationCode());
        assertTrue(v.reason().contains("key_compromise"), v.reason());
    }

    @Test
    void aRevokedIntermediateOnTheRootsCrl() {
        assertRefused(ValidationReason.REVOKED, judge(CrlBuilder.by(root).revoke(serial(inter), CrlBuilder.KEY_COMPROMISE).build()));
    }

    @Test
    void aCrlThatRevokesOthersOrNoCrlAtAllLeavesTheChainValid() {
        assertTrue(judge(CrlBuilder.by(inter).revoke(BigInteger.valueOf(4711), CrlBuilder.KEY_COMPROMISE).build()).ok());
        assertTrue(judge().ok());
        // a list another CA signed under this issuer's name is not this issuer's
        Issued impostor = CertBuilder.ca("O=gsk4j tests,CN=CRL Issuing CA").selfSigned();
        assertTrue(judge(CrlBuilder.by(impostor).revoke(serial(leaf), CrlBuilder.KEY_COMPROMISE).build()).ok());
    }

    @Test
    void aStaleOrFutureCrlIsNotUsed() {
        Instant now = Instant.now();
        X509CRL stale = CrlBuilder.by(inter).revoke(serial(leaf), CrlBuilder.KEY_COMPROMISE)
                .window(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(3))).build();
        assertTrue(judge(stale).ok());
        X509CRL future = CrlBuilder.by(inter).revoke(serial(leaf), CrlBuilder.KEY_COMPROMISE)
                .window(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3))).build();
        assertTrue(judge(future).ok());
    }

    @Test
    void theCrlNumberMustBePresentAndNotCritical() {
        assertRefused(ValidationReason.CRL_NUMBER_MISSING, judge(CrlBuilder.by(inter).number(null).build()));
        assertRefused(ValidationReason.CRL_NUMBER_CRITICAL, judge(CrlBuilder.by(inter).numberCritical().build()));
        assertRefused(ValidationReason.CRL_UNUSABLE, judge(CrlBuilder.by(inter).unknownCriticalExtension().build()));
    }

    @Test
    void theCrlIssuerMustBeAllowedToSignCrls() {
        Issued noCrlSign = CertBuilder.ca("O=gsk4j tests,CN=No cRLSign CA").keyUsage(true, KeyUsage.keyCertSign).issuedBy(root);
        Issued leafOfIt = CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(noCrlSign);
        X509CRL crl = CrlBuilder.by(noCrlSign).build();
        ChainVerdict v = new ChainValidator(List.of(root.cert()), List.of(crl)).validate(
                new X509Certificate[] {leafOfIt.cert(), noCrlSign.cert()}, new Date(), ValidationPolicy.defaults(Purpose.SERVER));
        assertRefused(ValidationReason.CRL_ISSUER_CANNOT_SIGN_CRLS, v);
    }

    @Test
    void deltaCrlsRevokeAndUnrevokeOnTopOfTheirBase() {
        X509CRL base = CrlBuilder.by(inter).number(BigInteger.valueOf(10)).build();
        X509CRL delta = CrlBuilder.by(inter).number(BigInteger.valueOf(11)).deltaOf(BigInteger.valueOf(10))
                .revoke(serial(leaf), CrlBuilder.KEY_COMPROMISE).build();
        assertRefused(ValidationReason.REVOKED, judge(base, delta));
        assertTrue(judge(delta).ok(), "a delta without its base is not used alone");
        // a delta for a newer base than the one at hand does not apply
        X509CRL deltaOfNewer = CrlBuilder.by(inter).number(BigInteger.valueOf(13)).deltaOf(BigInteger.valueOf(12))
                .revoke(serial(leaf), CrlBuilder.KEY_COMPROMISE).build();
        assertTrue(judge(base, deltaOfNewer).ok());
        // removeFromCRL in a delta takes back a hold in the base
        X509CRL held = CrlBuilder.by(inter).number(BigInteger.valueOf(20)).revoke(serial(leaf), 6 /* certificateHold */).build();
        X509CRL released = CrlBuilder.by(inter).number(BigInteger.valueOf(21)).deltaOf(BigInteger.valueOf(20))
                .revoke(serial(leaf), CrlBuilder.REMOVE_FROM_CRL).build();
        assertRefused(ValidationReason.REVOKED, judge(held));
        assertTrue(judge(held, released).ok());
    }
}
