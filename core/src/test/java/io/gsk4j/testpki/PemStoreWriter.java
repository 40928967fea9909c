package io.gsk4j.testpki;

import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;

/**
 * Renders store entries as the text {@code openssl pkcs12 -nodes} prints: "Bag Attributes"
 * with friendlyName/localKeyID before each key and certificate block.
 */
final class PemStoreWriter {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private PemStoreWriter() {
    }

    static String render(List<StoreEntry> entries, char[] password) throws IOException, GeneralSecurityException {
        StringBuilder out = new StringBuilder();
        for (StoreEntry entry : entries) {
            if (entry.credential() != null) {
                appendKey(out, entry.label(), entry.credential(), password);
            } else {
                out.append("Bag Attributes\n    friendlyName: ").append(entry.label()).append('\n');
                appendCertificate(out, entry.certificate());
            }
        }
        return out.toString();
    }

    private static void appendKey(StringBuilder out, String label, TestPki.Credential credential, char[] password)
            throws IOException, GeneralSecurityException {
        String keyId = localKeyId(credential.leaf());
        out.append("Bag Attributes\n    friendlyName: ").append(label)
                .append("\n    localKeyID: ").append(keyId).append('\n')
                .append("Key Attributes: <No Attributes>\n");
        out.append(pem(new JcaPKCS8Generator(credential.key(), encryptor(password)).generate()));
        X509Certificate[] chain = credential.chain();
        for (int i = 0; i < chain.length; i++) {
            if (i == 0) {
                out.append("Bag Attributes\n    friendlyName: ").append(label)
                        .append("\n    localKeyID: ").append(keyId).append('\n');
            } else {
                out.append("Bag Attributes: <No Attributes>\n");
            }
            appendCertificate(out, chain[i]);
        }
    }

    private static OutputEncryptor encryptor(char[] password) throws GeneralSecurityException {
        if (password == null) {
            return null;
        }
        try {
            return new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setProvider(BC) // the JDK lacks "AES/CBC/PKCS7Padding"; the instance is not registered
                    .setPassword(password)
                    .build();
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot set up PKCS#8 encryption", e);
        }
    }

    private static void appendCertificate(StringBuilder out, X509Certificate cert) throws IOException {
        out.append("subject=").append(cert.getSubjectX500Principal().getName()).append('\n')
                .append("issuer=").append(cert.getIssuerX500Principal().getName()).append('\n');
        out.append(pem(cert));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    /** openssl uses the SHA-1 of the certificate, printed as spaced upper-case hex. */
    private static String localKeyId(X509Certificate leaf) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(leaf.getEncoded());
        return HexFormat.ofDelimiter(" ").formatHex(digest).toUpperCase(Locale.ROOT);
    }
}
