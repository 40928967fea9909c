package io.gsk4j.internal.certs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.openssl.PEMException;

/**
 * OpenSSL's traditional key encryption (a "DEK-Info" header) with the JDK's ciphers: the key
 * is derived from the password and the first eight bytes of the IV by OpenSSL's
 * EVP_BytesToKey (MD5, one round), then the body is decrypted in CBC mode.
 */
final class TraditionalPem {
    private TraditionalPem() {
    }

    static byte[] decrypt(String dekAlgorithm, byte[] data, byte[] iv, char[] password) throws PEMException {
        String name = dekAlgorithm.toUpperCase(Locale.ROOT);
        String transformation;
        String keyAlgorithm;
        int keyLength;
        switch (name) {
            case "AES-128-CBC", "AES-192-CBC", "AES-256-CBC" -> {
                transformation = "AES/CBC/PKCS5Padding";
                keyAlgorithm = "AES";
                keyLength = Integer.parseInt(name.substring(4, 7)) / 8;
            }
            case "DES-EDE3-CBC" -> {
                transformation = "DESede/CBC/PKCS5Padding";
                keyAlgorithm = "DESede";
                keyLength = 24;
            }
            default -> throw new PEMException("the JDK has no cipher for " + dekAlgorithm);
        }
        byte[] key = bytesToKey(password, Arrays.copyOf(iv, 8), keyLength);
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, keyAlgorithm), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new PEMException("cannot decrypt the key (" + dekAlgorithm + "): " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] bytesToKey(char[] password, byte[] salt, int length) throws PEMException {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pw = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] key = new byte[length];
            byte[] block = new byte[0];
            for (int filled = 0; filled < length; filled += block.length) {
                md5.update(block);
                md5.update(pw);
                block = md5.digest(salt);
                System.arraycopy(block, 0, key, filled, Math.min(block.length, length - filled));
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new PEMException("MD5 is unavailable: " + e.getMessage(), e);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }
}
