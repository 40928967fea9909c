package io.gsk4j.testpki;

import java.security.cert.X509Certificate;
import java.util.Objects;

/** One entry of a store being built: a key with its chain, or a trusted certificate. */
record StoreEntry(String label, TestPki.Credential credential, X509Certificate certificate) {
    static StoreEntry key(String label, TestPki.Credential credential) {
        return new StoreEntry(Objects.requireNonNull(label), Objects.requireNonNull(credential), null);
    }

    static StoreEntry trusted(String label, X509Certificate certificate) {
        return new StoreEntry(Objects.requireNonNull(label), null, Objects.requireNonNull(certificate));
    }
}
