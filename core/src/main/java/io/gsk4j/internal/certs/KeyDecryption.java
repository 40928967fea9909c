package io.gsk4j.internal.certs;

import java.security.AlgorithmParameters;
import java.security.Provider;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMDecryptor;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Decrypts encrypted PEM keys with the JDK's own ciphers first and BouncyCastle's only for
 * what the JDK lacks (scrypt, old PBE schemes). A JDK that accepts only signed JCE providers
 * refuses BouncyCastle's when it comes from a repackaged jar, as in the gsk4j command's single
 * jar; the JDK's providers are always allowed, so the keys OpenSSL writes by default (PBES2
 * with PBKDF2 and AES, or the traditional AES and DES-EDE3 encryption) never need BouncyCastle's.
 * Public for the command line's PEM import, which reads keys with the same code.
 */
public final class KeyDecryption {
    private static final String PBES2_OID = "1.2.840.113549.1.5.13";

    /** A private instance, never registered globally. */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    private KeyDecryption() {
    }

    /** An encrypted PKCS#8 key ("ENCRYPTED PRIVATE KEY"). */
    public static PrivateKeyInfo pkcs8(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password) throws Exception {
        try {
            return pkcs8WithJdk(encrypted, password);
        } catch (Exception jdkFailure) {
            try {
                return encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password));
            } catch (Exception bcFailure) {
                jdkFailure.addSuppressed(bcFailure);
                throw jdkFailure; // most often simply the wrong password
            }
        }
    }

    /** The same with the JDK's providers alone (BouncyCastle's helpers ask for names only it knows). */
    static PrivateKeyInfo pkcs8WithJdk(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password) throws Exception {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(encrypted.getEncoded());
        AlgorithmParameters params = info.getAlgParameters();
        String algorithm = info.getAlgName();
        if (params != null && (algorithm.equalsIgnoreCase("PBES2") || algorithm.equals(PBES2_OID))) {
            algorithm = params.toString(); // the JDK names PBES2's KDF and cipher pair so, e.g. PBEWithHmacSHA256AndAES_256
        }
        PBEKeySpec spec = new PBEKeySpec(password);
        try {
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(spec), params);
            return PrivateKeyInfo.getInstance(info.getKeySpec(cipher).getEncoded());
        } finally {
            spec.clearPassword();
        }
    }

    /** A traditional OpenSSL key with Proc-Type and DEK-Info headers. */
    public static PEMKeyPair traditional(PEMEncryptedKeyPair encrypted, char[] password) throws Exception {
        try {
            return traditionalWithJdk(encrypted, password);
        } catch (Exception jdkFailure) {
            try {
                return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password));
            } catch (Exception bcFailure) {
                jdkFailure.addSuppressed(bcFailure);
                throw jdkFailure;
            }
        }
    }

    /** The same with the JDK's ciphers alone. */
    static PEMKeyPair traditionalWithJdk(PEMEncryptedKeyPair encrypted, char[] password) throws Exception {
        return encrypted.decryptKeyPair(dekAlgorithm -> (PEMDecryptor) (data, iv) -> TraditionalPem.decrypt(dekAlgorithm, data, iv, password));
    }
}
