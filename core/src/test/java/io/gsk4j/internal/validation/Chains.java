package io.gsk4j.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gsk4j.ValidationReason;
import io.gsk4j.internal.certs.ChainValidator;
import io.gsk4j.internal.certs.ChainVerdict;
import io.gsk4j.internal.validation.ValidationPolicy.Profile;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Shared helpers: judge a generated chain under a policy, and ask the JDK for its opinion. */
final class Chains {
    /** The default policy: the RFC5280 profile. */
    static final ValidationPolicy RFC = ValidationPolicy.defaults(Purpose.SERVER);
    /** The opt-in web-PKI profile, asked for explicitly. */
    static final ValidationPolicy STRICT = RFC.withProfile(Profile.STRICT);
    static final ValidationPolicy JDK = STRICT.withProfile(Profile.JDK);

    /** Rules only the STRICT profile has: their refusals never abort a PASSTHRU session. */
    static final java.util.Set<ValidationReason> STRICT_ONLY = java.util.EnumSet.of(ValidationReason.NOT_VERSION_3,
            ValidationReason.AKI_WITHOUT_KEY_ID, ValidationReason.CA_KEY_USAGE_NOT_CRITICAL, ValidationReason.LEAF_IS_CA,
            ValidationReason.EKU_MISSING, ValidationReason.EKU_ANY_IN_LEAF, ValidationReason.CA_EKU_EXCLUDES_PURPOSE,
            ValidationReason.WEAK_KEY, ValidationReason.KEY_SIZE_NOT_MULTIPLE_OF_8, ValidationReason.WEAK_SIGNATURE_ALGORITHM,
            ValidationReason.ROOT_AKI_MALFORMED, ValidationReason.CN_NOT_IN_SAN, ValidationReason.EKU_CRITICAL,
            ValidationReason.SAN_CRITICAL_WITH_SUBJECT, ValidationReason.ROOT_HAS_EKU, ValidationReason.KEY_ALGORITHM_NOT_ALLOWED,
            // rules of both profiles that STRICT also applies to the trust anchor
            ValidationReason.CA_NOT_VERSION_3, ValidationReason.VALIDITY_WRONG_TIME_TYPE, ValidationReason.MALFORMED_SUBJECT_ALT_NAME,
            ValidationReason.PATHLEN_EXCEEDED, ValidationReason.ISSUER_NOT_CA, ValidationReason.UNKNOWN_CRITICAL_EXTENSION,
            ValidationReason.SKI_MISSING,
            // STRICT has no CN fallback for host names
            ValidationReason.HOSTNAME_MISMATCH);

    private Chains() {
    }

    static Issued root() {
        return CertBuilder.ca("O=gsk4j tests,CN=Test Root").selfSigned();
    }

    static Issued issuing(Issued parent) {
        return CertBuilder.ca("O=gsk4j tests,CN=Test Issuing CA").issuedBy(parent);
    }

    static Issued server(Issued issuer) {
        return CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(issuer);
    }

    /** The peer's chain (leaf first) judged against one trusted certificate. */
    static ChainVerdict judge(ValidationPolicy policy, Issued anchor, Issued... chain) {
        return new ChainValidator(List.of(anchor.cert())).validate(certs(chain), new Date(), policy);
    }

    static ChainVerdict strict(Issued anchor, Issued... chain) {
        return judge(STRICT, anchor, chain);
    }

    /** Under the default profile. */
    static ChainVerdict rfc(Issued anchor, Issued... chain) {
        return judge(RFC, anchor, chain);
    }

    static X509Certificate[] certs(Issued... chain) {
        X509Certificate[] out = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            out[i] = chain[i].cert();
        }
        return out;
    }

    static void assertValid(ChainVerdict v) {
        assertTrue(v.ok(), () -> "expected a valid chain, got " + v.status() + " " + v.validationCode() + ": " + v.reason());
        assertNull(v.rule());
        assertEquals(0, v.validationCode());
    }

    static void assertRefused(ValidationReason rule, ChainVerdict v) {
        assertEquals(rule, v.rule(), () -> "got " + v.status() + ": " + v.reason());
        assertEquals(rule.status(), v.status());
        assertEquals(rule.code(), v.validationCode());
        assertTrue(v.reason().contains(rule.name()), v.reason());
        assertTrue(!v.passableInPassthru() || STRICT_ONLY.contains(rule),
                "only a rule of STRICT alone may let a PASSTHRU session start");
    }

    /** The JDK's TLS trust manager (PKIX path building and validation, TLS server checks) accepts the chain. */
    static void assertJdkAccepts(Issued anchor, Issued... chain) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("anchor", anchor.cert());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            ((X509TrustManager) tmf.getTrustManagers()[0]).checkServerTrusted(certs(chain), "UNKNOWN");
        } catch (Exception e) {
            fail("the JDK refuses the chain: " + e, e);
        }
    }

    /** A refusal of the STRICT profile that the JDK's own validator does not make. */
    static void assertOnlyWeRefuse(ValidationReason rule, Issued anchor, Issued... chain) {
        assertRefused(rule, strict(anchor, chain));
        assertValid(judge(JDK, anchor, chain));
        assertJdkAccepts(anchor, chain);
    }
}
