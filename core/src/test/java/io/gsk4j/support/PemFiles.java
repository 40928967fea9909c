package io.gsk4j.support;

import io.gsk4j.testpki.TestPki.Credential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Plain PEM files (certificate chain, PKCS#8 key) as openssl and gnutls take them. */
public final class PemFiles {
    private PemFiles() {
    }

    public static Path certificates(Path file, X509Certificate... certs) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : certs) {
            try {
                pem.append(block("CERTIFICATE", c.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IOException(e);
            }
        }
        return Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    public static Path key(Path file, Credential credential) throws IOException {
        return Files.writeString(file, block("PRIVATE KEY", pkcs8(credential)), StandardCharsets.US_ASCII);
    }

    /**
     * The JDK writes EC private keys without the optional public key, which GnuTLS 3.7 cannot
     * import; add it from the certificate. Other key types are written as the JDK encodes them.
     */
    private static byte[] pkcs8(Credential credential) throws IOException {
        byte[] jdk = credential.key().getEncoded();
        if (!(credential.key() instanceof java.security.interfaces.ECPrivateKey)) {
            return jdk;
        }
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(jdk);
        java.security.interfaces.ECPrivateKey ec = (java.security.interfaces.ECPrivateKey) credential.key();
        SubjectPublicKeyInfo pub = SubjectPublicKeyInfo.getInstance(credential.leaf().getPublicKey().getEncoded());
        ECPrivateKey withPublic = new ECPrivateKey(ec.getParams().getOrder().bitLength(), ec.getS(),
                pub.getPublicKeyData(), null);
        return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), withPublic).getEncoded();
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
