package io.gsk4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The throw-away PKI of {@code gsk4j demo}: a demo CA, a server certificate it issued, an
 * expired one it issued, and an unrelated CA, written as PKCS#12 stores the way an
 * administrator would hand them to a GSKit program. EC P-256 keeps key generation instant.
 */
final class DemoPki {
    static final String PASSWORD = "demo-secret";
    static final String SERVER_LABEL = "server";
    static final String HOST = "localhost";

    /** The store files, all protected by {@link #PASSWORD}. */
    record Stores(Path server, Path expiredServer, Path clientTrust, Path otherTrust, X509Certificate ca,
                  X509Certificate serverCertificate) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    // Names are built broadest first (O, then CN), so RFC 2253 prints them the usual way: "CN=...,O=..."

    private DemoPki() {
    }

    static Stores create(Path dir) throws IOException, GeneralSecurityException {
        Instant now = Instant.now();
        Issuer ca = Issuer.root("gsk4j Demo CA", now);
        Issuer other = Issuer.root("gsk4j Other CA", now);

        KeyPair serverKeys = newKeyPair();
        X509Certificate server = ca.issueServer(serverKeys, HOST, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        KeyPair expiredKeys = newKeyPair();
        X509Certificate expired = ca.issueServer(expiredKeys, HOST, now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)));

        Path serverStore = keyStore(dir.resolve("server.p12"), serverKeys.getPrivate(), server, ca.certificate);
        Path expiredStore = keyStore(dir.resolve("expired-server.p12"), expiredKeys.getPrivate(), expired, ca.certificate);
        Path clientTrust = trustStore(dir.resolve("client-trust.p12"), "demo-ca", ca.certificate);
        Path otherTrust = trustStore(dir.resolve("other-trust.p12"), "other-ca", other.certificate);
        return new Stores(serverStore, expiredStore, clientTrust, otherTrust, ca.certificate, server);
    }

    private static Path keyStore(Path file, PrivateKey key, X509Certificate leaf, X509Certificate ca)
            throws IOException, GeneralSecurityException {
        KeyStore store = emptyStore();
        store.setKeyEntry(SERVER_LABEL, key, PASSWORD.toCharArray(), new X509Certificate[] {leaf, ca});
        store.setCertificateEntry("demo-ca", ca);
        return save(store, file);
    }

    private static Path trustStore(Path file, String label, X509Certificate ca) throws IOException, GeneralSecurityException {
        KeyStore store = emptyStore();
        store.setCertificateEntry(label, ca);
        return save(store, file);
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static Path save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static final JcaX509ExtensionUtils EXTENSIONS = extensionUtils();

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }

    /** A CA: its key and self-signed certificate. */
    private static final class Issuer {
        private final X500Name name;
        private final KeyPair keys;
        private final X509Certificate certificate;

        private Issuer(X500Name name, KeyPair keys, X509Certificate certificate) {
            this.name = name;
            this.keys = keys;
            this.certificate = certificate;
        }

        static Issuer root(String cn, Instant now) throws GeneralSecurityException {
            X500Name name = new X500Name("O=gsk4j demo,CN=" + cn);
            KeyPair keys = newKeyPair();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic());
            try {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                // key identifiers: gsk4j's strict validation (like the web PKI) requires them
                builder.addExtension(Extension.subjectKeyIdentifier, false, EXTENSIONS.createSubjectKeyIdentifier(keys.getPublic()));
            } catch (IOException e) {
                throw new GeneralSecurityException("cannot encode CA extensions", e);
            }
            return new Issuer(name, keys, sign(builder, keys.getPrivate()));
        }

        X509Certificate issueServer(KeyPair subjectKeys, String host, Instant notBefore, Instant notAfter)
                throws GeneralSecurityException {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore),
                    Date.from(notAfter), new X500Name("O=gsk4j demo,CN=" + host), subjectKeys.getPublic());
            try {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        EXTENSIONS.createAuthorityKeyIdentifier(keys.getPublic()));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, host),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                }));
            } catch (IOException e) {
                throw new GeneralSecurityException("cannot encode server extensions", e);
            }
            return sign(builder, keys.getPrivate());
        }

        private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
                throws GeneralSecurityException {
            try {
                return new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
            } catch (OperatorException e) {
                throw new GeneralSecurityException("cannot sign a demo certificate", e);
            }
        }
    }

    /** Positive 64-bit serials: unique enough for a store that lives a few seconds. */
    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }
}
