package io.gsk4j.testpki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Key generation with the JDK's own providers, so the keys work in JSSE unchanged. */
final class Keys {
    private Keys() {
    }

    static KeyPair generate(TestPki.KeyType type) {
        try {
            KeyPairGenerator generator;
            switch (type) {
                case RSA_2048 -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                }
                case EC_P256 -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                }
                case ED25519 -> generator = KeyPairGenerator.getInstance("Ed25519");
                default -> throw new IllegalArgumentException(type.name());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + type + " key", e);
        }
    }
}
