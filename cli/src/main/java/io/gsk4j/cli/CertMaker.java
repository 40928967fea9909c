package io.gsk4j.cli;

import io.gsk4j.cli.Choices.KeyType;
import io.gsk4j.cli.Choices.Usage;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
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

/** Keys and X.509 certificates for the store commands: self-signed, CA, and issued by a CA. */
final class CertMaker {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** When a certificate is valid. */
    record Validity(Instant notBefore, Instant notAfter) {
    }

    private CertMaker() {
    }

    /** A new key pair; RSA 3072/4096 can take seconds, hence the progress line. */
    static KeyPair generate(KeyType type, PrintWriter err) throws CommandFailure {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type.algorithm);
            if (type.algorithm.equals("EC")) {
                g.initialize(new ECGenParameterSpec(type.size == 384 ? "secp384r1" : "secp256r1"), RANDOM);
            } else {
                g.initialize(type.size, RANDOM);
            }
            return Progress.run(err, "generating a " + type.word() + " key", g::generateKeyPair);
        } catch (GeneralSecurityException e) {
            throw new CommandFailure("cannot generate a " + type.word() + " key: " + e.getMessage(), e);
        }
    }

    /** An end-entity certificate signed by its own key (subject = issuer, not a CA). */
    static X509Certificate selfSigned(X500Name subject, KeyPair keys, Validity validity, Usage usage, List<GeneralName> sans)
            throws CommandFailure {
        X509v3CertificateBuilder b = builder(subject, subject, keys.getPublic(), validity);
        leafExtensions(b, keys.getPublic(), null, usage, sans);
        return sign(b, keys.getPrivate());
    }

    /** A root CA certificate. */
    static X509Certificate ca(X500Name subject, KeyPair keys, Validity validity, Integer pathLength) throws CommandFailure {
        X509v3CertificateBuilder b = builder(subject, subject, keys.getPublic(), validity);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true,
                    pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new CommandFailure("cannot encode the CA extensions: " + e.getMessage(), e);
        }
        return sign(b, keys.getPrivate());
    }

    /** An intermediate CA certificate for {@code keys}, signed by the CA {@code caCert}. */
    static X509Certificate intermediate(X509Certificate caCert, PrivateKey caKey, X500Name subject, KeyPair keys,
                                        Validity validity, Integer pathLength) throws CommandFailure {
        X500Name issuer = X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder b = builder(issuer, subject, keys.getPublic(), validity);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true,
                    pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(caCert));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new CommandFailure("cannot encode the CA extensions: " + e.getMessage(), e);
        }
        return sign(b, caKey);
    }

    /** An end-entity certificate issued by a CA. */
    static X509Certificate issue(X509Certificate caCert, PrivateKey caKey, X500Name subject, PublicKey subjectKey,
                                 Validity validity, Usage usage, List<GeneralName> sans) throws CommandFailure {
        X500Name issuer = X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder b = builder(issuer, subject, subjectKey, validity);
        leafExtensions(b, subjectKey, caCert, usage, sans);
        return sign(b, caKey);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Validity v) {
        BigInteger serial = new BigInteger(127, RANDOM).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(v.notBefore()), Date.from(v.notAfter()), subject, key);
    }

    private static void leafExtensions(X509v3CertificateBuilder b, PublicKey key, X509Certificate ca, Usage usage,
                                       List<GeneralName> sans) throws CommandFailure {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // RSA key exchange (TLS 1.2 TLS_RSA_* suites) needs keyEncipherment; EC keys only sign
            int bits = KeyUsage.digitalSignature | (key.getAlgorithm().equals("RSA") ? KeyUsage.keyEncipherment : 0);
            b.addExtension(Extension.keyUsage, true, new KeyUsage(bits));
            List<KeyPurposeId> purposes = new ArrayList<>();
            if (usage.server()) {
                purposes.add(KeyPurposeId.id_kp_serverAuth);
            }
            if (usage.client()) {
                purposes.add(KeyPurposeId.id_kp_clientAuth);
            }
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
            if (!sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
            }
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            if (ca != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
            }
        } catch (CertIOException | GeneralSecurityException e) {
            throw new CommandFailure("cannot encode the certificate extensions: " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws CommandFailure {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(signatureAlgorithm(signer)).build(signer)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new CommandFailure("cannot sign the certificate: " + e.getMessage(), e);
        }
    }

    /** SHA-384 for P-384 and big RSA keys, else SHA-256. */
    static String signatureAlgorithm(PrivateKey key) {
        if (key instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        if (key instanceof java.security.interfaces.RSAKey rsa && rsa.getModulus().bitLength() > 3072) {
            return "SHA384withRSA";
        }
        return "SHA256withRSA";
    }
}
