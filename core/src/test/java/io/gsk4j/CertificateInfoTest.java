package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.CertDataId;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateInfoTest {
    private static TestPki.Ca rsaCa;
    private static X509Certificate rsaLeaf;

    @BeforeAll
    static void issue() {
        rsaCa = TestPki.rootCa("Info Root CA", KeyType.RSA_2048);
        rsaLeaf = rsaCa.issueServer("host.example", KeyType.RSA_2048, "host.example", "alt.example", "127.0.0.1").leaf();
    }

    @Test
    void startsWithTheExactDerAndItsBase64() throws Exception {
        List<CertDataElement> info = CertificateInfo.describe(rsaLeaf);
        assertEquals(CertDataId.CERT_BODY_DER, info.get(0).id());
        assertArrayEquals(rsaLeaf.getEncoded(), info.get(0).value());
        assertEquals(Base64.getEncoder().encodeToString(rsaLeaf.getEncoded()), text(info, CertDataId.CERT_BODY_BASE64));
    }

    @Test
    void namesSubjectAndIssuer() {
        List<CertDataElement> info = CertificateInfo.describe(rsaLeaf);
        assertEquals("host.example", text(info, CertDataId.CERT_COMMON_NAME));
        assertEquals("CN=host.example", text(info, CertDataId.CERT_DN_PRINTABLE));
        assertEquals("Info Root CA", text(info, CertDataId.CERT_ISSUER_COMMON_NAME));
        assertEquals("CN=Info Root CA", text(info, CertDataId.CERT_ISSUER_DN_PRINTABLE));
        assertArrayEquals(rsaLeaf.getSubjectX500Principal().getEncoded(), element(info, CertDataId.CERT_DN_DER).value());
        assertArrayEquals(rsaLeaf.getIssuerX500Principal().getEncoded(), element(info, CertDataId.CERT_ISSUER_DN_DER).value());
        assertEquals("3", text(info, CertDataId.CERT_VERSION));
        assertEquals("SHA256withRSA", text(info, CertDataId.CERT_SIGNATURE_ALGORITHM));
        assertEquals(rsaLeaf.getSerialNumber(), new BigInteger(text(info, CertDataId.CERT_SERIAL_NUMBER), 16));
    }

    @Test
    void listsEverySubjectAlternativeName() {
        List<CertDataElement> info = CertificateInfo.describe(rsaLeaf);
        assertEquals(List.of("host.example", "alt.example"), texts(info, CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_DNSNAME));
        assertEquals(List.of("127.0.0.1"), texts(info, CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_IPADDRESS));
    }

    @Test
    void fingerprintIsSha256OfTheDer() throws Exception {
        List<CertDataElement> info = CertificateInfo.describe(rsaLeaf);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(rsaLeaf.getEncoded());
        assertEquals("SHA-256", text(info, CertDataId.CERT_FINGERPRINT_ALGORITHM));
        assertEquals(HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest), text(info, CertDataId.CERT_FINGERPRINT));
    }

    @Test
    void reportsKeyAlgorithmAndSize() {
        List<CertDataElement> rsa = CertificateInfo.describe(rsaLeaf);
        assertEquals("RSA", text(rsa, CertDataId.CERT_PUBLIC_KEY_ALGORITHM));
        assertEquals("2048", text(rsa, CertDataId.CERT_PUBLIC_KEY_SIZE));
        assertEquals(Base64.getEncoder().encodeToString(rsaLeaf.getPublicKey().getEncoded()),
                text(rsa, CertDataId.CERT_PUBLIC_KEY));

        X509Certificate ec = TestPki.rootCa("EC CA", KeyType.EC_P256).issueServer("ec.example", KeyType.EC_P256).leaf();
        List<CertDataElement> ecInfo = CertificateInfo.describe(ec);
        assertEquals("EC", text(ecInfo, CertDataId.CERT_PUBLIC_KEY_ALGORITHM));
        assertEquals("256", text(ecInfo, CertDataId.CERT_PUBLIC_KEY_SIZE));
        assertEquals("SHA256withECDSA", text(ecInfo, CertDataId.CERT_SIGNATURE_ALGORITHM));

        Credential ed = TestPki.selfSigned("ed.example", KeyType.ED25519);
        List<CertDataElement> edInfo = CertificateInfo.describe(ed.leaf());
        assertEquals("Ed25519", text(edInfo, CertDataId.CERT_PUBLIC_KEY_ALGORITHM));
        assertEquals("255", text(edInfo, CertDataId.CERT_PUBLIC_KEY_SIZE));
    }

    @Test
    void writesValidityInBothFormats() {
        Instant from = Instant.parse("2024-02-29T08:00:00Z");
        Instant to = Instant.parse("2026-11-27T23:59:59Z");
        X509Certificate cert = rsaCa.issue("dated.example", KeyType.EC_P256, from, to, true, false).leaf();
        List<CertDataElement> info = CertificateInfo.describe(cert);
        assertEquals("2024-02-29 08:00:00 UTC", text(info, CertDataId.CERT_VALID_FROM));
        assertEquals("2026-11-27 23:59:59 UTC", text(info, CertDataId.CERT_VALID_TO));
        assertEquals("2024-02-29T08:00:00Z", text(info, CertDataId.CERT_VALID_FROM_EX));
        assertEquals("2026-11-27T23:59:59Z", text(info, CertDataId.CERT_VALID_TO_EX));
    }

    @Test
    void keyUsageUsesIbmBitValuesAndBasicConstraintsAreText() {
        // the test PKI gives RSA leaves digitalSignature | keyEncipherment, CAs keyCertSign | cRLSign
        assertEquals("5", text(CertificateInfo.describe(rsaLeaf), CertDataId.CERT_KEY_USAGE));
        List<CertDataElement> ca = CertificateInfo.describe(rsaCa.certificate());
        assertEquals("96", text(ca, CertDataId.CERT_KEY_USAGE));
        assertEquals("TRUE", text(ca, CertDataId.CERT_BASIC_CONSTRAINTS_CA));
        assertEquals("FALSE", text(CertificateInfo.describe(rsaLeaf), CertDataId.CERT_BASIC_CONSTRAINTS_CA));
        assertTrue(texts(ca, CertDataId.CERT_BASIC_CONSTRAINTS_PATH_LENGTH_CONSTRAINT).isEmpty());
        assertTrue(texts(ca, CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_DNSNAME).isEmpty());
    }

    @Test
    void describesTheRarerFields() throws Exception {
        List<CertDataElement> info = CertificateInfo.describe(richCertificate());
        assertEquals("Rich Name", text(info, CertDataId.CERT_COMMON_NAME));
        assertEquals("Rochester", text(info, CertDataId.CERT_LOCALITY));
        assertEquals("MN", text(info, CertDataId.CERT_STATE_OR_PROVINCE));
        assertEquals("US", text(info, CertDataId.CERT_COUNTRY));
        assertEquals("Example Corp", text(info, CertDataId.CERT_ORG));
        assertEquals("Systems", text(info, CertDataId.CERT_ORG_UNIT));
        assertEquals("55901", text(info, CertDataId.CERT_POSTAL_CODE));
        assertEquals("admin@example.com", text(info, CertDataId.CERT_EMAIL));
        assertEquals("Rich Name", text(info, CertDataId.CERT_ISSUER_COMMON_NAME));
        assertEquals(List.of("ops@example.com"), texts(info, CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_RFC822NAME));
        assertEquals(List.of("https://example.com/id"), texts(info, CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_URI));
        assertEquals(List.of("CN=Directory,O=Example"), texts(info, CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_DIRECTORYNAME));
        assertEquals("TRUE", text(info, CertDataId.CERT_BASIC_CONSTRAINTS_CA));
        assertEquals("2", text(info, CertDataId.CERT_BASIC_CONSTRAINTS_PATH_LENGTH_CONSTRAINT));
        assertEquals(List.of("2.23.140.1.2.1", "1.3.6.1.4.1.99999.1"),
                texts(info, CertDataId.CERT_CERTIFICATE_POLICY_POLICYIDENTIFIER));
        assertEquals(List.of("http://crl.example.com/root.crl"),
                texts(info, CertDataId.CERT_CRL_DISTRIBUTION_POINTS_DISTRIBUTIONPOINTNAME));
        // every usage bit set: the sum of IBM's values 1 + 2 + ... + 256
        assertEquals("511", text(info, CertDataId.CERT_KEY_USAGE));
    }

    @Test
    void elementsAreDefensiveCopiesAndPrintShort() {
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
        CertDataElement e = new CertDataElement(CertDataId.CERT_COMMON_NAME, bytes);
        bytes[0] = 'x';
        assertEquals("abc", e.text());
        e.value()[1] = 'y';
        assertEquals("abc", e.text());
        assertNotSame(e.value(), e.value());
        assertEquals("CERT_COMMON_NAME = abc", e.toString());
        assertEquals(CertDataElement.ofText(CertDataId.CERT_COMMON_NAME, "abc"), e);

        CertDataElement der = new CertDataElement(CertDataId.CERT_DN_DER, new byte[] {0x30, 0x0a});
        assertEquals("300A", der.text());
        assertEquals("CERT_DN_DER = <2 bytes>", der.toString());
        assertFalse(der.toString().contains("300A"));
    }

    // ---- helpers ----

    private static CertDataElement element(List<CertDataElement> info, CertDataId id) {
        return info.stream().filter(e -> e.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError(id + " missing from " + info));
    }

    private static String text(List<CertDataElement> info, CertDataId id) {
        return element(info, id).text();
    }

    private static List<String> texts(List<CertDataElement> info, CertDataId id) {
        return info.stream().filter(e -> e.id() == id).map(CertDataElement::text).toList();
    }

    /** A self-signed CA with a full subject and the extensions the test PKI never writes. */
    private static X509Certificate richCertificate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name(
                "C=US,ST=MN,L=Rochester,PostalCode=55901,O=Example Corp,OU=Systems,CN=Rich Name,E=admin@example.com");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(4242),
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(2));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment | KeyUsage.dataEncipherment | KeyUsage.keyAgreement
                | KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.encipherOnly | KeyUsage.decipherOnly));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.rfc822Name, "ops@example.com"),
            new GeneralName(GeneralName.uniformResourceIdentifier, "https://example.com/id"),
            new GeneralName(new X500Name("O=Example,CN=Directory")),
        }));
        builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation[] {
            new PolicyInformation(new ASN1ObjectIdentifier("2.23.140.1.2.1")),
            new PolicyInformation(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1")),
        }));
        GeneralNames crl = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                "http://crl.example.com/root.crl"));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(crl), null, null),
        }));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }
}
