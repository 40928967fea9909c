package io.gsk4j.internal.certs;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a certificate store yields: at most one chosen key with its chain, and the trust anchors. */
public final class KeyMaterial {
    private final String label;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final List<X509Certificate> trustedCertificates;
    private final Path source;

    private KeyMaterial(String label, PrivateKey privateKey, List<X509Certificate> chain,
                        List<X509Certificate> trustedCertificates, Path source) {
        this.label = label;
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.trustedCertificates = List.copyOf(trustedCertificates);
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A key with its chain (leaf first) and the store's trust anchors. */
    public static KeyMaterial withKey(String label, PrivateKey key, List<X509Certificate> chain,
                                      List<X509Certificate> trusted, Path source) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(key, "key");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least its own certificate");
        }
        return new KeyMaterial(label, key, chain, trusted, source);
    }

    /** A store without a usable key: fine for a client that only verifies its peer. */
    public static KeyMaterial trustOnly(List<X509Certificate> trusted, Path source) {
        return new KeyMaterial(null, null, List.of(), trusted, source);
    }

    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    public Optional<PrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public List<X509Certificate> trustedCertificates() {
        return trustedCertificates;
    }

    public Path source() {
        return source;
    }

    @Override
    public String toString() {
        return "KeyMaterial[source=" + source
                + ", label=" + label
                + ", leaf=" + (chain.isEmpty() ? "none" : chain.get(0).getSubjectX500Principal().getName())
                + ", chainLength=" + chain.size()
                + ", trusted=" + trustedCertificates.size() + "]";
    }
}
