package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertJdkAccepts;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.strict;

import io.gsk4j.internal.certs.ChainValidator;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Real-world chain shapes the JDK accepts: STRICT accepts them too. */
class OrdinaryChainsTest {

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void testPkiChainsPassStrictForServersAndClients(KeyType type) {
        TestPki.Ca root = TestPki.rootCa("Ordinary Root " + type, type);
        TestPki.Ca inter = root.intermediate("Ordinary Issuing CA " + type, type);
        TestPki.Credential server = inter.issueServer("server.example", type);
        TestPki.Credential client = inter.issueClient("client", type);
        ChainValidator v = new ChainValidator(List.of(root.certificate()));
        ValidationPolicy serverPolicy = ValidationPolicy.defaults(Purpose.SERVER).withExpectedHostname("server.example");
        assertValid(v.validate(server.chain(), new Date(), serverPolicy));
        assertValid(v.validate(client.chain(), new Date(), ValidationPolicy.defaults(Purpose.CLIENT)));
        assertValid(v.validate(server.chain(), new Date()));
        assertValid(v.validate(client.chain(), new Date()));
    }

    @Test
    void aSelfSignedCertificateTheStoreTrustsDirectly() {
        TestPki.Credential self = TestPki.selfSigned("pinned.example", KeyType.EC_P256);
        ChainValidator v = new ChainValidator(List.of(self.leaf()));
        assertValid(v.validate(self.chain(), new Date(),
                ValidationPolicy.defaults(Purpose.SERVER).withExpectedHostname("pinned.example")));
    }

    @Test
    void crossSignedRootsWhicheverRootTheStoreHas() {
        Issued oldRoot = CertBuilder.ca("O=Old,CN=Old Root").rsa(2048).selfSigned();
        Issued newRoot = CertBuilder.ca("O=New,CN=New Root").selfSigned();
        Issued cross = CertBuilder.ca("O=New,CN=New Root").key(newRoot.keys()).issuedBy(oldRoot);
        Issued inter = CertBuilder.ca("O=New,CN=New Issuing CA").issuedBy(newRoot);
        Issued leaf = CertBuilder.server("CN=cross.example", "cross.example").issuedBy(inter);

        assertValid(strict(oldRoot, leaf, inter, cross));
        assertJdkAccepts(oldRoot, leaf, inter, cross);
        assertValid(strict(newRoot, leaf, inter, cross));
        assertJdkAccepts(newRoot, leaf, inter, cross);
    }

    @Test
    void aLongChainOfMixedKeysAndSignatures() {
        Issued root = CertBuilder.ca("O=Mix,CN=RSA Root").rsa(4096).selfSigned();
        Issued i1 = CertBuilder.ca("O=Mix,CN=EC Policy CA").issuedBy(root);
        Issued i2 = CertBuilder.ca("O=Mix,CN=RSA 3072 CA").rsa(3072).signatureAlgorithm("SHA384withECDSA").issuedBy(i1);
        // an RSASSA-PSS signature (SHA-256) made by the RSA CA
        Issued i3 = CertBuilder.ca("O=Mix,CN=Ed25519 CA").ed25519().signatureAlgorithm("SHA256withRSAandMGF1").issuedBy(i2);
        Issued i4 = CertBuilder.ca("O=Mix,CN=EC Issuing CA").basicConstraints(true, new BasicConstraints(0)).issuedBy(i3);
        Issued leaf = CertBuilder.server("CN=deep.example", "deep.example").rsa(2048).signatureAlgorithm("SHA384withECDSA")
                .issuedBy(i4);

        assertValid(strict(root, leaf, i4, i3, i2, i1));
        assertJdkAccepts(root, leaf, i4, i3, i2, i1);
    }

    @Test
    void theExtensionsRealCertificatesCarry() {
        Issued root = Chains.root();
        Issued inter = CertBuilder.ca("O=gsk4j tests,CN=Constrained CA")
                .basicConstraints(true, new BasicConstraints(0))
                .nameConstraints(new GeneralSubtree[] {new GeneralSubtree(new GeneralName(GeneralName.dNSName, "example.com"))}, null)
                .extension(Extension.certificatePolicies, false,
                        new DERSequence(new PolicyInformation(new ASN1ObjectIdentifier("2.23.140.1.2.1"))))
                .eku(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)
                .issuedBy(root);
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com", "*.api.example.com")
                .eku(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)
                .extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp, uri("http://ocsp.example.com")),
                    new AccessDescription(AccessDescription.id_ad_caIssuers, uri("http://ca.example.com/ca.crt"))}))
                .extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(uri("http://crl.example.com/ca.crl"))),
                            null, null)}))
                .extension(Extension.certificatePolicies, false,
                        new DERSequence(new PolicyInformation(new ASN1ObjectIdentifier("2.23.140.1.2.1"))))
                .issuedBy(inter);

        assertValid(judge(Chains.STRICT.withExpectedHostname("x.api.example.com"), root, leaf, inter));
        assertJdkAccepts(root, leaf, inter);
    }

    @Test
    void anIpAddressServer() {
        Issued root = Chains.root();
        Issued leaf = CertBuilder.server("CN=localhost", "localhost", "127.0.0.1", "::1").issuedBy(root);
        assertValid(judge(Chains.STRICT.withExpectedHostname("127.0.0.1"), root, leaf));
        assertValid(judge(Chains.STRICT.withExpectedHostname("[::1]"), root, leaf));
        assertValid(judge(Chains.STRICT.withExpectedHostname("LOCALHOST"), root, leaf));
        assertJdkAccepts(root, leaf);
    }

    @Test
    void theRootSentAlongIsHarmless() {
        Issued root = Chains.root();
        Issued inter = Chains.issuing(root);
        Issued leaf = Chains.server(inter);
        assertValid(strict(root, leaf, inter, root));
    }

    private static GeneralName uri(String s) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, s);
    }
}
