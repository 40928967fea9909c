package io.gsk4j.cli;

import io.gsk4j.internal.certs.KeyDecryption;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** PEM in and out: certificates, and private keys in the forms OpenSSL writes (PKCS#1, PKCS#8, encrypted or not). */
final class PemFiles {
    /** What one PEM file held. */
    record Contents(List<X509Certificate> certificates, List<PrivateKey> keys) {
    }

    /** A provider instance for writing encrypted keys, not registered: BouncyCastle names the PEM ciphers its own way. */
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private PemFiles() {
    }

    static Contents read(String name, byte[] content, char[] password) throws CommandFailure {
        List<X509Certificate> certs = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        JcaX509CertificateConverter certConverter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(new String(content, StandardCharsets.US_ASCII)))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    certs.add(certConverter.getCertificate(holder));
                } else if (o instanceof PEMKeyPair pair) {
                    keys.add(keyConverter.getKeyPair(pair).getPrivate());
                } else if (o instanceof PrivateKeyInfo info) {
                    keys.add(keyConverter.getPrivateKey(info));
                } else if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    keys.add(keyConverter.getPrivateKey(decrypted(encrypted, need(password, name), name)));
                } else if (o instanceof PEMEncryptedKeyPair encrypted) {
                    keys.add(keyConverter.getPrivateKey(decrypted(encrypted, need(password, name), name).getPrivateKeyInfo()));
                }
                // anything else (parameters, CRLs, requests) is not store material: skipped
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new CommandFailure("cannot read " + name + " as PEM: " + e.getMessage(), e);
        }
        return new Contents(certs, keys);
    }

    /** Core's decryption (the JDK's ciphers first), as the stores themselves read encrypted PEM keys. */
    private static PrivateKeyInfo decrypted(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password, String name)
            throws CommandFailure {
        try {
            return KeyDecryption.pkcs8(encrypted, password);
        } catch (Exception e) {
            throw wrongPassword(name, e);
        }
    }

    private static PEMKeyPair decrypted(PEMEncryptedKeyPair encrypted, char[] password, String name) throws CommandFailure {
        try {
            return KeyDecryption.traditional(encrypted, password);
        } catch (Exception e) {
            throw wrongPassword(name, e);
        }
    }

    private static CommandFailure wrongPassword(String name, Exception cause) {
        return new CommandFailure("cannot decrypt the key in " + name + ": wrong --in-password?", cause);
    }

    private static char[] need(char[] password, String name) throws CommandFailure {
        if (password == null) {
            throw new CommandFailure("the key in " + name + " is encrypted: give --in-password or --in-password-file");
        }
        return password;
    }

    /** Certificates as PEM text. */
    static String certificates(List<X509Certificate> certs) throws CommandFailure {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate c : certs) {
                writer.writeObject(c);
            }
        } catch (IOException e) {
            throw new CommandFailure("cannot write PEM: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /** A private key as PKCS#8 PEM, encrypted with AES-256 when a password is given. */
    static String privateKey(PrivateKey key, char[] password) throws CommandFailure {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (password == null) {
                writer.writeObject(new JcaPKCS8Generator(key, null));
            } else {
                writer.writeObject(new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(
                        org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC).setProvider(BC).setPassword(password).build()));
            }
        } catch (IOException | OperatorCreationException e) {
            throw new CommandFailure("cannot write the key as PEM: " + e.getMessage(), e);
        }
        return text.toString();
    }
}
