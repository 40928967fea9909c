package io.gsk4j.internal.certs;

import static io.gsk4j.internal.certs.CertsFixture.CLIENT;
import static io.gsk4j.internal.certs.CertsFixture.INTER;
import static io.gsk4j.internal.certs.CertsFixture.OTHER_ROOT;
import static io.gsk4j.internal.certs.CertsFixture.ROOT;
import static io.gsk4j.internal.certs.CertsFixture.RSA_SERVER;
import static io.gsk4j.internal.certs.CertsFixture.SERVER;
import static io.gsk4j.internal.certs.CertsFixture.keyring;
import static io.gsk4j.internal.certs.CertsFixture.pw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.testpki.TestPki;

import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import java.util.HashSet;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.openssl.CertificateTrustBlock;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFormatsTest {
    @TempDir
    Path dir;

    @Test
    void pkcs12() throws Exception {
        Path file = TestPki.pkcs12().key("Server", SERVER).trusted("root", ROOT.certificate())
                .trusted("other", OTHER_ROOT.certificate()).write(dir.resolve("store.bin"), pw("p12pass"));
        // the JDK writes PKCS#12 friendly names in lower case; labels match regardless of case
        KeyMaterial material = StoreLoader.load(keyring(file, pw("p12pass"), "SERVER", dir));
        assertKey(material, "server", SERVER);
        assertEquals(List.of(ROOT.certificate(), OTHER_ROOT.certificate()).size(), material.trustedCertificates().size());
        assertTrue(material.trustedCertificates().containsAll(List.of(ROOT.certificate(), OTHER_ROOT.certificate())));
        assertEquals(file, material.source());
    }

    @Test
    void anEmptyPkcs12StoreIsReadable() throws Exception {
        // a freshly created JDK PKCS#12 file is short enough for a one-byte DER length
        java.security.KeyStore empty = java.security.KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        Path file = dir.resolve("empty.p12");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            empty.store(out, pw("empty"));
        }
        KeyMaterial material = StoreLoader.load(keyring(file, pw("empty"), null, dir.resolve("home")));
        assertTrue(material.privateKey().isEmpty());
        assertTrue(material.trustedCertificates().isEmpty());
    }

    @Test
    void jks() throws Exception {
        Path file = TestPki.jks().key("server", SERVER).key("client", CLIENT).trusted("root", ROOT.certificate())
                .write(dir.resolve("store.p12"), pw("jkspass")); // extension lies on purpose
        KeyMaterial material = StoreLoader.load(keyring(file, pw("jkspass"), "client", dir));
        assertKey(material, "client", CLIENT);
        assertEquals(List.of(ROOT.certificate()), material.trustedCertificates());
    }

    @Test
    void jceks() throws Exception {
        KeyStore store = KeyStore.getInstance("JCEKS");
        store.load(null, null);
        store.setKeyEntry("server", SERVER.key(), pw("jcekspass"), SERVER.chain());
        store.setCertificateEntry("root", ROOT.certificate());
        Path file = dir.resolve("store.jceks");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, pw("jcekspass"));
        }
        KeyMaterial material = StoreLoader.load(keyring(file, pw("jcekspass"), null, dir));
        assertKey(material, "server", SERVER);
        assertEquals(List.of(ROOT.certificate()), material.trustedCertificates());
    }

    @Test
    void plainPem() throws Exception {
        Path file = TestPki.pem().key("server", SERVER).key("rsa", RSA_SERVER).trusted("root", ROOT.certificate())
                .write(dir.resolve("store.pem"), null);
        KeyMaterial material = StoreLoader.load(keyring(file, null, "rsa", dir));
        assertKey(material, "rsa", RSA_SERVER);
        assertEquals(List.of(ROOT.certificate()), material.trustedCertificates(), "chain certificates are not trusted");

        KeyMaterial server = StoreLoader.load(keyring(file, null, "server", dir));
        assertKey(server, "server", SERVER);
    }

    @Test
    void encryptedPem() throws Exception {
        Path file = TestPki.pem().key("server", SERVER).key("client", CLIENT).trusted("root", ROOT.certificate())
                .write(dir.resolve("store.txt"), pw("pempass"));
        assertTrue(Files.readString(file).contains("ENCRYPTED PRIVATE KEY"));
        KeyMaterial material = StoreLoader.load(keyring(file, pw("pempass"), "client", dir));
        assertKey(material, "client", CLIENT);
        assertEquals(List.of(ROOT.certificate()), material.trustedCertificates());
    }

    @Test
    void pemWithoutAttributesTakesLabelsFromTheLeafCn() throws Exception {
        // the shape of a web server's key file plus fullchain.pem, certificates first
        String text = pem(SERVER.leaf()) + pem(INTER.certificate()) + sec1(SERVER.key());
        Path file = Files.writeString(dir.resolve("server.pem"), text);
        KeyMaterial material = StoreLoader.load(keyring(file, null, null, dir));
        assertKey(material, "server.example", SERVER);
        assertEquals(List.of(), material.trustedCertificates());
    }

    @Test
    void pemAsOpensslPrintsAJdkKeystore() throws Exception {
        // the JDK names chain CAs by their DN and marks trusted entries with its own attribute
        String text = "Bag Attributes\n    friendlyName: srv\n    localKeyID: 54 69 6D 65\nKey Attributes: <No Attributes>\n"
                + sec1(SERVER.key())
                + "Bag Attributes\n    friendlyName: srv\n    localKeyID: 54 69 6D 65\n" + pem(SERVER.leaf())
                + "Bag Attributes\n    friendlyName: CN=Fixture Intermediate\n" + pem(INTER.certificate())
                + "Bag Attributes\n    friendlyName: CN=Fixture Root\n    2.16.840.1.113894.746875.1.1: <Unsupported tag 6>\n"
                + pem(ROOT.certificate())
                + pem(new PemObject("TRUSTED CERTIFICATE", new X509TrustedCertificateBlock(
                        new JcaX509CertificateHolder(OTHER_ROOT.certificate()), new CertificateTrustBlock(
                                new HashSet<>(List.of(KeyPurposeId.id_kp_serverAuth.toOID())))).getEncoded()));
        Path file = Files.writeString(dir.resolve("jdk.pem"), text);
        KeyMaterial material = StoreLoader.load(keyring(file, null, null, dir));
        assertKey(material, "srv", SERVER);
        assertEquals(2, material.chain().size());
        assertEquals(List.of(ROOT.certificate(), OTHER_ROOT.certificate()), material.trustedCertificates());
    }

    @Test
    void certificateBundleIsAllTrusted() throws Exception {
        Path file = Files.writeString(dir.resolve("ca.pem"), pem(ROOT.certificate()) + pem(OTHER_ROOT.certificate()));
        KeyMaterial material = StoreLoader.load(keyring(file, null, null, dir));
        assertEquals(Optional.empty(), material.label());
        assertEquals(Optional.empty(), material.privateKey());
        assertEquals(List.of(), material.chain());
        assertEquals(List.of(ROOT.certificate(), OTHER_ROOT.certificate()), material.trustedCertificates());
    }

    @Test
    void traditionalPemKeys() throws Exception {
        // PKCS#1 RSA and SEC1 EC blocks, and a legacy Proc-Type encrypted key
        String text = "Bag Attributes\n    friendlyName: rsa\n" + pem(RSA_SERVER.key()) + pem(RSA_SERVER.leaf())
                + "Bag Attributes\n    friendlyName: ec\n" + sec1(SERVER.key()) + pem(SERVER.leaf()) + pem(INTER.certificate());
        assertTrue(text.contains("BEGIN RSA PRIVATE KEY") && text.contains("BEGIN EC PRIVATE KEY"));
        Path file = Files.writeString(dir.resolve("traditional.pem"), text);
        assertKey(StoreLoader.load(keyring(file, null, "rsa", dir)), "rsa", RSA_SERVER);
        assertKey(StoreLoader.load(keyring(file, null, "ec", dir)), "ec", SERVER);

        StringWriter legacy = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(legacy)) {
            writer.writeObject(new JcaMiscPEMGenerator(RSA_SERVER.key(), new JcePEMEncryptorBuilder("AES-128-CBC")
                    .setProvider(new BouncyCastleProvider()).build(pw("legacypass"))));
        }
        assertTrue(legacy.toString().contains("Proc-Type: 4,ENCRYPTED"));
        Path legacyFile = Files.writeString(dir.resolve("legacy.pem"),
                legacy + pem(RSA_SERVER.leaf()));
        assertKey(StoreLoader.load(keyring(legacyFile, pw("legacypass"), null, dir)), "rsa.example", RSA_SERVER);
    }

    @Test
    void expiredCertificateIsStillLoaded() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        TestPki.Credential expired = ROOT.issue("old", TestPki.KeyType.EC_P256,
                now.minus(java.time.Duration.ofDays(30)), now.minus(java.time.Duration.ofDays(1)), true, false, "old");
        Path file = TestPki.pkcs12().key("old", expired).write(dir.resolve("old.p12"), pw("pass"));
        assertKey(StoreLoader.load(keyring(file, pw("pass"), null, dir)), "old", expired);
    }

    static void assertKey(KeyMaterial material, String label, TestPki.Credential expected) {
        assertEquals(Optional.of(label), material.label());
        PrivateKey key = material.privateKey().orElseThrow();
        assertEquals(expected.key().getAlgorithm(), key.getAlgorithm());
        assertTrue(KeyPairCheck.matches(key, expected.leaf().getPublicKey()), "the key belongs to the leaf");
        List<X509Certificate> chain = material.chain();
        List<X509Certificate> stored = List.of(expected.chain());
        // the JDK's PKCS#12 reader may complete the chain with the root found elsewhere in the file
        assertEquals(stored, chain.subList(0, stored.size()), "chain, leaf first");
    }

    static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    /** The "EC PRIVATE KEY" block OpenSSL writes: SEC1 with the curve named inside. */
    static String sec1(PrivateKey key) throws Exception {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        org.bouncycastle.asn1.sec.ECPrivateKey full = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(),
                info.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", full.getEncoded()));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
