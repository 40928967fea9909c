package io.gsk4j.bench;

import io.gsk4j.testpki.TestPki.KeyType;

/** The server certificate's key: what signs the handshake, and what TLS 1.2's suite names. */
enum CertKind {
    ECDSA("ecdsa", "ECDSA P-256", KeyType.EC_P256),
    RSA("rsa", "RSA 2048", KeyType.RSA_2048);

    final String tag;
    final String label;
    final KeyType keyType;

    CertKind(String tag, String label, KeyType keyType) {
        this.tag = tag;
        this.label = label;
        this.keyType = keyType;
    }
}
