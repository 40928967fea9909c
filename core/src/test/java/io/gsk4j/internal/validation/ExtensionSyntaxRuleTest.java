package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertOnlyWeRefuse;
import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.strict;

import io.gsk4j.ValidationReason;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.2.1.6 / §4.2.2.1: malformed subjectAltName and authorityInfoAccess. */
class ExtensionSyntaxRuleTest {
    private final Issued root = Chains.root();

    private Issued withSan(GeneralName... names) {
        return CertBuilder.server("CN=www.example.com").sans(names).issuedBy(root);
    }

    private static GeneralName dns(String s) {
        return new GeneralName(GeneralName.dNSName, s);
    }

    @Test
    void sanThatDoesNotDecodeOrIsEmpty() {
        Issued garbage = CertBuilder.server("CN=www.example.com")
                .rawExtension(Extension.subjectAlternativeName, false, new byte[] {0x30, 0x05, (byte) 0x82, 0x01}).issuedBy(root);
        assertRefused(ValidationReason.MALFORMED_SUBJECT_ALT_NAME, strict(root, garbage));
        assertRefused(ValidationReason.MALFORMED_SUBJECT_ALT_NAME, judge(Chains.RFC, root, garbage));
        Issued empty = CertBuilder.server("CN=www.example.com")
                .rawExtension(Extension.subjectAlternativeName, false, new byte[] {0x30, 0x00}).issuedBy(root);
        assertRefused(ValidationReason.MALFORMED_SUBJECT_ALT_NAME, strict(root, empty));
    }

    @Test
    void malformedDnsNames() {
        for (String bad : new String[] {"", "-lead.example.com", "trail-.example.com", "a..example.com", "*.*.example.com",
            "foo.*.example.com", "f*o.example.com", "*.com", "space .example.com", "www.example.com."}) {
            assertOnlyWeRefuse(ValidationReason.MALFORMED_SUBJECT_ALT_NAME, root, withSan(dns(bad)));
        }
        assertValid(judge(Chains.RFC, root, withSan(dns("*.example.com"), dns("xn--bcher-kva.example"), dns("1a.example.com"))));
    }

    @Test
    void underscoresAreRefused() {
        // RFC 5280 §4.2.1.6: a dNSName in the preferred name syntax (x509-limbo rfc5280::san::underscore-dns)
        Issued underscore = withSan(dns("my_host.example.com"));
        assertOnlyWeRefuse(ValidationReason.MALFORMED_SUBJECT_ALT_NAME, root, underscore);
        assertRefused(ValidationReason.MALFORMED_SUBJECT_ALT_NAME, judge(Chains.RFC, root, underscore));
    }

    @Test
    void aWildcardInACaCertificatesSan() {
        Issued inter = CertBuilder.ca("O=gsk4j tests,CN=Wild CA").sans("*.example.com").issuedBy(root);
        assertRefused(ValidationReason.MALFORMED_SUBJECT_ALT_NAME, strict(root, Chains.server(inter), inter));
    }

    @Test
    void malformedAddressesMailboxesAndUris() {
        Issued fiveOctets = withSan(new GeneralName(GeneralName.iPAddress, new DEROctetString(new byte[] {10, 0, 0, 1, 0})));
        assertRefused(ValidationReason.MALFORMED_SUBJECT_ALT_NAME, strict(root, fiveOctets));
        assertRefused(ValidationReason.MALFORMED_SUBJECT_ALT_NAME,
                strict(root, withSan(dns("www.example.com"), new GeneralName(GeneralName.rfc822Name, "no-at-sign"))));
        assertRefused(ValidationReason.MALFORMED_SUBJECT_ALT_NAME,
                strict(root, withSan(dns("www.example.com"), new GeneralName(GeneralName.uniformResourceIdentifier, "not a uri"))));
    }

    @Test
    void sanThatIsNotDerIsRefusedUnderStrict() {
        // SEQUENCE with a long-form length for a short body: valid BER, not DER
        byte[] ber = {0x30, (byte) 0x81, 0x11, (byte) 0x82, 0x0f, 'w', 'w', 'w', '.', 'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'c', 'o', 'm'};
        Issued leaf = CertBuilder.server("CN=www.example.com").rawExtension(Extension.subjectAlternativeName, false, ber).issuedBy(root);
        assertRefused(ValidationReason.MALFORMED_SUBJECT_ALT_NAME, strict(root, leaf));
        assertValid(judge(Chains.RFC, root, leaf));
    }

    @Test
    void authorityInfoAccess() {
        AuthorityInformationAccess good = new AuthorityInformationAccess(AccessDescription.id_ad_ocsp,
                new GeneralName(GeneralName.uniformResourceIdentifier, "http://ocsp.example.com"));
        assertValid(strict(root, leafWithAia(false, good)));
        assertRefused(ValidationReason.MALFORMED_AUTHORITY_INFO_ACCESS, strict(root, leafWithAia(true, good)));
        assertRefused(ValidationReason.MALFORMED_AUTHORITY_INFO_ACCESS, strict(root, leafWithAia(false, new DERSequence())));
        AuthorityInformationAccess badUri = new AuthorityInformationAccess(AccessDescription.id_ad_caIssuers,
                new GeneralName(GeneralName.uniformResourceIdentifier, "ca issuers"));
        assertOnlyWeRefuse(ValidationReason.MALFORMED_AUTHORITY_INFO_ACCESS, root, leafWithAia(false, badUri));
        Issued garbage = CertBuilder.server("CN=www.example.com", "www.example.com")
                .rawExtension(Extension.authorityInfoAccess, false, new byte[] {0x30, 0x03, 0x06, 0x01}).issuedBy(root);
        assertRefused(ValidationReason.MALFORMED_AUTHORITY_INFO_ACCESS, judge(Chains.RFC, root, garbage));
    }

    private Issued leafWithAia(boolean critical, org.bouncycastle.asn1.ASN1Encodable aia) {
        return CertBuilder.server("CN=www.example.com", "www.example.com")
                .extension(Extension.authorityInfoAccess, critical, aia).issuedBy(root);
    }
}
