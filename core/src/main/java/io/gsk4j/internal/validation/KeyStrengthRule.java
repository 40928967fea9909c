package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * STRICT only (BR 6.1.5): no DSA keys at all; RSA keys of at least 2048 bits, their modulus a
 * multiple of 8 bits, everywhere in the path, the anchor included (its key verifies the first signature).
 * EC and EdDSA keys are left to the JDK, which only knows the safe curves.
 */
final class KeyStrengthRule implements PathRule {
    static final int MIN_BITS = 2048;

    @Override
    public Violation check(ValidationPath path) {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate c = path.cert(i);
            if (c.getPublicKey() instanceof DSAPublicKey) {
                return Violation.of(ValidationReason.KEY_ALGORITHM_NOT_ALLOWED, c, "a DSA key");
            }
            int bits = bits(c.getPublicKey());
            if (bits < 0) {
                continue;
            }
            String kind = c.getPublicKey().getAlgorithm();
            if (bits < MIN_BITS) {
                return Violation.of(ValidationReason.WEAK_KEY, c, "a " + bits + "-bit " + kind + " key");
            }
            if (bits % 8 != 0) {
                return Violation.of(ValidationReason.KEY_SIZE_NOT_MULTIPLE_OF_8, c, "a " + bits + "-bit " + kind + " key");
            }
        }
        return null;
    }

    /** Modulus length of an RSA or DSA key, -1 for other kinds. */
    private static int bits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof DSAPublicKey dsa && dsa.getParams() != null) {
            return dsa.getParams().getP().bitLength();
        }
        return -1;
    }
}
