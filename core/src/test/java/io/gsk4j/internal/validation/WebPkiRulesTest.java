package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertOnlyWeRefuse;
import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.strict;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.ValidationReason;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import java.math.BigInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.PolicyConstraints;
import org.junit.jupiter.api.Test;

/**
 * The rules behind the corpus's wrong accepts: criticality RFC 5280 requires (both profiles, name
 * constraints only under RFC5280) and the web-PKI subscriber and root profile (STRICT only).
 */
class WebPkiRulesTest {
    private final Issued root = Chains.root();

    @Test
    void policyConstraintsMustBeCriticalEverywhere() {
        Issued soft = CertBuilder.ca("O=gsk4j tests,CN=Soft PC CA")
                .extension(Extension.policyConstraints, false, new PolicyConstraints(null, BigInteger.ZERO)).issuedBy(root);
        Issued leaf = Chains.server(soft);
        assertRefused(ValidationReason.POLICY_CONSTRAINTS_NOT_CRITICAL, judge(Chains.RFC, root, leaf, soft));
        assertOnlyWeRefuse(ValidationReason.POLICY_CONSTRAINTS_NOT_CRITICAL, root, leaf, soft);
    }

    @Test
    void nameConstraintsMustBeCriticalUnderRfc5280ButTheWebPkiAllowsThemSoft() {
        Issued soft = CertBuilder.ca("O=gsk4j tests,CN=Soft NC CA").extension(Extension.nameConstraints, false,
                new org.bouncycastle.asn1.x509.NameConstraints(new org.bouncycastle.asn1.x509.GeneralSubtree[] {
                    new org.bouncycastle.asn1.x509.GeneralSubtree(new GeneralName(GeneralName.dNSName, "example.com"))}, null))
                .issuedBy(root);
        Issued leaf = Chains.server(soft);
        assertRefused(ValidationReason.NAME_CONSTRAINTS_NOT_CRITICAL, judge(Chains.RFC, root, leaf, soft));
        assertValid(strict(root, leaf, soft));
    }

    @Test
    void theCommonNameMustBeASanValueWrittenTheSameWay() {
        assertValid(strict(root, CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(root)));
        assertValid(strict(root, CertBuilder.server("CN=192.0.2.1", "192.0.2.1").issuedBy(root)));
        assertValid(strict(root, CertBuilder.server("CN=2001:db8::1", "2001:db8::1").issuedBy(root)));
        for (String[] cnAndSan : new String[][] {{"CN=WWW.example.com", "www.example.com"}, {"CN=other.example.com", "www.example.com"},
            {"CN=2001:DB8::1", "2001:db8::1"}, {"CN=2001:db8:0:0:0:0:0:1", "2001:db8::1"}, {"CN=192.000.2.1", "192.0.2.1"}}) {
            Issued leaf = CertBuilder.server(cnAndSan[0], cnAndSan[1]).issuedBy(root);
            assertOnlyWeRefuse(ValidationReason.CN_NOT_IN_SAN, root, leaf);
            assertValid(judge(Chains.RFC, root, leaf));
        }
        // client certificates are not web-PKI subscriber certificates
        Issued alice = CertBuilder.client("CN=alice").issuedBy(root);
        assertValid(judge(ValidationPolicy.defaults(Purpose.CLIENT).withProfile(ValidationPolicy.Profile.STRICT), root, alice));
    }

    @Test
    void aCriticalSanBesideASubjectAndACriticalLeafEku() {
        Issued criticalSan = CertBuilder.server("CN=www.example.com").extension(Extension.subjectAlternativeName, true,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "www.example.com"))).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.SAN_CRITICAL_WITH_SUBJECT, root, criticalSan);
        Issued criticalEku = CertBuilder.server("CN=www.example.com", "www.example.com").without(Extension.extendedKeyUsage)
                .extension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.EKU_CRITICAL, root, criticalEku);
        assertValid(judge(Chains.RFC, root, criticalEku));
    }

    @Test
    void aRootWithAnEkuOrAnAkiThatIsNotJustItsOwnKeyId() {
        Issued ekuRoot = CertBuilder.ca("O=gsk4j tests,CN=EKU Root").eku(KeyPurposeId.id_kp_serverAuth).selfSigned();
        assertRefused(ValidationReason.ROOT_HAS_EKU, strict(ekuRoot, Chains.server(ekuRoot)));
        assertValid(judge(Chains.RFC, ekuRoot, Chains.server(ekuRoot)));
        AuthorityKeyIdentifier withSerial = new AuthorityKeyIdentifier(new byte[] {1, 2, 3},
                new GeneralNames(new GeneralName(new X500Name("CN=Someone"))), BigInteger.TEN);
        Issued akiRoot = CertBuilder.ca("O=gsk4j tests,CN=AKI Root").extension(Extension.authorityKeyIdentifier, false, withSerial)
                .selfSigned();
        assertRefused(ValidationReason.ROOT_AKI_MALFORMED, strict(akiRoot, Chains.server(akiRoot)));
        assertValid(judge(Chains.RFC, akiRoot, Chains.server(akiRoot)));
        assertTrue(Chains.STRICT_ONLY.contains(ValidationReason.ROOT_AKI_MALFORMED));
    }
}
