package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertJdkAccepts;
import static io.gsk4j.internal.validation.Chains.assertOnlyWeRefuse;
import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.strict;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gsk4j.ValidationReason;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.2.1.9 / §4.2.1.3, BR 7.1.2.7.8 and 7.1.2.10.7: who may issue, how deep, what a leaf may be. */
class BasicConstraintsRuleTest {
    private final Issued root = Chains.root();

    private static CertBuilder ca(String cn) {
        return CertBuilder.ca("O=gsk4j tests,CN=" + cn);
    }

    @Test
    void anIssuerWithoutBasicConstraintsOrWithCaFalse() {
        Issued noBc = ca("No BC").without(Extension.basicConstraints).issuedBy(root);
        assertRefused(ValidationReason.ISSUER_NOT_CA, strict(root, Chains.server(noBc), noBc));
        Issued notCa = ca("cA false").basicConstraints(true, new BasicConstraints(false)).issuedBy(root);
        assertRefused(ValidationReason.ISSUER_NOT_CA, strict(root, Chains.server(notCa), notCa));
        assertFalse(judge(Chains.JDK, root, Chains.server(notCa), notCa).ok(), "the JDK refuses this one too, without a name");
    }

    @Test
    void aCaWhoseBasicConstraintsAreNotCritical() {
        Issued inter = ca("Soft BC").basicConstraints(false, new BasicConstraints(true)).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.CA_BASIC_CONSTRAINTS_NOT_CRITICAL, root, Chains.server(inter), inter);
        assertRefused(ValidationReason.CA_BASIC_CONSTRAINTS_NOT_CRITICAL, judge(Chains.RFC, root, Chains.server(inter), inter));
    }

    @Test
    void aV3RootWithoutBasicConstraintsIsNoCa() {
        Issued bareRoot = ca("Bare Root").without(Extension.basicConstraints).selfSigned();
        Issued leaf = Chains.server(bareRoot);
        assertRefused(ValidationReason.ISSUER_NOT_CA, strict(bareRoot, leaf));
        // a v3 root that does not say it is a CA is no CA, under the default too (x509-limbo rfc5280::root-missing-basic-constraints)
        assertRefused(ValidationReason.ISSUER_NOT_CA, judge(Chains.RFC, bareRoot, leaf));
        // the JDK's PKIX CertPathValidator takes it (its TLS trust manager, which gsk4j does not use, would not)
        assertValid(judge(Chains.JDK, bareRoot, leaf));
    }

    @Test
    void keyUsageOfCas() {
        Issued noKu = ca("No KU").without(Extension.keyUsage).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.CA_KEY_USAGE_MISSING, root, Chains.server(noKu), noKu);
        Issued noCertSign = ca("No keyCertSign").keyUsage(true, KeyUsage.digitalSignature | KeyUsage.cRLSign).issuedBy(root);
        assertRefused(ValidationReason.ISSUER_CANNOT_SIGN_CERTIFICATES, strict(root, Chains.server(noCertSign), noCertSign));
        Issued softKu = ca("Soft KU").keyUsage(false, KeyUsage.keyCertSign).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.CA_KEY_USAGE_NOT_CRITICAL, root, Chains.server(softKu), softKu);
        assertValid(judge(Chains.RFC, root, Chains.server(softKu), softKu));
    }

    @Test
    void pathLengthsAreHonoured() {
        Issued zero = ca("pathLen 0").basicConstraints(true, new BasicConstraints(0)).issuedBy(root);
        Issued below = ca("Below pathLen 0").issuedBy(zero);
        assertValid(strict(root, Chains.server(zero), zero));
        assertRefused(ValidationReason.PATHLEN_EXCEEDED, strict(root, Chains.server(below), below, zero));
        assertFalse(judge(Chains.JDK, root, Chains.server(below), below, zero).ok());
    }

    @Test
    void theAnchorsPathLengthCounts() {
        Issued tightRoot = ca("Root pathLen 0").basicConstraints(true, new BasicConstraints(0)).selfSigned();
        Issued inter = Chains.issuing(tightRoot);
        Issued leaf = Chains.server(inter);
        assertOnlyWeRefuse(ValidationReason.PATHLEN_EXCEEDED, tightRoot, leaf, inter);
        assertRefused(ValidationReason.PATHLEN_EXCEEDED, judge(Chains.RFC, tightRoot, leaf, inter));
    }

    @Test
    void selfIssuedCertificatesDoNotCountTowardPathLength() {
        Issued zero = ca("Rolled CA").basicConstraints(true, new BasicConstraints(0)).issuedBy(root);
        Issued rolled = ca("Rolled CA").issuedBy(zero); // same name, new key: a key rollover certificate
        Issued leaf = Chains.server(rolled);
        assertValid(strict(root, leaf, rolled, zero));
        assertJdkAccepts(root, leaf, rolled, zero);
    }

    @Test
    void aPathLengthBesideCaFalseIsMalformed() {
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com")
                .extension(Extension.basicConstraints, true, new DERSequence(new ASN1Integer(0))).issuedBy(root);
        assertRefused(ValidationReason.PATHLEN_WITHOUT_CA, strict(root, leaf));
        assertRefused(ValidationReason.PATHLEN_WITHOUT_CA, judge(Chains.RFC, root, leaf));
    }

    @Test
    void aLeafThatIsACa() {
        Issued caLeaf = CertBuilder.server("CN=www.example.com", "www.example.com")
                .basicConstraints(true, new BasicConstraints(true)).keyUsage(true, KeyUsage.digitalSignature).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.LEAF_IS_CA, root, caLeaf);
        assertValid(judge(Chains.RFC, root, caLeaf));
    }

    @Test
    void aLeafThatCanSignCertificatesWithoutBeingACa() {
        Issued signer = CertBuilder.server("CN=www.example.com", "www.example.com")
                .keyUsage(true, KeyUsage.digitalSignature | KeyUsage.keyCertSign).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.KEY_CERT_SIGN_WITHOUT_CA, root, signer);
        assertRefused(ValidationReason.KEY_CERT_SIGN_WITHOUT_CA, judge(Chains.RFC, root, signer));
    }
}
