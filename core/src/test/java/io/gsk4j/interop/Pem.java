package io.gsk4j.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Plain PEM files for the peers: certificates and unencrypted PKCS#8 keys, written straight
 * from the DER the JDK gives (so an EC key is "PRIVATE KEY", never the legacy
 * "EC PRIVATE KEY" form). OpenSSL and GnuTLS read these for RSA, EC and Ed25519 keys alike.
 */
final class Pem {
    private static final Base64.Encoder B64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    static Path certificates(Path file, X509Certificate... certs) {
        StringBuilder sb = new StringBuilder();
        try {
            for (X509Certificate c : certs) {
                block(sb, "CERTIFICATE", c.getEncoded());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return write(file, sb);
    }

    /**
     * The key as unencrypted PKCS#8. {@code publicKey} is the certificate's key: for EC keys
     * it is written into the inner ECPrivateKey, which the JDK leaves out and GnuTLS 3.7
     * requires ("ASN1 parser: Element was not found" otherwise).
     */
    static Path privateKey(Path file, PrivateKey key, PublicKey publicKey) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("not a PKCS#8 key: " + key.getFormat());
        }
        byte[] der = key.getEncoded();
        if (key instanceof ECPrivateKey ec) {
            der = withPublicKey(der, ec, publicKey);
        }
        return write(file, block(new StringBuilder(), "PRIVATE KEY", der));
    }

    private static byte[] withPublicKey(byte[] pkcs8, ECPrivateKey key, PublicKey publicKey) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
            org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
            DERBitString point = new DERBitString(SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()).getPublicKeyData().getBytes());
            int orderBits = key.getParams().getOrder().bitLength();
            org.bouncycastle.asn1.sec.ECPrivateKey full = new org.bouncycastle.asn1.sec.ECPrivateKey(
                    orderBits, inner.getKey(), point, info.getPrivateKeyAlgorithm().getParameters());
            return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), full).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StringBuilder block(StringBuilder sb, String type, byte[] der) {
        return sb.append("-----BEGIN ").append(type).append("-----\n")
                .append(B64.encodeToString(der)).append('\n')
                .append("-----END ").append(type).append("-----\n");
    }

    private static Path write(Path file, CharSequence text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
