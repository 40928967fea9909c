package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertOnlyWeRefuse;
import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.strict;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gsk4j.ValidationReason;
import io.gsk4j.internal.certs.ChainValidator;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

/** Extended key usage per side of TLS, with the web-PKI rules for anyExtendedKeyUsage and CA EKUs. */
class ExtendedKeyUsageRuleTest {
    private static final ValidationPolicy CLIENT = ValidationPolicy.defaults(Purpose.CLIENT);
    private final Issued root = Chains.root();

    private static CertBuilder leaf() {
        return CertBuilder.server("CN=www.example.com", "www.example.com");
    }

    @Test
    void serverAuthForServersClientAuthForClients() {
        Issued server = leaf().issuedBy(root);
        Issued client = CertBuilder.client("CN=alice").issuedBy(root);
        assertValid(strict(root, server));
        assertValid(judge(CLIENT, root, client));
        assertRefused(ValidationReason.EKU_PURPOSE_NOT_ALLOWED, strict(root, client));
        assertRefused(ValidationReason.EKU_PURPOSE_NOT_ALLOWED, judge(CLIENT, root, server));
        assertRefused(ValidationReason.EKU_PURPOSE_NOT_ALLOWED, judge(Chains.RFC, root, client));
    }

    @Test
    void theVariantWithoutAPolicyTakesEitherPurpose() {
        ChainValidator v = new ChainValidator(List.of(root.cert()));
        assertValid(v.validate(Chains.certs(leaf().issuedBy(root)), new Date()));
        assertValid(v.validate(Chains.certs(CertBuilder.client("CN=alice").issuedBy(root)), new Date()));
        Issued signer = leaf().eku(KeyPurposeId.id_kp_codeSigning).issuedBy(root);
        assertRefused(ValidationReason.EKU_PURPOSE_NOT_ALLOWED, v.validate(Chains.certs(signer), new Date()));
    }

    @Test
    void noEkuIsRefusedOnlyUnderStrict() {
        Issued bare = leaf().without(Extension.extendedKeyUsage).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.EKU_MISSING, root, bare);
        assertValid(judge(Chains.RFC, root, bare));
    }

    @Test
    void anyExtendedKeyUsageInALeaf() {
        Issued any = leaf().eku(KeyPurposeId.anyExtendedKeyUsage).issuedBy(root);
        Issued both = leaf().eku(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.anyExtendedKeyUsage).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.EKU_ANY_IN_LEAF, root, any);
        assertOnlyWeRefuse(ValidationReason.EKU_ANY_IN_LEAF, root, both);
        assertValid(judge(Chains.RFC, root, any));
    }

    @Test
    void anIntermediatesEkuConstrainsThePathUnderStrict() {
        Issued clientCa = CertBuilder.ca("O=gsk4j tests,CN=Client CA").eku(KeyPurposeId.id_kp_clientAuth).issuedBy(root);
        Issued server = leaf().issuedBy(clientCa);
        assertOnlyWeRefuse(ValidationReason.CA_EKU_EXCLUDES_PURPOSE, root, server, clientCa);
        assertValid(judge(Chains.RFC, root, server, clientCa)); // RFC 5280 does not process EKU in CA certificates
        Issued anyCa = CertBuilder.ca("O=gsk4j tests,CN=Any CA").eku(KeyPurposeId.anyExtendedKeyUsage).issuedBy(root);
        assertValid(strict(root, leaf().issuedBy(anyCa), anyCa));
        Issued serverCa = CertBuilder.ca("O=gsk4j tests,CN=TLS CA").eku(KeyPurposeId.id_kp_serverAuth).issuedBy(root);
        assertValid(strict(root, leaf().issuedBy(serverCa), serverCa));
    }

    @Test
    void anEkuOnTheRootIsAConstraintUnderStrict() {
        Issued clientRoot = CertBuilder.ca("O=gsk4j tests,CN=Client Root").eku(KeyPurposeId.id_kp_clientAuth).selfSigned();
        Issued server = leaf().issuedBy(clientRoot);
        assertOnlyWeRefuse(ValidationReason.CA_EKU_EXCLUDES_PURPOSE, clientRoot, server);
        assertValid(judge(CLIENT, clientRoot, CertBuilder.client("CN=alice").issuedBy(clientRoot)));
        assertValid(judge(Chains.RFC, clientRoot, server));
    }

    @Test
    void aPinnedCertificateWithTheWrongPurpose() {
        Issued self = CertBuilder.client("CN=self").selfSigned();
        assertRefused(ValidationReason.EKU_PURPOSE_NOT_ALLOWED, strict(self, self));
        assertValid(judge(CLIENT, self, self));
        Issued noEku = leaf().without(Extension.extendedKeyUsage).selfSigned();
        assertValid(strict(noEku, noEku));
        assertFalse(strict(noEku, noEku).rule() != null);
    }

    @Test
    void anEkuThatDoesNotDecode() {
        Issued empty = leaf().rawExtension(Extension.extendedKeyUsage, false, new byte[] {0x30, 0x00}).issuedBy(root);
        assertRefused(ValidationReason.EXTENSION_MALFORMED, strict(root, empty));
        assertRefused(ValidationReason.EXTENSION_MALFORMED, judge(Chains.RFC, root, empty));
    }
}
