package io.gsk4j.internal.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.internal.validation.ValidationPolicy;
import io.gsk4j.internal.validation.ValidationPolicy.Profile;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import io.gsk4j.internal.validation.ValidationReason;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

/**
 * ChainValidator with policies: the order of the questions (untrusted root, signature, validity,
 * then the named rules, then the JDK's PKIX) and how a rule's verdict travels as a validation code.
 */
class ChainValidatorPolicyTest {
    private static final ValidationPolicy STRICT = ValidationPolicy.defaults(Purpose.SERVER).withProfile(Profile.STRICT);
    private static final ASN1ObjectIdentifier PRIVATE = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.2");

    private final Issued root = CertBuilder.ca("O=gsk4j tests,CN=Policy Root").selfSigned();
    private final Issued inter = CertBuilder.ca("O=gsk4j tests,CN=Policy CA").issuedBy(root);

    private static CertBuilder leafWithoutAki() {
        return CertBuilder.server("CN=www.example.com", "www.example.com").without(Extension.authorityKeyIdentifier);
    }

    private ChainVerdict judge(ValidationPolicy policy, X509Certificate trusted, Issued... chain) {
        X509Certificate[] certs = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            certs[i] = chain[i].cert();
        }
        return new ChainValidator(List.of(trusted)).validate(certs, new Date(), policy);
    }

    @Test
    void anUntrustedRootComesBeforeEveryRule() {
        Issued stranger = CertBuilder.ca("O=elsewhere,CN=Stranger").selfSigned();
        ChainVerdict v = judge(STRICT, stranger.cert(), leafWithoutAki().issuedBy(inter), inter);
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, v.status());
        assertNull(v.rule());
        assertEquals(6000, v.validationCode());
        assertTrue(v.passableInPassthru());
    }

    @Test
    void aBadSignatureComesBeforeEveryRule() {
        Issued impostor = CertBuilder.ca("O=gsk4j tests,CN=Policy CA").issuedBy(root); // same name, other key
        ChainVerdict v = judge(STRICT, root.cert(), leafWithoutAki().issuedBy(impostor), inter);
        assertEquals(GskStatus.GSK_ERROR_BAD_CERTIFICATE, v.status(), v.reason());
        assertNull(v.rule());
        assertEquals(404, v.validationCode());
    }

    @Test
    void validityComesBeforeEveryRuleAndTheAnchorCounts() {
        Instant now = Instant.now();
        Issued expired = leafWithoutAki().validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).issuedBy(inter);
        ChainVerdict v = judge(STRICT, root.cert(), expired, inter);
        assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED, v.status());
        assertEquals(107, v.validationCode());
        Issued oldRoot = CertBuilder.ca("O=gsk4j tests,CN=Old Root").without(Extension.subjectKeyIdentifier)
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(2))).selfSigned();
        assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED, judge(STRICT, oldRoot.cert(), leafWithoutAki().issuedBy(oldRoot)).status());
    }

    @Test
    void aNamedRuleComesBeforeTheJdksGenericRefusal() {
        Issued odd = CertBuilder.server("CN=www.example.com", "www.example.com")
                .extension(PRIVATE, true, new DERUTF8String("x")).issuedBy(inter);
        ChainVerdict ours = judge(STRICT, root.cert(), odd, inter);
        assertEquals(ValidationReason.UNKNOWN_CRITICAL_EXTENSION, ours.rule());
        assertEquals(575019, ours.validationCode());
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION, ours.status());
        ChainVerdict jdk = judge(STRICT.withProfile(Profile.JDK), root.cert(), odd, inter);
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION, jdk.status());
        assertNull(jdk.rule());
        assertEquals(8, jdk.validationCode());
    }

    @Test
    void aRuleVerdictTravelsAsTheValidationCode() {
        ChainVerdict v = judge(STRICT, root.cert(), leafWithoutAki().issuedBy(inter), inter);
        assertEquals(ValidationReason.AKI_MISSING, v.rule());
        assertFalse(v.passableInPassthru(), "PASSTHRU lets only expiry and an untrusted root through");
        assertTrue(v.reason().contains("AKI_MISSING 576011"), v.reason());
        GskException e = new GskCertificateException(v).toGskException(null);
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), e.code());
        assertEquals(576011, e.validationCode());
        ChainVerdict legacy = new ChainVerdict(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, "untrusted");
        assertEquals(6000, new GskCertificateException(legacy).toGskException(null).validationCode());
        assertEquals(0, ChainVerdict.OK.validationCode());
    }

    @Test
    void theVariantWithoutAPolicyUsesTheDefaultProfile() {
        X509Certificate[] chain = {leafWithoutAki().issuedBy(inter).cert(), inter.cert()};
        ChainVerdict v = new ChainValidator(List.of(root.cert())).validate(chain, new Date());
        assertEquals(ValidationReason.AKI_MISSING, v.rule(), "an RFC 5280 rule");
        // and not STRICT's: a leaf without EKU is fine by RFC 5280
        X509Certificate[] noEku = {CertBuilder.server("CN=www.example.com", "www.example.com")
                .without(Extension.extendedKeyUsage).issuedBy(inter).cert(), inter.cert()};
        assertTrue(new ChainValidator(List.of(root.cert())).validate(noEku, new Date()).ok());
    }
}
