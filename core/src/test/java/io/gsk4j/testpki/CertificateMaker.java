package io.gsk4j.testpki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/** Builds one X.509 v3 certificate: subject, validity, CA or leaf extensions, then signs it. */
final class CertificateMaker {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X500Name subject;
    private final PublicKey publicKey;
    private Instant notBefore;
    private Instant notAfter;
    private boolean ca;
    private TestPki.KeyType leafType;
    private boolean serverAuth;
    private boolean clientAuth;
    private String[] sans = new String[0];
    private String ocspUrl;       // optional AIA OCSP entry for leaves
    private boolean ocspSigning;  // leaf EKU becomes id-kp-OCSPSigning only

    private CertificateMaker(String cn, PublicKey publicKey) {
        this.subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
        this.publicKey = publicKey;
    }

    static CertificateMaker forSubject(String cn, PublicKey publicKey) {
        return new CertificateMaker(cn, publicKey);
    }

    CertificateMaker validity(Instant from, Instant to) {
        this.notBefore = from;
        this.notAfter = to;
        return this;
    }

    CertificateMaker asCa() {
        this.ca = true;
        return this;
    }

    CertificateMaker asLeaf(TestPki.KeyType type, boolean serverAuth, boolean clientAuth, String... sans) {
        this.ca = false;
        this.leafType = type;
        this.serverAuth = serverAuth;
        this.clientAuth = clientAuth;
        this.sans = sans.clone();
        return this;
    }

    /** Adds an Authority Information Access extension naming this OCSP responder (leaves only). */
    CertificateMaker ocspUrl(String url) {
        this.ocspUrl = url;
        return this;
    }

    /** A delegated OCSP responder: a leaf whose only extended key usage is OCSP signing. */
    CertificateMaker asOcspSigner(TestPki.KeyType type) {
        asLeaf(type, false, false);
        this.ocspSigning = true;
        return this;
    }

    X509Certificate signSelf(PrivateKey key, TestPki.KeyType type) {
        return sign(subject, publicKey, key, type);
    }

    X509Certificate signBy(X509Certificate issuer, PrivateKey issuerKey, TestPki.KeyType issuerType) {
        return sign(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                issuer.getPublicKey(), issuerKey, issuerType);
    }

    private X509Certificate sign(X500Name issuer, PublicKey issuerPublic, PrivateKey issuerKey, TestPki.KeyType issuerType) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(),
                    Date.from(notBefore), Date.from(notAfter), subject, publicKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerPublic));
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                addLeafExtensions(builder);
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(issuerType.signatureAlgorithm).build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot issue certificate for " + subject, e);
        }
    }

    private void addLeafExtensions(X509v3CertificateBuilder builder) throws CertIOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        int usage = KeyUsage.digitalSignature;
        if (leafType == TestPki.KeyType.RSA_2048) {
            usage |= KeyUsage.keyEncipherment; // RSA key exchange in TLS 1.2 and older
        }
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        List<KeyPurposeId> purposes = new ArrayList<>();
        if (serverAuth) {
            purposes.add(KeyPurposeId.id_kp_serverAuth);
        }
        if (clientAuth) {
            purposes.add(KeyPurposeId.id_kp_clientAuth);
        }
        if (ocspSigning) {
            purposes.add(KeyPurposeId.id_kp_OCSPSigning);
        }
        if (!purposes.isEmpty()) {
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
        }
        if (sans.length > 0) {
            GeneralName[] names = new GeneralName[sans.length];
            for (int i = 0; i < sans.length; i++) {
                names[i] = generalName(sans[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        if (ocspUrl != null) {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
        }
    }

    /** IP literals (v4, v6, v6 in brackets) become iPAddress names; everything else a dNSName. */
    static GeneralName generalName(String san) {
        String bare = san.startsWith("[") && san.endsWith("]") ? san.substring(1, san.length() - 1) : san;
        if (IPAddress.isValid(bare)) {
            return new GeneralName(GeneralName.iPAddress, bare);
        }
        return new GeneralName(GeneralName.dNSName, san);
    }

    /** 16 random bytes, top bit clear so the DER INTEGER stays positive and exactly 16 bytes. */
    private static BigInteger serial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0x7F) | 0x40);
        return new BigInteger(1, bytes);
    }
}
