package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertOnlyWeRefuse;
import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.strict;

import io.gsk4j.ValidationReason;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.2.1.1 / §4.2.1.2 and BR 7.1.2.11.1: authority and subject key identifiers. */
class KeyIdentifierRuleTest {
    private final Issued root = Chains.root();
    private final Issued inter = Chains.issuing(root);

    private static CertBuilder leaf() {
        return CertBuilder.server("CN=www.example.com", "www.example.com");
    }

    private byte[] interKeyId() {
        return KeyIdentifierRule.keyId(inter.cert());
    }

    @Test
    void everyCertificateBelowTheAnchorNeedsAnAki() {
        assertOnlyWeRefuse(ValidationReason.AKI_MISSING, root, leaf().without(Extension.authorityKeyIdentifier).issuedBy(inter), inter);
        Issued bareInter = CertBuilder.ca("O=gsk4j tests,CN=No AKI CA").without(Extension.authorityKeyIdentifier).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.AKI_MISSING, root, Chains.server(bareInter), bareInter);
    }

    @Test
    void aSelfSignedRootNeedsNoAki() {
        Issued bareRoot = CertBuilder.ca("O=gsk4j tests,CN=Root without AKI").without(Extension.authorityKeyIdentifier).selfSigned();
        assertValid(strict(bareRoot, Chains.server(bareRoot)));
    }

    @Test
    void aCriticalAki() {
        Issued leaf = leaf().extension(Extension.authorityKeyIdentifier, true, new AuthorityKeyIdentifier(interKeyId())).issuedBy(inter);
        assertRefused(ValidationReason.AKI_CRITICAL, strict(root, leaf, inter));
        assertGenericJdkRefusal(judge(Chains.JDK, root, leaf, inter));
    }

    @Test
    void anAkiWithoutKeyIdentifierIsOnlyRefusedUnderStrict() {
        AuthorityKeyIdentifier byName = new AuthorityKeyIdentifier(
                new GeneralNames(new GeneralName(X500Name.getInstance(root.cert().getSubjectX500Principal().getEncoded()))),
                inter.cert().getSerialNumber());
        Issued leaf = leaf().extension(Extension.authorityKeyIdentifier, false, byName).issuedBy(inter);
        assertOnlyWeRefuse(ValidationReason.AKI_WITHOUT_KEY_ID, root, leaf, inter);
        assertValid(judge(Chains.RFC, root, leaf, inter));
    }

    @Test
    void akiAndSkiMustAgree() {
        Issued leaf = leaf().extension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(new byte[] {1, 2, 3, 4}))
                .issuedBy(inter);
        assertOnlyWeRefuse(ValidationReason.KEY_IDS_DONT_MATCH, root, leaf, inter);
        assertRefused(ValidationReason.KEY_IDS_DONT_MATCH, judge(Chains.RFC, root, leaf, inter));
    }

    @Test
    void anAkiSerialMustBeTheIssuers() {
        AuthorityKeyIdentifier wrongSerial = new AuthorityKeyIdentifier(interKeyId(),
                new GeneralNames(new GeneralName(X500Name.getInstance(root.cert().getSubjectX500Principal().getEncoded()))),
                inter.cert().getSerialNumber().add(java.math.BigInteger.ONE));
        Issued leaf = leaf().extension(Extension.authorityKeyIdentifier, false, wrongSerial).issuedBy(inter);
        assertOnlyWeRefuse(ValidationReason.AKI_SERIAL_MISMATCH, root, leaf, inter);
    }

    @Test
    void caCertificatesNeedAnSki() {
        Issued bareInter = CertBuilder.ca("O=gsk4j tests,CN=No SKI CA").without(Extension.subjectKeyIdentifier).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.SKI_MISSING, root, leaf().issuedBy(bareInter), bareInter);
        Issued rootWithoutSki = CertBuilder.ca("O=gsk4j tests,CN=Root without SKI").without(Extension.subjectKeyIdentifier)
                .without(Extension.authorityKeyIdentifier).selfSigned();
        Issued leafOfIt = leaf().issuedBy(rootWithoutSki);
        assertRefused(ValidationReason.SKI_MISSING, strict(rootWithoutSki, leafOfIt));
        // a v3 root is checked as a CA under the default too (x509-limbo rfc5280::ski::root-missing-ski)
        assertRefused(ValidationReason.SKI_MISSING, judge(Chains.RFC, rootWithoutSki, leafOfIt));
        assertValid(strict(root, leaf().without(Extension.subjectKeyIdentifier).issuedBy(inter), inter)); // leaves may omit it
    }

    @Test
    void aCriticalSki() {
        Issued leaf = leaf().extension(Extension.subjectKeyIdentifier, true, new SubjectKeyIdentifier(new byte[] {5, 6, 7})).issuedBy(inter);
        assertRefused(ValidationReason.SKI_CRITICAL, strict(root, leaf, inter));
        assertGenericJdkRefusal(judge(Chains.JDK, root, leaf, inter));
    }

    @Test
    void anAkiThatDoesNotDecode() {
        Issued leaf = leaf().rawExtension(Extension.authorityKeyIdentifier, false, new byte[] {0x04, 0x01, 0x00}).issuedBy(inter);
        assertRefused(ValidationReason.EXTENSION_MALFORMED, strict(root, leaf, inter));
    }

    /** The JDK refuses too, but only as "unrecognized critical extension": status 8 with no rule. */
    static void assertGenericJdkRefusal(io.gsk4j.internal.certs.ChainVerdict v) {
        org.junit.jupiter.api.Assertions.assertEquals(io.gsk4j.GskStatus.GSK_ERROR_CERT_VALIDATION, v.status(), v.reason());
        org.junit.jupiter.api.Assertions.assertNull(v.rule());
        org.junit.jupiter.api.Assertions.assertEquals(8, v.validationCode());
    }
}
