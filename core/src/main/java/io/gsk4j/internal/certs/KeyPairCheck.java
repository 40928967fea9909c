package io.gsk4j.internal.certs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Locale;

/** Does a private key belong to a certificate's public key? */
final class KeyPairCheck {
    private static final byte[] PROBE = "gsk4j key pair check".getBytes(StandardCharsets.US_ASCII);

    private KeyPairCheck() {
    }

    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        String family = family(privateKey.getAlgorithm());
        if (!family.equals(family(publicKey.getAlgorithm()))) {
            return false;
        }
        if (privateKey instanceof RSAKey rsaPrivate && publicKey instanceof RSAPublicKey rsaPublic) {
            // the modulus identifies an RSA pair; no need to sign
            if (!rsaPrivate.getModulus().equals(rsaPublic.getModulus())) {
                return false;
            }
            return !(privateKey instanceof RSAPrivateCrtKey crt)
                    || crt.getPublicExponent().equals(rsaPublic.getPublicExponent());
        }
        String signatureAlgorithm = switch (family) {
            case "EC" -> "SHA256withECDSA";
            case "EdDSA" -> "EdDSA";
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        return signatureAlgorithm != null && signsAndVerifies(signatureAlgorithm, privateKey, publicKey);
    }

    private static boolean signsAndVerifies(String algorithm, PrivateKey privateKey, PublicKey publicKey) {
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // keys on different curves or parameters cannot be a pair
        }
    }

    private static String family(String algorithm) {
        String name = algorithm.toUpperCase(Locale.ROOT);
        if (name.equals("RSA") || name.equals("RSASSA-PSS")) {
            return "RSA";
        }
        if (name.equals("EC") || name.equals("ECDSA")) {
            return "EC";
        }
        if (name.equals("EDDSA") || name.equals("ED25519") || name.equals("ED448")) {
            return "EdDSA";
        }
        return name;
    }
}
