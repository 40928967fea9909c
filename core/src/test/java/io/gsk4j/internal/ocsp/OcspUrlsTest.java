package io.gsk4j.internal.ocsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;

/** Reading the OCSP URL out of a certificate's Authority Information Access extension. */
class OcspUrlsTest {

    @Test
    void urlFromTestPki() {
        TestPki.Ca ca = TestPki.rootCa("AIA CA", KeyType.EC_P256);
        X509Certificate cert = ca.issueServerWithOcspUrl("http://ocsp.example.test:2560/", "aia.test", KeyType.EC_P256).leaf();
        assertEquals(Optional.of("http://ocsp.example.test:2560/"), OcspUrls.aiaOcspUrl(cert));
    }

    @Test
    void noAiaExtension() {
        TestPki.Ca ca = TestPki.rootCa("AIA CA", KeyType.EC_P256);
        assertEquals(Optional.empty(), OcspUrls.aiaOcspUrl(ca.issueServer("plain.test", KeyType.EC_P256).leaf()));
        assertEquals(Optional.empty(), OcspUrls.aiaOcspUrl(ca.certificate()));
    }

    @Test
    void onlyCaIssuersEntry() throws Exception {
        AuthorityInformationAccess aia = new AuthorityInformationAccess(AccessDescription.id_ad_caIssuers,
                uri("http://ca.example.test/ca.crt"));
        assertEquals(Optional.empty(), OcspUrls.aiaOcspUrl(certWith(aia.getEncoded())));
    }

    @Test
    void httpPreferredOverOtherSchemes() throws Exception {
        AuthorityInformationAccess aia = new AuthorityInformationAccess(new AccessDescription[] {
            new AccessDescription(AccessDescription.id_ad_caIssuers, uri("http://ca.example.test/ca.crt")),
            new AccessDescription(AccessDescription.id_ad_ocsp, uri("ldap://ocsp.example.test/")),
            new AccessDescription(AccessDescription.id_ad_ocsp, uri("http://ocsp.example.test/")),
        });
        assertEquals(Optional.of("http://ocsp.example.test/"), OcspUrls.aiaOcspUrl(certWith(aia.getEncoded())));
    }

    @Test
    void nonHttpOnlyIsReturnedSoTheCheckerCanSayWhy() throws Exception {
        AuthorityInformationAccess aia = new AuthorityInformationAccess(AccessDescription.id_ad_ocsp,
                uri("https://ocsp.example.test/"));
        assertEquals(Optional.of("https://ocsp.example.test/"), OcspUrls.aiaOcspUrl(certWith(aia.getEncoded())));
    }

    @Test
    void ocspEntryThatIsNotAUri() throws Exception {
        AuthorityInformationAccess aia = new AuthorityInformationAccess(AccessDescription.id_ad_ocsp,
                new GeneralName(GeneralName.dNSName, "ocsp.example.test"));
        assertEquals(Optional.empty(), OcspUrls.aiaOcspUrl(certWith(aia.getEncoded())));
    }

    @Test
    void malformedAiaIsEmpty() throws Exception {
        assertEquals(Optional.empty(), OcspUrls.aiaOcspUrl(certWith(new byte[] {0x02, 0x01, 0x05})));   // an INTEGER
        assertEquals(Optional.empty(), OcspUrls.aiaOcspUrl(certWith(new byte[] {0x30, 0x7f, 0x01})));   // truncated
    }

    private static GeneralName uri(String value) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, value);
    }

    /** A self-signed certificate whose AIA extension value is exactly {@code aiaDer}. */
    private static X509Certificate certWith(byte[] aiaDer) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=aia-probe");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), name, pair.getPublic());
        builder.addExtension(Extension.authorityInfoAccess, false, aiaDer);
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }
}
