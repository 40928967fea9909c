package io.gsk4j.testpki;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A throw-away PKI for tests: CAs, server/client credentials and the store files users
 * bring (PKCS#12, JKS, PEM) plus GSKit stash files. Everything is generated at test time.
 */
public final class TestPki {

    /** Key algorithm of a certificate; also decides how that certificate's owner signs. */
    public enum KeyType {
        RSA_2048("SHA256withRSA"),
        EC_P256("SHA256withECDSA"),
        ED25519("Ed25519");

        final String signatureAlgorithm;

        KeyType(String signatureAlgorithm) {
            this.signatureAlgorithm = signatureAlgorithm;
        }
    }

    /** A private key and the chain a peer would send: leaf first, intermediates after, no root. */
    public record Credential(PrivateKey key, X509Certificate[] chain) {
        public X509Certificate leaf() {
            return chain[0];
        }
    }

    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration LEAF_LIFETIME = Duration.ofDays(365);

    private TestPki() {
    }

    public static Ca rootCa(String cn, KeyType type) {
        Instant now = Instant.now();
        return rootCa(cn, type, now.minus(BACKDATE), now.plus(CA_LIFETIME));
    }

    public static Ca rootCa(String cn, KeyType type, Instant notBefore, Instant notAfter) {
        KeyPair pair = Keys.generate(type);
        X509Certificate cert = CertificateMaker.forSubject(cn, pair.getPublic())
                .validity(notBefore, notAfter)
                .asCa()
                .signSelf(pair.getPrivate(), type);
        return new Ca(cert, pair.getPrivate(), type, null);
    }

    /** A self-signed end-entity certificate (not a CA) usable for both server and client auth. */
    public static Credential selfSigned(String cn, KeyType type, String... sans) {
        KeyPair pair = Keys.generate(type);
        Instant now = Instant.now();
        X509Certificate cert = CertificateMaker.forSubject(cn, pair.getPublic())
                .validity(now.minus(BACKDATE), now.plus(LEAF_LIFETIME))
                .asLeaf(type, true, true, sans.length == 0 ? new String[] {cn} : sans)
                .signSelf(pair.getPrivate(), type);
        return new Credential(pair.getPrivate(), new X509Certificate[] {cert});
    }

    /** A certificate authority that can issue intermediates and end-entity credentials. */
    public static final class Ca {
        private final X509Certificate certificate;
        private final PrivateKey key;
        private final KeyType type;
        private final Ca parent;

        private Ca(X509Certificate certificate, PrivateKey key, KeyType type, Ca parent) {
            this.certificate = certificate;
            this.key = key;
            this.type = type;
            this.parent = parent;
        }

        public X509Certificate certificate() {
            return certificate;
        }

        public PrivateKey key() {
            return key;
        }

        public Ca intermediate(String cn, KeyType type) {
            Instant now = Instant.now();
            return intermediate(cn, type, now.minus(BACKDATE), now.plus(CA_LIFETIME));
        }

        /** An intermediate CA with chosen validity dates (e.g. one that has expired). */
        public Ca intermediate(String cn, KeyType type, Instant notBefore, Instant notAfter) {
            KeyPair pair = Keys.generate(type);
            X509Certificate cert = CertificateMaker.forSubject(cn, pair.getPublic())
                    .validity(notBefore, notAfter)
                    .asCa()
                    .signBy(certificate, key, this.type);
            return new Ca(cert, pair.getPrivate(), type, this);
        }

        /** This CA's certificate followed by its issuers up to and including the root. */
        public X509Certificate[] chain() {
            List<X509Certificate> out = new ArrayList<>();
            for (Ca ca = this; ca != null; ca = ca.parent) {
                out.add(ca.certificate);
            }
            return out.toArray(new X509Certificate[0]);
        }

        /** Server credential; SANs default to the CN so hostname checks pass for "cn". */
        public Credential issueServer(String cn, KeyType type, String... sans) {
            Instant now = Instant.now();
            return issue(cn, type, now.minus(BACKDATE), now.plus(LEAF_LIFETIME), true, false,
                    sans.length == 0 ? new String[] {cn} : sans);
        }

        public Credential issueClient(String cn, KeyType type) {
            Instant now = Instant.now();
            return issue(cn, type, now.minus(BACKDATE), now.plus(LEAF_LIFETIME), false, true);
        }

        /**
         * Server credential whose certificate names {@code ocspUrl} as its OCSP responder in an
         * Authority Information Access extension; otherwise like {@link #issueServer}.
         */
        public Credential issueServerWithOcspUrl(String ocspUrl, String cn, KeyType type, String... sans) {
            Instant now = Instant.now();
            KeyPair pair = Keys.generate(type);
            X509Certificate cert = CertificateMaker.forSubject(cn, pair.getPublic())
                    .validity(now.minus(BACKDATE), now.plus(LEAF_LIFETIME))
                    .asLeaf(type, true, false, sans.length == 0 ? new String[] {cn} : sans)
                    .ocspUrl(ocspUrl)
                    .signBy(certificate, key, this.type);
            return withChain(pair, cert);
        }

        /** A delegated OCSP responder certificate (EKU id-kp-OCSPSigning) issued by this CA. */
        public Credential issueOcspSigner(String cn, KeyType type) {
            Instant now = Instant.now();
            return issueOcspSigner(cn, type, now.minus(BACKDATE), now.plus(LEAF_LIFETIME));
        }

        /** A delegated OCSP responder certificate with chosen validity dates. */
        public Credential issueOcspSigner(String cn, KeyType type, Instant notBefore, Instant notAfter) {
            KeyPair pair = Keys.generate(type);
            X509Certificate cert = CertificateMaker.forSubject(cn, pair.getPublic())
                    .validity(notBefore, notAfter)
                    .asOcspSigner(type)
                    .signBy(certificate, key, this.type);
            return withChain(pair, cert);
        }

        /** The new leaf followed by this CA's chain without the root, as a peer would send it. */
        private Credential withChain(KeyPair pair, X509Certificate cert) {
            X509Certificate[] caChain = chain();
            X509Certificate[] sent = new X509Certificate[caChain.length];
            sent[0] = cert;
            System.arraycopy(caChain, 0, sent, 1, caChain.length - 1);
            return new Credential(pair.getPrivate(), sent);
        }

        /** Fully controlled issuance; no SAN extension is written when {@code sans} is empty. */
        public Credential issue(String cn, KeyType type, Instant notBefore, Instant notAfter,
                                boolean serverAuth, boolean clientAuth, String... sans) {
            KeyPair pair = Keys.generate(type);
            X509Certificate cert = CertificateMaker.forSubject(cn, pair.getPublic())
                    .validity(notBefore, notAfter)
                    .asLeaf(type, serverAuth, clientAuth, sans)
                    .signBy(certificate, key, this.type);
            X509Certificate[] caChain = chain();
            // a server sends its leaf and intermediates; the root stays with the relying party
            X509Certificate[] sent = new X509Certificate[caChain.length];
            sent[0] = cert;
            System.arraycopy(caChain, 0, sent, 1, caChain.length - 1);
            return new Credential(pair.getPrivate(), sent);
        }
    }

    public static StoreBuilder pkcs12() {
        return new StoreBuilder(StoreBuilder.Format.PKCS12);
    }

    public static StoreBuilder jks() {
        return new StoreBuilder(StoreBuilder.Format.JKS);
    }

    public static StoreBuilder pem() {
        return new StoreBuilder(StoreBuilder.Format.PEM);
    }

    /** Collects key and trusted entries, then writes them in one of the user-facing formats. */
    public static final class StoreBuilder {
        enum Format { PKCS12, JKS, PEM }

        private final Format format;
        private final List<StoreEntry> entries = new ArrayList<>();

        private StoreBuilder(Format format) {
            this.format = format;
        }

        public StoreBuilder key(String label, Credential credential) {
            entries.add(StoreEntry.key(label, credential));
            return this;
        }

        public StoreBuilder trusted(String label, X509Certificate cert) {
            entries.add(StoreEntry.trusted(label, cert));
            return this;
        }

        /**
         * Writes the store. PKCS#12 and JKS need a password. For PEM a null password writes
         * keys in clear, otherwise as encrypted PKCS#8.
         */
        public Path write(Path file, char[] password) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                switch (format) {
                    case PEM -> Files.writeString(file, PemStoreWriter.render(entries, password), StandardCharsets.UTF_8);
                    case PKCS12 -> writeKeyStore("PKCS12", file, password);
                    case JKS -> writeKeyStore("JKS", file, password);
                    default -> throw new IllegalStateException(format.name());
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot write " + format + " store " + file, e);
            }
        }

        private void writeKeyStore(String type, Path file, char[] password) throws IOException, GeneralSecurityException {
            if (password == null) {
                throw new IllegalArgumentException(type + " stores are written with a password");
            }
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            for (StoreEntry entry : entries) {
                if (entry.credential() != null) {
                    store.setKeyEntry(entry.label(), entry.credential().key(), password, entry.credential().chain());
                } else {
                    store.setCertificateEntry(entry.label(), entry.certificate());
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        }
    }

    /**
     * Writes a classic GSKit stash: the UTF-8 password XOR 0xF5, an XOR-ed NUL, then random
     * padding to 1024 bytes. Deliberately independent of the production StashFile writer.
     */
    public static Path writeStash(Path file, char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] plain = new byte[encoded.remaining()];
        encoded.get(plain);
        Arrays.fill(encoded.array(), (byte) 0);
        byte[] out = new byte[1024];
        new SecureRandom().nextBytes(out);
        try {
            if (plain.length >= out.length) {
                throw new IllegalArgumentException("password too long for a stash file");
            }
            for (int i = 0; i < plain.length; i++) {
                out[i] = (byte) (plain[i] ^ 0xF5);
            }
            out[plain.length] = (byte) 0xF5;
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }
}
